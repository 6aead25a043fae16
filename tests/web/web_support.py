"""Test data for the web tests: built articles with small sine MP3s.

``make_article`` writes one built article exactly as the spec describes
(section MP3s, whole MP3, captions.vtt, chapters.vtt, manifest.json last).
"""
from __future__ import annotations

import re
from pathlib import Path

from app.ffmpeg import encode_mp3
from app.manifest import document
from tests.audio_support import tone_pcm

SAMPLE_RATE = 22050
SLUG = "testartikel"
XSS_SLUG = "xss-artikel"
XSS = "<script>alert(1)</script>"
ATTR = '" onerror="alert(2)'


def sine_pcm(seconds: float, freq: float) -> bytes:
    return tone_pcm(seconds, freq, SAMPLE_RATE)


def _words(text: str, begin: int, end: int) -> list[dict]:
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    step = (end - begin) // max(len(spans), 1)
    return [{"start": s, "end": e, "begin_ms": begin + i * step, "end_ms": begin + (i + 1) * step}
            for i, (s, e) in enumerate(spans)]


def _sentences(section_id: str, heading: str, paragraphs: list[list[str]], duration: int) -> list[dict]:
    items = [("heading", 0, heading)] + [("text", p, t) for p, texts in enumerate(paragraphs, 1)
                                         for t in texts]
    step = duration // len(items)
    out = []
    for number, (kind, paragraph, text) in enumerate(items):
        begin, end = number * step, (number + 1) * step
        out.append({"id": f"{section_id}-h" if kind == "heading" else f"{section_id}-{number}",
                    "kind": kind, "paragraph": paragraph, "text": text, "spoken": text,
                    "begin_ms": begin, "end_ms": end, "words": _words(text, begin, end)})
    return out


def _vtt(cues: list[tuple[int, int, str]]) -> str:
    def ts(ms: int) -> str:
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
    return "WEBVTT\n\n" + "".join(f"{ts(b)} --> {ts(e)}\n{text}\n\n" for b, e, text in cues)


def make_article(audio_dir: Path, slug: str, title: str, teaser: str,
                 sections: list[tuple[str, list[list[str]]]], seconds: float = 2.0) -> dict:
    """Write a complete build of one article into ``audio_dir/slug`` and return its manifest."""
    folder = audio_dir / slug
    folder.mkdir(parents=True, exist_ok=True)
    duration = int(seconds * 1000)
    specs = [("titel", title, 1, [[teaser]] if teaser else [])]
    specs += [(re.sub(r"[^a-z0-9]+", "-", h.lower()).strip("-") or f"s{i}", h, 2, paras)
              for i, (h, paras) in enumerate(sections, 2)]
    manifest_sections, pcm_all, captions, chapters = [], b"", [], []
    for index, (section_id, heading, level, paragraphs) in enumerate(specs, 1):
        pcm = sine_pcm(seconds, 330 + 110 * index)
        name = f"{index:02d}-{section_id}.mp3"
        encode_mp3(pcm, SAMPLE_RATE, folder / name)
        offset = (index - 1) * duration
        sentences = _sentences(section_id, heading, paragraphs, duration)
        captions += [(offset + s["begin_ms"], offset + s["end_ms"], s["text"]) for s in sentences]
        chapters.append((offset, offset + duration, heading))
        manifest_sections.append({
            "id": section_id, "index": index, "heading": heading, "level": level, "file": name,
            "bytes": (folder / name).stat().st_size, "duration_ms": duration, "offset_ms": offset,
            "sentences": sentences})
        pcm_all += pcm
    encode_mp3(pcm_all, SAMPLE_RATE, folder / f"{slug}.mp3")
    (folder / "captions.vtt").write_text(_vtt(captions), encoding="utf-8")
    (folder / "chapters.vtt").write_text(_vtt(chapters), encoding="utf-8")
    total = duration * len(specs)
    manifest = {
        "schema": "vorleser-manifest/1",
        "article": {"slug": slug, "title": title, "teaser": teaser, "lang": "de",
                    "source": f"test:{slug}"},
        "engine": {"name": "espeak", "voice": "de", "settings": {"rate": 175, "pitch": 50},
                   "estimated_words": False},
        "audio": {"format": "mp3", "bitrate_kbps": 64, "sample_rate": SAMPLE_RATE, "channels": 1},
        "duration_ms": total,
        "full": {"file": f"{slug}.mp3", "bytes": (folder / f"{slug}.mp3").stat().st_size,
                 "duration_ms": total},
        "captions": "captions.vtt", "chapters": "chapters.vtt",
        "built_at": "2026-11-29T04:00:00Z",
        "sections": manifest_sections,
    }
    document.write(folder, manifest)  # checked against the schema, written atomically
    return manifest


def make_recording(audio_dir: Path, slug: str, title: str, teaser: str,
                   sections: list[tuple[str, list[list[str]]]], seconds: float = 1.0) -> dict:
    """Like :func:`make_article`, but as ``vorleser align`` writes a narrator's recording: the
    engine ``recording`` and each section's ``alignment``."""
    manifest = make_article(audio_dir, slug, title, teaser, sections, seconds)
    manifest["engine"] = {"name": "recording", "estimated_words": False}
    for section in manifest["sections"]:
        section["alignment"] = document.alignment(0.97, len(section["sentences"]), len(section["sentences"]))
    document.write(audio_dir / slug, manifest)
    return manifest
