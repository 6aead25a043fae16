"""German sentence splitting.

A sentence ends after ".", "!", "?" or an ellipsis (plus any closing quotes
or brackets) when the next word starts with a capital letter, a digit or an
opening quote. A dot that belongs to a word (an abbreviation, an ordinal, a
Roman numeral after a name) is not an end unless the abbreviation's class
allows it (see :mod:`app.text.abbreviations`). The decisions come from the
same scan the tokenizer uses (:func:`app.text.lexer.scan`).

Sentences longer than ``max_chars`` are cut for synthesis at the best place
(";" then ":" then "," then a dash, then any space between words). Joining all
returned pieces with single spaces gives back the whitespace-normalised
paragraph.
"""
from __future__ import annotations


from .lexer import Unit, scan, scan_runs, starts_sentence
from .plain import squash

_TERMINAL = ".!?…"
_PRIORITY = {";": 0, ":": 1, ",": 2}
_DASHES = "–—-"
_WORD_DOT_KINDS = ("abbr", "ordinal", "roman", "initial", "date")


def _terminal(text: str, unit: Unit) -> bool:
    if unit.kind == "symbol":
        return any(c in _TERMINAL for c in text[unit.start:unit.end])
    return unit.dot_ends or any(c in _TERMINAL for c in text[unit.end:unit.run_end])


def _lowercase_start(text: str, unit: Unit, nxt: Unit) -> bool:
    """'… führen könnten. n-tv erwähnt': a plain word of four or more letters and a bare
    dot before a lowercase word (short words may be unknown abbreviations: 'Bhf. am')."""
    return (unit.kind == "word" and unit.end - unit.start >= 4 and text[unit.end:unit.run_end] == "."
            and text[nxt.run_start].islower())


def split_sentences(paragraph: str, max_chars: int = 400) -> list[str]:
    """Split one paragraph into display sentences (stripped, text unchanged)."""
    text = squash(paragraph)
    if not text:
        return []
    runs, units = scan_runs(text)
    sentences, start = [], 0
    for unit, nxt in zip(units, units[1:]):
        if _terminal(text, unit) and (starts_sentence(text, runs[nxt.first_run])
                                      or _lowercase_start(text, unit, nxt)):
            sentences.append(text[start:unit.run_end])
            start = nxt.run_start
    sentences.append(text[start:])
    return [piece for sentence in sentences for piece in fit(sentence, max_chars)]


def _break_priority(text: str, unit: Unit) -> int:
    """How good a cut after unit is: 0 best (';') .. 4 (plain space), 5 inside a unit's reading."""
    trail = text[unit.start:unit.end] if unit.kind == "symbol" else text[unit.end:unit.run_end]
    for ch in reversed(trail):
        if ch in _PRIORITY:
            return _PRIORITY[ch]
    if unit.kind == "symbol" and any(c in _DASHES for c in trail):
        return 3
    if unit.kind in _WORD_DOT_KINDS and not trail:
        return 5  # "ca. | 300": the piece would end in an abbreviation or ordinal
    return 4


def fit(sentence: str, max_chars: int = 400) -> list[str]:
    """Cut a too-long sentence into pieces of at most max_chars (a single word
    longer than max_chars stays whole). Pieces joined by spaces give the sentence."""
    if len(sentence) <= max_chars or max_chars < 1:
        return [sentence]
    units = scan(sentence)
    cuts = [(u.run_end, _break_priority(sentence, u)) for u in units[:-1]
            if sentence[u.run_end:u.run_end + 1] == " "]
    pieces, pos, k = [], 0, 0
    while len(sentence) - pos > max_chars:
        while k < len(cuts) and cuts[k][0] <= pos:
            k += 1
        window = []
        for c, p in cuts[k:]:
            if c > pos + max_chars:
                break
            window.append((c, p))
        good = [(p, -c) for c, p in window if p < 4 and c - pos >= max_chars // 3]
        if good:
            cut = -min(good)[1]
        elif window:
            cut = max(window, key=lambda cp: (cp[1] < 5, cp[0]))[0]
        elif k < len(cuts):
            cut = cuts[k][0]  # one word longer than max_chars: keep it whole
        else:
            break
        pieces.append(sentence[pos:cut])
        pos = cut + 1
    pieces.append(sentence[pos:])
    return pieces
