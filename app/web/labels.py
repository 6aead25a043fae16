"""German labels for the reader: durations, sizes and download headers.

Sizes use decimal units (1 MB = 1,000,000 bytes) and a comma as decimal
separator: ``2,1 MB``. Durations are ``m:ss`` or ``h:mm:ss``.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from ..text.plain import ascii_fold, squash

_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9 ._(),+&'!-]")


def mmss(ms: object) -> str:
    """Milliseconds -> ``"m:ss"`` (``"h:mm:ss"`` from one hour on); bad input -> ``"0:00"``."""
    try:
        total = max(int(ms) // 1000, 0)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return "0:00"
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def size_label(size: object) -> str:
    """Bytes -> ``"812 Byte"``, ``"512 kB"``, ``"2,1 MB"``, ``"1,3 GB"``."""
    try:
        n = max(int(size), 0)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return "0 Byte"
    if n < 1000:
        return f"{n} Byte"
    if round(n / 1000) < 1000:
        return f"{round(n / 1000)} kB"
    if round(n / 1_000_000, 1) < 1000:
        return f"{_decimal(n / 1_000_000)} MB"
    return f"{_decimal(n / 1_000_000_000)} GB"


def duration_unit(ms: object) -> str:
    """``"1:32 Min."`` or ``"1:02:03 Std."``."""
    label = mmss(ms)
    return f"{label} Std." if label.count(":") == 2 else f"{label} Min."


def download_label(size: object, ms: object, kind: str = "MP3") -> str:
    """``"MP3 herunterladen, 2,1 MB, 1:32 Min."``."""
    return f"{kind} herunterladen, {size_label(size)}, {duration_unit(ms)}"


def ascii_fallback(name: str) -> str:
    """ASCII-only variant of ``name`` for the plain ``filename=`` parameter."""
    text = squash(_ASCII_UNSAFE.sub("_", ascii_fold(name)))
    stem, dot, extension = text.rpartition(".")
    if not dot:
        stem, extension = text, ""
    if not stem.strip("._ "):
        stem = "download"
    return f"{stem}.{extension}" if extension else stem


def content_disposition(name: str, disposition: str = "attachment") -> str:
    """Header value with an ASCII ``filename`` and an RFC 5987 ``filename*``."""
    fallback = ascii_fallback(name)
    encoded = quote(name, safe="!#$&+-.^_`|~")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
