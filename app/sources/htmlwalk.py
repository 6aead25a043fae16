"""Walk an HTML-ish tree into a flat list of blocks: headings and paragraphs.

Two inputs: trafilatura's XML (``<head rend="h2">``, ``<p>``, ``<list><item>``,
``<table><row><cell>``) and, as a fallback, the raw page parsed with
BeautifulSoup (``<h2>``, ``<p>``, ``<li>``, minus navigation and scripts).
Every walk is iterative, so deeply nested pages cannot hit the recursion limit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ..text.plain import squash

_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


@dataclass
class Block:
    kind: str  # "heading" or "para"
    text: str
    level: int = 0
    pseudo: bool = False  # a bold-only paragraph used as a heading


def _text(tag: Tag, skip: tuple[str, ...] = ()) -> str:
    """The tag's text; line breaks become spaces, ``skip`` subtrees are left out."""
    excluded = {id(s) for sub in tag.find_all(skip) for s in sub.find_all(string=True)} if skip else set()
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name in ("lb", "br"):
                parts.append(" ")
        elif not isinstance(node, _NOT_TEXT) and id(node) not in excluded:
            parts.append(str(node))
    return squash("".join(parts))


def _nearest(tag: Tag, names: frozenset[str], stop: Tag) -> Tag | None:
    for parent in tag.parents:
        if parent is stop or parent is None:
            return None
        if parent.name in names:
            return parent
    return None


# ---- trafilatura XML -------------------------------------------------------

_XML_BLOCKS = frozenset({"head", "p", "item", "row", "quote", "code"})
_XML_CONSUMERS = frozenset({"head", "p", "row", "code"})


def _pseudo_heading(tag: Tag, text: str) -> bool:
    """``<p><hi rend="#b">Short line</hi></p>``: a heading in disguise."""
    children = [c for c in tag.contents if not (isinstance(c, str) and not c.strip())]
    return (len(children) == 1 and isinstance(children[0], Tag) and children[0].name == "hi"
            and children[0].get("rend") == "#b" and 0 < len(text) <= 100
            and text[-1] not in ".:;,!")


def walk_trafilatura_xml(xml: str) -> list[Block]:
    soup = BeautifulSoup(xml, "lxml-xml")
    root = soup.find("main") or soup.find("doc") or soup
    blocks: list[Block] = []
    for tag in root.find_all(_XML_BLOCKS):
        if _nearest(tag, _XML_CONSUMERS, root):
            continue  # its text is part of an enclosing paragraph or heading
        if tag.name == "quote" and tag.find(_XML_BLOCKS):
            continue  # the paragraphs inside are visited themselves
        if tag.name == "row":
            text = ", ".join(t for t in (_text(c) for c in tag.find_all("cell")) if t)
        else:
            text = _text(tag, skip=("list",) if tag.name == "item" else ())
        if not text:
            continue
        if tag.name == "head":
            level = int(m.group(1)) if (m := re.search(r"(\d)", tag.get("rend", ""))) else 2
            blocks.append(Block("heading", text, level))
        elif tag.name == "p" and _pseudo_heading(tag, text):
            blocks.append(Block("heading", text, 0, pseudo=True))
        else:
            blocks.append(Block("para", text))
    return blocks


# ---- raw HTML fallback -----------------------------------------------------

_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer",
         "aside", "form", "button", "iframe", "object", "select", "head")
_HTML_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre",
                          "dd", "dt", "figcaption", "td"})
_HTML_CONSUMERS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "dt", "dd",
                             "figcaption", "td"})


def walk_html(html: str) -> list[Block]:
    """Headings and paragraphs of a raw page without trafilatura's help."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_DROP):
        if not tag.decomposed:
            tag.extract()
    root = soup.find("article") or soup.find("main") or soup.find("body") or soup
    blocks: list[Block] = []
    for tag in root.find_all(_HTML_BLOCKS):
        if _nearest(tag, _HTML_CONSUMERS, root):
            continue
        if tag.name in ("blockquote", "li") and tag.find(("p", "h1", "h2", "h3", "h4", "h5", "h6")):
            continue
        text = _text(tag, skip=("ul", "ol") if tag.name == "li" else ())
        if not text:
            continue
        if tag.name[0] == "h" and tag.name[1:].isdigit():
            blocks.append(Block("heading", text, int(tag.name[1])))
        else:
            blocks.append(Block("para", text))
    if not blocks:
        lines = (squash(line) for line in root.get_text("\n").split("\n"))
        blocks = [Block("para", line) for line in lines if line]
    return blocks
