"""Encode sections and the whole article, each once from PCM, in parallel."""
from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..ffmpeg import encode_mp3
from ..model import Article
from . import tags
from .timeline import SectionTimeline

_SILENCE = bytes(2 * 4096)


@dataclass
class EncodeJob:
    path: Path
    timelines: list[SectionTimeline]
    full: bool = False
    chapters: list[tuple[str, str, int, int]] | None = None


def pcm_chunks(timelines: list[SectionTimeline], store: dict[str, bytes]) -> Iterator[bytes]:
    """The PCM of the given sections in order: sentences from the store, pauses as zeros."""
    for tl in timelines:
        for key, samples in tl.pieces:
            if key is not None:
                yield store[key]
            else:
                left = samples * 2
                while left > 0:
                    piece = _SILENCE[:min(left, len(_SILENCE))]
                    left -= len(piece)
                    yield piece


def _encode(job: EncodeJob, store, article: Article, engine: str, rate: int, opt, total: int) -> None:
    tmp = job.path.with_name(f".{job.path.name}.tmp")
    try:
        encode_mp3(pcm_chunks(job.timelines, store), rate, tmp, opt.bitrate_kbps, opt.quality)
        if job.full:
            tags.tag_full(tmp, article.title, job.chapters or [], article.lang, engine)
        else:
            section = job.timelines[0].section
            tags.tag_section(tmp, section.heading, article.title, section.index, total, article.lang, engine)
        tmp.replace(job.path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def run_jobs(jobs: list[EncodeJob], store, article: Article, engine: str, rate: int, opt, total: int) -> None:
    """Run the jobs on ``opt.jobs`` workers (each one ffmpeg process); the
    longest (the whole article) starts first."""
    jobs = sorted(jobs, key=lambda j: -sum(tl.total for tl in j.timelines))
    workers = max(1, min(opt.jobs, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_encode, job, store, article, engine, rate, opt, total) for job in jobs]
        for future in futures:
            future.result()
