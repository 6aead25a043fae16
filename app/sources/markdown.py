"""Markdown articles: the first ``#`` heading is the title, the paragraph after
it the teaser, ``##``/``###`` headings start sections (levels 2/3).

A small line-based reader, enough for articles: ATX and setext headings,
paragraphs, list items and table rows (one paragraph each), block quotes.
Front matter, HTML comments, code blocks, images, rules and link reference
definitions are dropped; inline markup is stripped to its text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import RawArticle, RawSection
from ..text.plain import squash

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|noscript)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|(?=\d{1,9}[.)][ \t]))")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),      # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                         # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                        # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),                          # autolinks
    (re.compile(r"(`+)(.+?)\1"), r"\2"),                                   # code spans
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),          # inline HTML
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),                  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),      # *em*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),        # _em_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),                        # strike
)


def strip_inline(text: str) -> str:
    """Markdown inline markup to plain text (escaped characters survive)."""
    escaped: list[str] = []

    def hide(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"\ue000{len(escaped) - 1}\ue001"

    text = _ESCAPE.sub(hide, text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    text = re.sub("\ue000(\\d+)\ue001", lambda m: escaped[int(m.group(1))], text)
    return squash(html.unescape(text))


@dataclass
class _Block:
    kind: str  # "heading" or "para"
    level: int = 0
    lines: list[str] = field(default_factory=list)


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    para: _Block | None = None
    fence: str | None = None
    for line in text.split("\n"):
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(line):
            para, fence = None, m.group(1)[0] * len(m.group(1))
            continue
        line = _QUOTE.sub("", line)
        if not line.strip():
            para = None
        elif para and _SETEXT.match(line) and para.kind == "para":
            para.kind, para.level = "heading", 1 if "=" in line else 2
            para = None
        elif m := _ATX.match(line):
            blocks.append(_Block("heading", len(m.group(1)), [m.group(2) or ""]))
            para = None
        elif _RULE.match(line) or _REF_DEF.match(line) or _TABLE_SEP.match(line):
            para = None
        elif line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            blocks.append(_Block("para", 0, [", ".join(c for c in cells if c)]))
            para = None
        elif m := _ITEM.match(line):
            para = _Block("para", 0, [line[m.end():].strip()])  # "3. Oktober" keeps its number
            blocks.append(para)
        elif para:
            para.lines.append(line)
        else:
            para = _Block("para", 0, [line])
            blocks.append(para)
    return blocks


def parse_markdown(text: str, source: str, fallback_title: str = "Artikel",
                   name: str = "the Markdown text") -> RawArticle:
    """Parse decoded Markdown into a RawArticle; ``name`` names it in errors."""
    text = _COMMENT.sub("", _FRONT_MATTER.sub("", text, count=1))
    blocks = [b for b in _blocks(text) if strip_inline(" ".join(b.lines))]
    if not blocks:
        raise InputError(f"no article text found in {name}",
                         "it holds only front matter, comments, code or images; add the article text")
    title_at = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1), None)
    if title_at is None and blocks:
        first = blocks[0]
        if first.kind == "para" and len(first.lines) > 1:
            blocks[0:1] = [_Block("heading", 1, first.lines[:1]), _Block("para", 0, first.lines[1:])]
        title_at = 0
    title = strip_inline(" ".join(blocks[title_at].lines)) if title_at is not None else ""
    rest = [b for i, b in enumerate(blocks) if i != title_at]
    teaser = ""
    if title_at is not None and title_at < len(rest) and rest[title_at].kind == "para":
        teaser = strip_inline(" ".join(rest.pop(title_at).lines))
    title = title or fallback_title
    sections: list[RawSection] = []
    for block in rest:
        content = strip_inline(" ".join(block.lines))
        if block.kind == "heading":
            sections.append(RawSection(content or title, max(2, min(6, block.level)), []))
        elif content:
            if not sections:
                sections.append(RawSection(title, 2, []))
            sections[-1].paragraphs.append(content)
    return RawArticle(title=title, teaser=teaser, sections=sections, source=source)
