"""The manifest: everything a player needs, written last."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Article
from .timeline import SectionTimeline, ms, sentence_entries

SCHEMA = "vorleser-manifest/1"


def build_manifest(article: Article, engine, opt, timelines: list[SectionTimeline], folder: Path,
                   rate: int, hashes: dict) -> dict:
    sections, offset = [], 0
    estimated = False
    for tl, digest in zip(timelines, hashes["sections"]):
        name = f"{tl.section.index:02d}-{tl.section.id}.mp3"
        entries = sentence_entries(tl, rate)
        estimated = estimated or any(t.estimated for t in tl.timings)
        sections.append({
            "id": tl.section.id, "index": tl.section.index, "heading": tl.section.heading,
            "level": tl.section.level, "file": name, "bytes": (folder / name).stat().st_size,
            "duration_ms": ms(tl.total, rate), "offset_ms": ms(offset, rate),
            "offset_samples": offset, "samples": tl.total, "hash": digest, "sentences": entries,
        })
        offset += tl.total
    full_name = f"{article.slug}.mp3"
    return {
        "schema": SCHEMA,
        "article": {"slug": article.slug, "title": article.title, "teaser": article.teaser,
                    "lang": article.lang, "source": article.source},
        "engine": {"name": engine.name, "voice": engine.voice, "settings": engine.settings,
                   "estimated_words": estimated},
        "audio": {"format": "mp3", "bitrate_kbps": opt.bitrate_kbps, "sample_rate": rate, "channels": 1,
                  "pauses_ms": vars(opt.pauses)},
        "duration_ms": ms(offset, rate),
        "samples": offset,
        "full": {"file": full_name, "bytes": (folder / full_name).stat().st_size,
                 "duration_ms": ms(offset, rate), "hash": hashes["full"]},
        "captions": "captions.vtt",
        "chapters": "chapters.vtt",
        "built_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sections": sections,
    }
