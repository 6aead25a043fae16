"""Helpers for the lexicon tests (not fixtures)."""
from __future__ import annotations

from pathlib import Path

from app.lexicon.model import Entry
from app.lexicon.pls import to_bytes


def write_pls(path: Path, rows: list[tuple[str, str | None, str | None]]) -> Path:
    """A PLS file with one lexeme per (grapheme, phoneme, alias)."""
    path.write_bytes(to_bytes([Entry((g,), p, a) for g, p, a in rows]))
    return path
