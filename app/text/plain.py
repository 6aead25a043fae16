"""Small text helpers shared by the sources, the model and file names."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                          "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})


def squash(text: str | None) -> str:
    """Runs of whitespace (newlines included) become one space; the ends are trimmed."""
    return _SPACES.sub(" ", text or "").strip()


def ascii_fold(text: str) -> str:
    """Umlauts and ß spelled out (ä -> ae, ẞ -> SS) and other accents dropped (é -> e);
    characters without an ASCII form stay as they are."""
    text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
    return "".join(ch for ch in text if not unicodedata.combining(ch))
