"""Plain-text articles: title line, teaser line, then headings and paragraphs.

The bundled format has one item per line: line 1 the title, line 2 the teaser,
then short heading lines each followed by paragraph lines. Blank lines between
items are allowed. A heading is a short line without sentence-final
punctuation that is followed by a paragraph; a short question ("Was will
Kim?") counts too. Files with hard-wrapped paragraphs (blank-line separated
blocks of lines under 100 characters) are joined back into paragraphs.
"""
from __future__ import annotations


from ..model import RawArticle, RawSection
from ..text.plain import squash

HEADING_MAX = 100   # a heading line is at most this long ...
QUESTION_MAX = 80   # ... and a question heading at most this long
TITLE_MAX = 200     # a longer first line is body text, not a title
WRAP_WIDTH_MAX = 100

_CLOSERS = "\"'“”„»«›‹)]’‘*_"
_FINAL = ".!:;,…"


def _last_char(line: str) -> str:
    stripped = line.rstrip(_CLOSERS + " ")
    return stripped[-1:] if stripped else ""


def heading_like(line: str) -> bool:
    """Short, and not ending like a sentence (questions only when short)."""
    if not line or len(line) > HEADING_MAX:
        return False
    last = _last_char(line)
    if last in _FINAL or not last:
        return False
    return last != "?" or len(line) < QUESTION_MAX


def _ends_sentence(line: str) -> bool:
    return _last_char(line) in ".!?…:"


def _blocks(text: str) -> tuple[list[list[str]], bool]:
    """Blank-line separated blocks of stripped lines, and whether blanks occurred."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    return blocks, len(blocks) > 1


def _unwrap(block: list[str]) -> list[str]:
    """Join a hard-wrapped block back into items (a heading line stays alone)."""
    width = max(len(line) for line in block)
    if len(block) < 2 or width > WRAP_WIDTH_MAX:
        return block
    items: list[str] = []
    lines = list(block)
    if heading_like(lines[0]) and len(lines[0]) < 0.7 * width:
        items.append(lines.pop(0))
    current: list[str] = []
    for line in lines:
        current.append(line)
        if _ends_sentence(line) and len(line) < 0.7 * width:
            items.append(" ".join(current))
            current = []
    if current:
        items.append(" ".join(current))
    return items


def _items(text: str) -> list[str]:
    blocks, blank_separated = _blocks(text)
    items: list[str] = []
    for block in blocks:
        items.extend(_unwrap(block) if blank_separated else block)
    return [squash(item) for item in items]


def _is_heading(items: list[str], i: int) -> bool:
    """A heading-like line followed by a paragraph (not by another heading)."""
    if i + 1 >= len(items) or not heading_like(items[i]):
        return False
    following = items[i + 1]
    return not heading_like(following) or len(following) >= HEADING_MAX


def parse_text(text: str, source: str, fallback_title: str = "Artikel") -> RawArticle:
    """Parse decoded plain text (see module doc) into a RawArticle."""
    items = _items(text)
    if items and len(items[0]) <= TITLE_MAX:
        title, rest = items[0], items[1:]
    else:
        title, rest = fallback_title, items
    teaser = ""
    start = 0
    if rest and not _is_heading(rest, 0) and len(rest[0]) <= 1000:
        teaser, start = rest[0], 1
    sections: list[RawSection] = []
    for i in range(start, len(rest)):
        if _is_heading(rest, i):
            sections.append(RawSection(rest[i], 2, []))
        else:
            if not sections:
                sections.append(RawSection(title, 2, []))
            sections[-1].paragraphs.append(rest[i])
    return RawArticle(title=title, teaser=teaser, sections=sections, source=source)
