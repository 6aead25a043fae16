"""Display words and their spoken form.

``tokenize(sentence)`` gives one :class:`Token` per displayed word (or per
group of words spoken as one unit, such as "z. B." or "18:30 Uhr"), in order
and without overlap. ``sentence[t.start:t.end]`` is the displayed text;
``t.spoken`` is what the engine says for it, with the sentence's prosody
punctuation (",", ".", "?", ...) appended so the intonation stays right.
The spoken sentence is ``" ".join(t.spoken for t in tokens)``.

eSpeak NG reads "z. B." letter by letter and "1. Mai" as "eins Mai"; the rules
in :mod:`app.text.lexer` and :mod:`app.text.number_rules` fix that.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexer import scan

_PROSODY = ",;:?!."
_DASHES = "–—-"


@dataclass(frozen=True)
class Token:
    start: int  # char offset of the displayed word(s) in the sentence
    end: int
    spoken: str  # what the engine should say for this display span


def _prosody(trail: str, last: bool) -> str:
    """The punctuation to speak after a word, from what follows it in the display."""
    mark = ""
    for ch in trail:
        if mark in ("?", "!"):
            break  # „Kommst du?“, fragte sie: keep the question
        if ch in _PROSODY:
            mark = ch
        elif ch == "…":
            mark = "."
    if mark == "." and not last:
        return ","  # a dot inside a sentence ("„Ja.“ und ging") is a pause, not an end
    return mark


def _symbol_mark(symbol: str, last: bool) -> tuple[str, str]:
    """(words to add, punctuation to add) for a free-standing symbol such as '–' or '&'."""
    if "&" in symbol:
        return " und", ""
    if "+" in symbol:
        return " plus", ""
    mark = _prosody(symbol, last)
    if not mark and any(c in _DASHES for c in symbol):
        mark = ","
    return "", mark


def _append(spoken: str, mark: str) -> str:
    if not mark or spoken[-1:] in _PROSODY:
        return spoken
    return spoken + mark


def tokenize(sentence: str) -> list[Token]:
    """Tokens for one display sentence (see the module docstring)."""
    units = scan(sentence)
    words = [k for k, u in enumerate(units) if u.kind != "symbol"]
    if not words:
        return []
    last_word = words[-1]
    parts: list[list] = []  # [start, end, spoken]
    for k, unit in enumerate(units):
        last = k >= last_word
        if unit.kind == "symbol":
            if parts:
                extra, mark = _symbol_mark(sentence[unit.start:unit.end], last)
                parts[-1][2] = _append(parts[-1][2] + extra, mark)
            continue
        if parts and "(" in sentence[unit.run_start:unit.start]:
            parts[-1][2] = _append(parts[-1][2], ",")
        trail = sentence[unit.end:unit.run_end]
        mark = _prosody(trail, k == last_word) or ("," if ")" in trail and k < last_word else "")
        spoken = _append(unit.spoken, mark)
        if k == last_word and unit.dot_ends:
            spoken = _append(spoken, ".")
        parts.append([unit.start, unit.end, spoken])
    return [Token(s, e, sp) for s, e, sp in parts]


def spoken_sentence(sentence: str) -> str:
    """The whole sentence as the engine should hear it."""
    return " ".join(t.spoken for t in tokenize(sentence))


__all__ = ["Token", "tokenize", "spoken_sentence"]
