"""Names in a build folder, and the names files get when someone downloads them.

Owned here, used by the pipeline (writing), the reader and the exports (reading):
article slugs, the section and whole-article MP3 names, the side files, and the
readable German download names ("03 - Hintergrund des Treffens.mp3").
"""
from __future__ import annotations

import re
import unicodedata

from ..text.plain import squash

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")
MANIFEST = "manifest.json"
CAPTIONS = "captions.vtt"
CHAPTERS = "chapters.vtt"

_BAD_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")
_PARTIAL_SUFFIXES = (".tmp", ".part", ".partial")
_FORBIDDEN = re.compile(r'[<>"/\\|?*]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL",
                     *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120


def is_slug(value: object) -> bool:
    """An article name: lowercase ASCII letters, digits and '-', at most 81 characters."""
    return isinstance(value, str) and SLUG_RE.fullmatch(value) is not None


def section_file(index: int, section_id: str) -> str:
    """``02-einleitung.mp3``: the MP3 of section ``index`` (1-based; 1 is title and teaser)."""
    return f"{index:02d}-{section_id}.mp3"


def full_file(slug: str) -> str:
    """The whole-article MP3 with chapters."""
    return f"{slug}.mp3"


def timing_file(section_mp3: str) -> str:
    """``02-einleitung.json``: the timing file derived for the section MP3 ``02-einleitung.mp3``
    (served below ``zeiten/``, see :mod:`.timings`)."""
    stem, _, _ = section_mp3.rpartition(".")
    return f"{stem or section_mp3}.json"


def is_plain_name(name: object) -> bool:
    """True for a bare file name such as ``02-einleitung.mp3`` (no path, no hidden or temp file)."""
    return (isinstance(name, str) and 0 < len(name) <= 200 and not _BAD_NAME.search(name)
            and not name.startswith(".") and name == name.strip()
            and not name.lower().endswith(_PARTIAL_SUFFIXES))


def safe_filename(stem: str, extension: str, fallback: str = "Vorleser") -> str:
    """A file name every common file system accepts, readable German kept.

    Path separators, reserved characters and control/format characters
    (including bidi overrides) are removed; ``:`` becomes `` -``.
    """
    text = unicodedata.normalize("NFC", str(stem)).replace(":", " -")
    text = "".join(" " if unicodedata.category(ch).startswith(("C", "Z")) else ch for ch in text)
    text = squash(_FORBIDDEN.sub(" ", text)).strip(" .-")
    text = text[:MAX_STEM].rstrip(" .-")
    if not text:
        text = fallback
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return f"{text}.{extension}"


def section_download_name(index: int, heading: str, extension: str = "mp3") -> str:
    """``"03 - Hintergrund des Treffens.mp3"``."""
    return safe_filename(f"{index:02d} - {heading}", extension, fallback=f"{index:02d} - Abschnitt")
