"""One built article: its checked manifest and the files that manifest names.

Files are found by looking the requested name up among the names the
manifest lists; the name on disk always comes from the manifest, never from
the request. A file whose size differs from the manifest (a build in
progress) is not served.
"""
from __future__ import annotations

import logging
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import labels

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServedFile:
    path: Path
    mimetype: str
    download_name: str


@dataclass(frozen=True)
class Article:
    slug: str
    directory: Path
    manifest: dict
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # per-build cache (rendered page)

    @property
    def title(self) -> str:
        return self.manifest["article"]["title"]

    @property
    def sections(self) -> list[dict]:
        return self.manifest["sections"]

    def section_download_name(self, section: dict) -> str:
        return labels.section_download_name(section["index"], section["heading"])

    def full_download_name(self) -> str:
        return labels.safe_filename(self.title, "mp3", fallback=self.slug)

    def audio(self, name: str) -> ServedFile | None:
        """A section MP3 or the whole-article MP3 named ``name`` in the manifest."""
        for section in self.sections:
            if section["file"] == name:
                return self._served(section, lambda: self.section_download_name(section))
        if self.manifest["full"]["file"] == name:
            return self._served(self.manifest["full"], self.full_download_name)
        return None

    def _served(self, entry: dict, download_name) -> ServedFile | None:
        path = self._existing(entry["file"], entry["bytes"])
        return ServedFile(path, "audio/mpeg", download_name()) if path else None

    def download(self, name: str) -> ServedFile | None:
        """Like :meth:`audio`, plus the optional EPUB named in the manifest."""
        found = self.audio(name)
        epub = self.manifest.get("epub")
        if found is None and epub is not None and epub == name:
            path = self._existing(epub, None)
            download_name = labels.safe_filename(self.title, "epub", fallback=self.slug)
            return ServedFile(path, "application/epub+zip", download_name) if path else None
        return found

    def text_file(self, key: str) -> ServedFile | None:
        """``captions``/``chapters`` VTT or the manifest itself (``key="manifest"``)."""
        if key == "manifest":
            name, mimetype = "manifest.json", "application/json"
        else:
            name, mimetype = self.manifest.get(key), "text/vtt"
        if name is None:
            return None
        path = self._existing(name, None)
        return ServedFile(path, mimetype, name) if path else None

    def section_files(self) -> list[ServedFile]:
        """All section MP3s in order; empty if any of them is missing."""
        found = [self.audio(s["file"]) for s in self.sections]
        return [f for f in found if f] if all(found) else []

    def _existing(self, name: str, expected_bytes: int | None) -> Path | None:
        base = self.directory.resolve()
        path = (base / name).resolve()
        if path.parent != base:
            log.warning("article %s: %s points outside the article folder", self.slug, name)
            return None
        try:
            info = path.stat()
        except OSError:
            log.warning("article %s: %s is listed in the manifest but missing", self.slug, name)
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        if expected_bytes is not None and info.st_size != expected_bytes:
            log.warning("article %s: %s has %d bytes, the manifest says %d (build in progress?)",
                        self.slug, name, info.st_size, expected_bytes)
            return None
        return path
