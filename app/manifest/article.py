"""Read a built article: ``<audio_dir>/<slug>/manifest.json`` and the files it names.

One typed reader for the web app and the exports. Files are found by looking
the requested name up among the names the manifest lists; the name on disk
always comes from the manifest, never from a request. A file whose size
differs from the manifest (a build in progress, a damaged copy) is not used.
"""
from __future__ import annotations

import json
import logging
import stat
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import ManifestError, RecordedArticleError
from . import names, timings
from .validate import check

log = logging.getLogger(__name__)
RECORDING_ENGINE = "recording"  # the engine name `vorleser align` writes
_UUID_NAMESPACE = uuid.UUID("5b1e8a4c-2f7d-4e0a-9c61-6d2f0b7e9a13")  # fixed: ids stay stable


@dataclass(frozen=True)
class AudioFile:
    """An MP3 the manifest names (a section's or the whole article's)."""
    file: str
    bytes: int
    duration_ms: int
    download_name: str


@dataclass(frozen=True)
class FoundFile:
    """A file of the article that exists as the manifest describes it."""
    path: Path
    mimetype: str
    download_name: str


@dataclass(frozen=True)
class BuiltArticle:
    """A built article. ``data`` is the checked manifest (see ``schema.json``)."""
    slug: str
    directory: Path
    data: dict
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # per-build cache (rendered pages)

    # -- what the manifest says ----------------------------------------------------------
    @property
    def title(self) -> str:
        return self.data["article"]["title"]

    @property
    def teaser(self) -> str:
        return self.data["article"]["teaser"]

    @property
    def lang(self) -> str:
        return self.data["article"]["lang"]

    @property
    def duration_ms(self) -> int:
        return self.data["duration_ms"]

    @property
    def built_at(self) -> str:
        return self.data["built_at"]

    @property
    def engine(self) -> str:
        return self.data["engine"]["name"]

    @property
    def sections(self) -> list[dict]:
        """Section entries in order (keys as in the schema's ``section``)."""
        return self.data["sections"]

    @property
    def recorded(self) -> bool:
        """A narrator's recording with word times from forced alignment (``vorleser align``), not
        synthetic speech: it has ``alignment`` (per section, or for the whole document) or the
        engine ``recording``. Rebuilding it from its text would replace the recording."""
        return ("alignment" in self.data or self.engine == RECORDING_ENGINE
                or any("alignment" in s for s in self.sections))

    @cached_property
    def full(self) -> AudioFile:
        entry = self.data["full"]
        return AudioFile(entry["file"], entry["bytes"], entry["duration_ms"],
                         names.safe_filename(self.title, "mp3", fallback=self.slug))

    @cached_property
    def section_audio(self) -> list[AudioFile]:
        return [AudioFile(s["file"], s["bytes"], s["duration_ms"], names.section_download_name(s["index"], s["heading"]))
                for s in self.sections]

    def audio_files(self) -> list[AudioFile]:
        """Every MP3: the sections in order, then the whole article."""
        return [*self.section_audio, self.full]

    def download_name(self, extension: str) -> str:
        """A readable name for the whole article as ``extension`` (epub, zip)."""
        return names.safe_filename(self.title, extension, fallback=self.slug)

    def uuid(self, kind: str, audio_only: bool = False) -> uuid.UUID:
        """A name-based UUID for this build (``kind``: "epub", "episode"). The same build always
        gets the same id; a rebuild a new one, or with ``audio_only`` only a rebuild whose audio changed."""
        full = self.data["full"]
        build = str(full.get("hash", full["bytes"]))
        if not audio_only:
            build += f"@{self.built_at}"
        return uuid.uuid5(_UUID_NAMESPACE, f"{kind}:{self.slug}:{build}")

    # -- its files ------------------------------------------------------------------------
    def path(self, name: str) -> Path:
        return self.directory / name

    def audio(self, name: str) -> FoundFile | None:
        """The section MP3 or the whole-article MP3 called ``name``, if it is complete."""
        for entry in self.audio_files():
            if entry.file == name:
                path = self._existing(entry.file, entry.bytes)
                return FoundFile(path, "audio/mpeg", entry.download_name) if path else None
        return None

    def download(self, name: str) -> FoundFile | None:
        """Like :meth:`audio`, plus the EPUB a static export names in the manifest."""
        found = self.audio(name)
        epub = self.data.get("epub")
        if found is None and epub is not None and epub == name:
            path = self._existing(epub, None)
            return FoundFile(path, "application/epub+zip", self.download_name("epub")) if path else None
        return found

    def text_file(self, key: str) -> FoundFile | None:
        """``captions``/``chapters`` VTT, or the manifest itself (``key="manifest"``)."""
        if key == "manifest":
            name, mimetype = names.MANIFEST, "application/json"
        else:
            name, mimetype = self.data.get(key), "text/vtt"
        if name is None:
            return None
        path = self._existing(name, None)
        return FoundFile(path, mimetype, name) if path else None

    def timings(self, name: str) -> str | None:
        """The timing file ``name`` (``02-einleitung.json``, see :mod:`.timings`) as JSON text, or None."""
        key = f"timings:{name}"
        if key not in self.memo:
            section = timings.timing_files(self.data).get(name)
            if section is None:
                return None
            self.memo[key] = timings.dumps(section)
        return self.memo[key]

    def section_files(self) -> list[FoundFile]:
        """All section MP3s in order; empty if any of them is missing."""
        found = [self.audio(s.file) for s in self.section_audio]
        return [f for f in found if f] if all(found) else []

    def missing_audio(self) -> list[str]:
        """Why some MP3 is not usable ("02-x.mp3 is missing"), for every MP3 that is not."""
        problems = []
        for entry in self.audio_files():
            try:
                size = self.path(entry.file).stat().st_size
            except OSError:
                problems.append(f"{entry.file} is missing")
                continue
            if size != entry.bytes:
                problems.append(f"{entry.file} has {size} bytes, the manifest says {entry.bytes}")
        return problems

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


def read(folder: Path, slug: str) -> BuiltArticle:
    """The article in ``folder`` (a resolved version folder), checked against the schema."""
    path = Path(folder) / names.MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"article '{slug}' has no manifest.json",
                            "it is still being built or was never built; run 'vorleser build'") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ManifestError(f"cannot read {path}: {exc}",
                            "an interrupted build; rebuild the article with 'vorleser build'") from exc
    return BuiltArticle(slug, Path(folder), check(data, slug))


def load(audio_dir: Path | str, slug: str) -> BuiltArticle:
    """The complete built article ``slug``: its manifest checked and every MP3 in place."""
    audio_dir = Path(audio_dir)
    if not names.is_slug(slug):
        raise ManifestError(f"'{slug}' is not an article name",
                            "use the folder name of a built article (lowercase letters, digits, '-')")
    try:
        folder = (audio_dir / slug).resolve(strict=True)
    except OSError:
        raise ManifestError(f"no built article '{slug}' in {audio_dir}",
                            "build it first with 'vorleser build', or point --audio-dir at the build output") from None
    article = read(folder, slug)
    problems = article.missing_audio()
    if problems:
        raise ManifestError(f"article '{slug}': {problems[0]}",
                            "a build is running or was interrupted; wait for it or rebuild")
    return article


def slugs(audio_dir: Path | str) -> list[str]:
    """The names of the article folders in ``audio_dir`` that hold a manifest, sorted."""
    audio_dir = Path(audio_dir)
    try:
        return sorted(p.name for p in audio_dir.iterdir()
                      if names.is_slug(p.name) and (p / names.MANIFEST).is_file())
    except OSError as exc:
        raise ManifestError(f"cannot read the audio folder {audio_dir}",
                            f"{exc.strerror}; point --audio-dir at the build output") from exc


def load_all(audio_dir: Path | str) -> list[BuiltArticle]:
    """Every complete article in ``audio_dir``, sorted by slug; broken ones are skipped with a warning."""
    found = []
    for slug in slugs(audio_dir):
        try:
            found.append(load(audio_dir, slug))
        except ManifestError as exc:
            log.warning("skipping %s: %s", slug, exc)
    return found


def refuse_recorded(audio_dir: Path, slug: str) -> None:
    """Raise :class:`RecordedArticleError` if the library's article ``slug`` is a narrator's
    recording. Only its manifest is read: a recording with a missing MP3 is still one."""
    try:
        folder = (Path(audio_dir) / slug).resolve(strict=True)
        article = read(folder, slug)
    except (OSError, ManifestError):
        return  # nothing there (or no readable manifest): a build may write it
    if article.recorded:
        raise RecordedArticleError(slug)
