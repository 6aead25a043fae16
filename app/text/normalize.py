"""Display words and their spoken form (placeholder: the text helper replaces this)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    start: int  # char offset of the displayed word(s) in the sentence
    end: int
    spoken: str  # what the engine should say for this display span


_WORD = re.compile(r"\S+")
_STRIP = "„“”\"'‚‘’»«()[]{},;:.!?…–—-"


def tokenize(sentence: str) -> list[Token]:
    tokens = []
    for m in _WORD.finditer(sentence):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip(_STRIP))
        core = raw.strip(_STRIP)
        if not core:
            continue
        start = m.start() + lead
        tokens.append(Token(start, start + len(core), raw.strip("„“”\"»«()[]{}‚‘")))
    return tokens
