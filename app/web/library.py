"""All built articles in the audio folder: ``<audio_dir>/<slug>/manifest.json``.

The build writes manifest.json last and atomically, so a folder without one
is unfinished and invisible here. Articles are cached by the manifest's
mtime/size/inode and version folder; a broken one is skipped with a single log
warning per version.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from flask import current_app

from ..errors import ManifestError
from ..manifest import BuiltArticle, is_slug, read, slugs
from ..manifest.names import MANIFEST

log = logging.getLogger(__name__)


class Library:
    def __init__(self, audio_dir: Path):
        self.audio_dir = Path(audio_dir)
        self._cache: dict[str, tuple[tuple, BuiltArticle | None]] = {}
        self._lock = threading.Lock()

    def articles(self) -> list[BuiltArticle]:
        """Every readable article, newest build first, then by title."""
        try:
            names = slugs(self.audio_dir)
        except ManifestError:
            log.warning("audio folder %s cannot be read", self.audio_dir)
            return []
        found = [a for a in (self.get(name) for name in names) if a is not None]
        found.sort(key=lambda a: a.title.casefold())
        found.sort(key=lambda a: a.built_at, reverse=True)
        return found

    def get(self, slug: str) -> BuiltArticle | None:
        """The article ``slug``, or None if unknown, unfinished or broken."""
        if not is_slug(slug):
            return None
        try:
            # Resolve the version symlink once: the manifest and the files it names are
            # then read from the same complete build, even if a new one is published meanwhile.
            folder = (self.audio_dir / slug).resolve(strict=True)
            info = (folder / MANIFEST).stat()
        except OSError:
            with self._lock:
                self._cache.pop(slug, None)
            return None
        key = (info.st_mtime_ns, info.st_size, info.st_ino, str(folder))
        with self._lock:
            cached = self._cache.get(slug)
        if cached and cached[0] == key:
            return cached[1]
        try:
            article: BuiltArticle | None = read(folder, slug)
        except ManifestError as exc:
            log.warning("skipping article %s: %s", slug, exc)
            article = None
        with self._lock:
            self._cache[slug] = (key, article)
        return article


def get_library() -> Library:
    """The library of the current Flask app."""
    return current_app.extensions["vorleser_library"]
