"""The manifest of one build, from its section timelines (the format is :mod:`app.manifest`'s)."""
from __future__ import annotations

from ..manifest import document
from ..manifest.names import full_file, section_file
from ..model import Article
from .timeline import SectionTimeline, ms, sentence_entries


def build_manifest(article: Article, engine, opt, timelines: list[SectionTimeline], folder, rate: int,
                   hashes: dict, *, pauses_ms: dict | None = None, aligned: list[dict] | None = None,
                   lexicon: str | None = None) -> dict:
    """``pauses_ms`` defaults to the pauses the build inserted; ``aligned``: per section, for a recording."""
    sections, offset = [], 0
    for n, (tl, digest) in enumerate(zip(timelines, hashes["sections"])):
        sec = tl.section
        name = section_file(sec.index, sec.id)
        sections.append(document.section(
            section_id=sec.id, index=sec.index, heading=sec.heading, level=sec.level, file=name,
            size=(folder / name).stat().st_size, duration_ms=ms(tl.total, rate), offset_ms=ms(offset, rate),
            offset_samples=offset, samples=tl.total, digest=digest, sentences=sentence_entries(tl, rate),
            aligned=aligned[n] if aligned else None))
        offset += tl.total
    return document.document(
        slug=article.slug, title=article.title, teaser=article.teaser, lang=article.lang, source=article.source,
        engine={"name": engine.name, "voice": engine.voice, "settings": engine.settings},
        audio={"bitrate_kbps": opt.bitrate_kbps, "sample_rate": rate, "channels": 1,
               "pauses_ms": vars(opt.pauses) if pauses_ms is None else pauses_ms},
        sections=sections, duration_ms=ms(offset, rate), samples=offset,
        full_bytes=(folder / full_file(article.slug)).stat().st_size, full_digest=hashes["full"], lexicon=lexicon)
