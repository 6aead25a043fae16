"""All built articles in the audio folder: ``<audio_dir>/<slug>/manifest.json``.

The build writes manifest.json last and atomically, so a folder without one
is unfinished and invisible here. Manifests are cached by mtime/size/inode;
a broken one is skipped with a single log warning per version.
"""
from __future__ import annotations

import json
import logging
import re
import threading
from pathlib import Path

from flask import current_app

from ..errors import InputError
from .article import Article
from .validate import check_manifest

log = logging.getLogger(__name__)

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")
MANIFEST = "manifest.json"


def is_slug(value: str) -> bool:
    return SLUG_RE.fullmatch(value) is not None


class Library:
    def __init__(self, audio_dir: Path):
        self.audio_dir = Path(audio_dir)
        self._cache: dict[str, tuple[tuple, Article | None]] = {}
        self._lock = threading.Lock()

    def articles(self) -> list[Article]:
        """Every readable article, newest build first, then by title."""
        try:
            names = sorted(p.name for p in self.audio_dir.iterdir() if is_slug(p.name))
        except OSError:
            log.warning("audio folder %s cannot be read", self.audio_dir)
            return []
        found = [a for a in (self.get(name) for name in names) if a is not None]
        found.sort(key=lambda a: a.title.casefold())
        found.sort(key=lambda a: str(a.manifest.get("built_at", "")), reverse=True)
        return found

    def get(self, slug: str) -> Article | None:
        """The article ``slug``, or None if unknown, unfinished or broken."""
        if not is_slug(slug):
            return None
        try:
            # Resolve the version symlink once: the manifest and the files it names are
            # then read from the same complete build, even if a new one is published meanwhile.
            folder = (self.audio_dir / slug).resolve(strict=True)
            path = folder / MANIFEST
            info = path.stat()
        except OSError:
            with self._lock:
                self._cache.pop(slug, None)
            return None
        key = (info.st_mtime_ns, info.st_size, info.st_ino, str(folder))
        with self._lock:
            cached = self._cache.get(slug)
        if cached and cached[0] == key:
            return cached[1]
        article = self._load(slug, path)
        with self._lock:
            self._cache[slug] = (key, article)
        return article

    def _load(self, slug: str, path: Path) -> Article | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            manifest = check_manifest(data, slug)
        except (OSError, UnicodeDecodeError, ValueError, InputError) as exc:
            log.warning("skipping article %s: %s", slug, exc)
            return None
        return Article(slug=slug, directory=path.parent, manifest=manifest)


def get_library() -> Library:
    """The library of the current Flask app."""
    return current_app.extensions["vorleser_library"]
