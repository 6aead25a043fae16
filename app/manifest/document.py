"""Write a manifest: the one place that knows its keys.

The pipeline (and ``vorleser align``) describe a build with these functions and
:func:`write` checks the result against the schema before it replaces
``manifest.json`` atomically. Times are milliseconds, derived per value from
sample counts by the caller (never accumulated).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..atomic import write_text
from .names import CAPTIONS, CHAPTERS, MANIFEST, full_file
from .validate import SCHEMA, check

WORD_METHODS = ("engine", "aligned", "estimated", "interpolated")


def word(start: int, end: int, begin_ms: int, end_ms: int, method: str = "engine") -> dict:
    """One displayed word: its character span in the sentence text and when it is spoken."""
    entry = {"start": start, "end": end, "begin_ms": begin_ms, "end_ms": max(end_ms, begin_ms), "method": method}
    if method == "estimated":
        entry["estimated"] = True  # what readers of older manifests look at
    return entry


def sentence(sentence_id: str, kind: str, paragraph: int, text: str, spoken: str,
             begin_ms: int, end_ms: int, words: list[dict]) -> dict:
    return {"id": sentence_id, "kind": kind, "paragraph": paragraph, "text": text, "spoken": spoken,
            "begin_ms": begin_ms, "end_ms": end_ms, "words": words}


def alignment(confidence: float, matched: int, sentences: int) -> dict:
    """How well a section's recording matched its text (``vorleser align``)."""
    return {"confidence": round(confidence, 3), "sentences_matched": matched, "sentences": sentences}


def section(*, section_id: str, index: int, heading: str, level: int, file: str, size: int,
            duration_ms: int, offset_ms: int, offset_samples: int, samples: int, digest: str,
            sentences: list[dict], aligned: dict | None = None) -> dict:
    entry = {"id": section_id, "index": index, "heading": heading, "level": level, "file": file,
             "bytes": size, "duration_ms": duration_ms, "offset_ms": offset_ms,
             "offset_samples": offset_samples, "samples": samples, "hash": digest}
    if aligned is not None:
        entry["alignment"] = aligned
    entry["sentences"] = sentences
    return entry


def document(*, slug: str, title: str, teaser: str, lang: str, source: str, engine: dict, audio: dict,
             sections: list[dict], duration_ms: int, samples: int, full_bytes: int, full_digest: str,
             lexicon: str | None = None) -> dict:
    """The whole manifest. ``engine``: name, voice, settings; ``audio``: bitrate_kbps,
    sample_rate, channels, pauses_ms; ``lexicon``: the PLS file of the entries the build applied."""
    estimated = any(w.get("method") == "estimated"
                    for s in sections for sentence_ in s["sentences"] for w in sentence_["words"])
    data = {
        "schema": SCHEMA,
        "article": {"slug": slug, "title": title, "teaser": teaser, "lang": lang, "source": source},
        "engine": {**engine, "estimated_words": estimated},
        "audio": {"format": "mp3", **audio},
        "duration_ms": duration_ms,
        "samples": samples,
        "full": {"file": full_file(slug), "bytes": full_bytes, "duration_ms": duration_ms, "hash": full_digest},
        "captions": CAPTIONS,
        "chapters": CHAPTERS,
        "built_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sections": sections,
    }
    if lexicon:
        data["lexicon"] = lexicon
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(folder: Path, data: dict) -> Path:
    """Check ``data`` against the schema, then write ``folder/manifest.json`` atomically."""
    check(data, data.get("article", {}).get("slug"))
    target = Path(folder) / MANIFEST
    write_text(target, dumps(data))
    return target
