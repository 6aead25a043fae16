"""German sentence splitting (placeholder: the text helper replaces this)."""
from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def split_sentences(paragraph: str, max_chars: int = 400) -> list[str]:
    """Split one paragraph into display sentences (stripped, text unchanged)."""
    return [s.strip() for s in _END.split(paragraph) if s.strip()]
