"""Encode sections and the whole article, each once from PCM.

Section files are encoded as soon as their sentences are ready, on a worker
pool, while synthesis goes on. The whole-article file is one ffmpeg process
fed section by section through a queue (:class:`StreamEncoder`), so it
encodes alongside synthesis instead of after it.
"""
from __future__ import annotations

import contextlib
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..ffmpeg import encode_mp3
from ..model import Article
from . import tags
from .timeline import SectionTimeline

_SILENCE = bytes(2 * 4096)


@dataclass(frozen=True)
class EncodeSettings:
    rate: int
    bitrate_kbps: int
    quality: int
    engine: str


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


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def encode_section(path: Path, tl: SectionTimeline, store: dict[str, bytes], article: Article,
                   settings: EncodeSettings, total: int) -> None:
    tmp = _tmp(path)
    try:
        encode_mp3(pcm_chunks([tl], store), settings.rate, tmp, settings.bitrate_kbps, settings.quality)
        tags.tag_section(tmp, tl.section.heading, article.title, tl.section.index, total, article.lang,
                         settings.engine)
        tmp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class _Abort(Exception):
    """Raised inside the feeding generator to stop ffmpeg when the build fails."""


class StreamEncoder:
    """The whole-article MP3: one ffmpeg process fed section by section."""

    def __init__(self, path: Path, settings: EncodeSettings):
        self.path, self.settings = path, settings
        self._queue: queue.Queue = queue.Queue(maxsize=64)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="encode-full", daemon=True)
        self._thread.start()

    def _chunks(self) -> Iterator[bytes]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if item is _Abort:
                raise _Abort()
            yield item

    def _run(self) -> None:
        try:
            encode_mp3(self._chunks(), self.settings.rate, _tmp(self.path), self.settings.bitrate_kbps,
                       self.settings.quality)
        except BaseException as exc:  # reported by finish()
            self._error = exc

    def feed(self, tl: SectionTimeline, store: dict[str, bytes]) -> None:
        for chunk in pcm_chunks([tl], store):
            while self._error is None:
                try:
                    self._queue.put(chunk, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if self._error is not None:
                return

    def finish(self, article: Article, chapters: list[tuple[str, str, int, int]]) -> None:
        while self._error is None and self._thread.is_alive():
            try:
                self._queue.put(None, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()
        tmp = _tmp(self.path)
        try:
            if self._error is not None:
                raise self._error
            tags.tag_full(tmp, article.title, chapters, article.lang, self.settings.engine)
            tmp.replace(self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def abort(self) -> None:
        if self._thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._queue.put(_Abort, timeout=5)
            self._thread.join(timeout=30)
        with contextlib.suppress(FileNotFoundError):
            _tmp(self.path).unlink()
