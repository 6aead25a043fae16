"""What one job does: read its source, build the article with progress, publish it.

Sources (``job.source``):
``{"type": "url", "url": ...}`` fetched under the server's fetch policy (SSRF-safe);
``{"type": "text", "text": ..., "format": "text"|"markdown"|"html"}`` pasted or sent as JSON;
``{"type": "upload", "data": base64, "name": ...}`` an uploaded .txt/.md/.html file;
``{"type": "rebuild", "slug": ...}`` an article in the library, read back from its manifest.

The same source sent again updates the same article: a URL keeps the article it
first became; text keeps its title's slug.
"""
from __future__ import annotations

import base64
import binascii
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..model import Article, RawArticle, from_raw, slugify
from ..sources import load_source, suggest_slug
from ..sources.load import load_text, load_upload
from ..sources.netguard import FetchPolicy
from .articles import built, raw_from_manifest, refuse_recorded
from .model import Job

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    article: Article
    source_key: str | None  # remembered -> slug after a successful build


def source_key(source: dict) -> str | None:
    return f"url:{source['url'].strip()}" if source.get("type") == "url" else None


def _raw(job: Job, audio_dir: Path, policy: FetchPolicy) -> RawArticle:
    src = job.source
    kind = src.get("type")
    if kind == "url":
        return load_source(src["url"], policy=policy)
    if kind == "text":
        return load_text(src.get("text", ""), src.get("format", "text"), src.get("name") or "text")
    if kind == "upload":
        try:
            data = base64.b64decode(src.get("data", ""), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise InputError("the uploaded file arrived damaged", "upload it again") from exc
        return load_upload(data, src.get("name") or "upload.txt")
    if kind == "rebuild":
        return raw_from_manifest(built(audio_dir, src["slug"]))
    raise InputError(f"unknown source type {kind!r}", "send a url, a text or a file")


def prepare(job: Job, audio_dir: Path, policy: FetchPolicy, known_slug: Callable[[str], str | None]) -> Prepared:
    """Read the job's source into an article with its final slug. A slug that names a narrator's
    recording in the library is refused (:class:`~app.errors.RecordedArticleError`)."""
    raw = _raw(job, audio_dir, policy)
    if job.title and job.title.strip():
        raw.title = " ".join(job.title.split())[:300]
    key = source_key(job.source)
    if job.source.get("type") == "rebuild":
        slug = job.source["slug"]
    elif key is not None:
        slug = known_slug(key) or suggest_slug(job.source["url"], raw)
    else:
        slug = slugify(raw.title)
    refuse_recorded(audio_dir, slug)  # a new source whose slug is a recording's must not replace it
    return Prepared(from_raw(raw, slug), key)


class ProgressReporter:
    """Turns the build's (done, total) calls into job updates, at most a few per second, with an ETA."""

    def __init__(self, write: Callable[[int, int, float | None], None], interval: float = 0.5):
        self.write, self.interval = write, interval
        self.t0 = time.monotonic()
        self.first_done: int | None = None
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.first_done is None:
            self.first_done, self.t0 = done, now
        if now - self.last < self.interval and done < total:
            return
        self.last = now
        self.write(done, total, self.eta(done, total, now))

    def eta(self, done: int, total: int, now: float) -> float | None:
        made = done - (self.first_done or 0)
        if made <= 0 or total <= 0:
            return None
        return (now - self.t0) / made * (total - done)
