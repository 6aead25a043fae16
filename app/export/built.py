"""Built articles on disk, as the exports read them: ``<audio_dir>/<slug>/manifest.json``.

The manifest is checked with the same rules the reader uses
(:func:`app.web.validate.check_manifest`), and every audio file it names must
exist with the size the manifest gives, so an export never mixes two builds.
"""
from __future__ import annotations

import json
import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..web.validate import check_manifest

log = logging.getLogger(__name__)

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")
_UUID_NAMESPACE = uuid.UUID("5b1e8a4c-2f7d-4e0a-9c61-6d2f0b7e9a13")  # fixed: ids stay stable


@dataclass(frozen=True)
class BuiltArticle:
    slug: str
    directory: Path
    manifest: dict

    @property
    def title(self) -> str:
        return self.manifest["article"]["title"]

    @property
    def sections(self) -> list[dict]:
        return self.manifest["sections"]

    def uuid(self, kind: str) -> uuid.UUID:
        return build_uuid(self.manifest, kind, self.slug)

    def path(self, name: str) -> Path:
        return self.directory / name

    def audio_files(self) -> list[dict]:
        """The section entries and the whole-article entry (each has file, bytes, duration_ms)."""
        return [*self.sections, self.manifest["full"]]


def build_uuid(manifest: dict, kind: str, slug: str | None = None, audio_only: bool = False) -> uuid.UUID:
    """A name-based UUID for one build of one article (``kind``: "epub", "episode").
    The same build always gets the same id; a rebuild a new one, or with ``audio_only``
    only a rebuild that changed the audio (podcast apps then fetch the episode again)."""
    slug = slug or manifest["article"].get("slug", "")
    full = manifest["full"]
    build = str(full.get("hash", full["bytes"]))
    if not audio_only:
        build += f"@{manifest.get('built_at', '')}"
    return uuid.uuid5(_UUID_NAMESPACE, f"{kind}:{slug}:{build}")


def _missing(slug: str, audio_dir: Path) -> InputError:
    return InputError(f"no built article '{slug}' in {audio_dir}",
                      "build it first with 'vorleser build', or point --audio-dir at the build output")


def load_built(audio_dir: Path | str, slug: str) -> BuiltArticle:
    """The built article ``slug`` with all its audio files in place, else InputError."""
    audio_dir = Path(audio_dir)
    if not SLUG_RE.fullmatch(slug):
        raise InputError(f"'{slug}' is not an article name",
                         "use the folder name of a built article (lowercase letters, digits, '-')")
    manifest_path = audio_dir / slug / "manifest.json"
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _missing(slug, audio_dir) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read {manifest_path}: {exc}",
                         "an interrupted build; rebuild the article with 'vorleser build'") from exc
    article = BuiltArticle(slug, (audio_dir / slug).resolve(), check_manifest(data, slug))
    for entry in article.audio_files():
        path = article.path(entry["file"])
        try:
            size = path.stat().st_size
        except OSError:
            raise InputError(f"article '{slug}': {entry['file']} is missing",
                             "an interrupted build; rebuild the article with 'vorleser build'") from None
        if size != entry["bytes"]:
            raise InputError(f"article '{slug}': {entry['file']} has {size} bytes, the manifest says {entry['bytes']}",
                             "a build is running or was interrupted; wait for it or rebuild")
    return article


def list_built(audio_dir: Path | str) -> list[BuiltArticle]:
    """Every complete article in ``audio_dir``, sorted by slug.

    Unfinished or broken ones are left out with a warning, as the reader does."""
    audio_dir = Path(audio_dir)
    try:
        names = sorted(p.name for p in audio_dir.iterdir()
                       if SLUG_RE.fullmatch(p.name) and (p / "manifest.json").is_file())
    except OSError as exc:
        raise InputError(f"cannot read the audio folder {audio_dir}",
                         f"{exc.strerror}; point --audio-dir at the build output") from exc
    found = []
    for name in names:
        try:
            found.append(load_built(audio_dir, name))
        except InputError as exc:
            log.warning("skipping %s: %s", name, exc)
    return found
