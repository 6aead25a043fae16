"""Saved web pages: main text via trafilatura, structure via BeautifulSoup.

trafilatura drops navigation, comments and other boilerplate and returns XML
that keeps headings; :mod:`.htmlwalk` turns it into headings and paragraphs.
When trafilatura finds nothing (tiny or odd pages) the raw page is walked
instead. The title comes from an in-article ``<h1>`` or the page metadata,
the teaser from the meta description or else the first paragraph.
"""
from __future__ import annotations

import logging
import re

from ..errors import InputError
from ..model import RawArticle, RawSection
from .htmlmeta import PageMeta, page_meta
from .htmlwalk import Block, walk_html, walk_trafilatura_xml

log = logging.getLogger(__name__)
# trafilatura warns ("discarding data: None") on pages without text; we report that ourselves.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                         re.I | re.S)


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document."""
    return bool(_HTML_START.match(text[:4096].lstrip("\ufeff")))


def _extract_blocks(html: str, url: str | None) -> list[Block]:
    import trafilatura  # imported when a page is read: text and Markdown builds do not need it

    try:
        xml = trafilatura.extract(
            html, url=url, output_format="xml", include_formatting=True,
            include_comments=False, include_images=False, include_tables=True,
            include_links=False, deduplicate=False)
    except RecursionError:
        log.warning("page nested too deeply for trafilatura; using the simple reader")
        xml = None
    blocks = walk_trafilatura_xml(xml) if xml else []
    if not blocks:
        log.info("trafilatura found no main text; walking the whole page")
        try:
            blocks = walk_html(html)
        except RecursionError as exc:
            raise InputError("the page is nested too deeply to read",
                             "save the article text as .txt and pass that file") from exc
    return blocks


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _choose_title(blocks: list[Block], meta: PageMeta) -> str:
    """An in-article <h1> wins over the page title; drop it from the body."""
    first_heading = next((b for b in blocks if b.kind == "heading"), None)
    if first_heading and first_heading.level == 1 and not first_heading.pseudo \
            and blocks.index(first_heading) <= 1:
        blocks.remove(first_heading)
        return first_heading.text
    title = meta.title
    for block in blocks:
        if block.kind == "heading" and _norm(block.text) == _norm(title):
            blocks.remove(block)
            break
    return title


def _choose_teaser(blocks: list[Block], description: str) -> str:
    """Meta description unless it is missing, cut off or repeats the first paragraph."""
    first = blocks[0] if blocks and blocks[0].kind == "para" else None
    desc = description.strip()
    truncated = desc.endswith(("...", "…"))
    stem = _norm(desc.rstrip(".… "))[:80]
    repeats = first is not None and bool(stem) and _norm(first.text).startswith(stem)
    if first is not None and (not desc or truncated or repeats):
        blocks.pop(0)
        return first.text
    return desc


def _levels(blocks: list[Block]) -> None:
    """Shift heading levels so the top one is 2; bold pseudo-headings go one below."""
    real = [b.level for b in blocks if b.kind == "heading" and not b.pseudo]
    shift = 2 - min(real) if real else 0
    pseudo_level = min(6, max(real) + shift + 1) if real else 2
    for block in blocks:
        if block.kind == "heading":
            block.level = pseudo_level if block.pseudo else max(2, min(6, block.level + shift))


def parse_html(html: str, source: str, *, name: str, url: str | None = None) -> RawArticle:
    """Parse a decoded HTML page; ``name`` names the page in error messages."""
    blocks = _extract_blocks(html, url)
    if not any(b.kind == "para" for b in blocks):
        raise InputError(f"no article text found in {name}",
                         "the page has no readable paragraphs (maybe it needs JavaScript or a login); "
                         "copy the article text into a .txt file and pass that")
    meta = page_meta(html, url)
    title = _choose_title(blocks, meta)
    teaser = _choose_teaser(blocks, meta.description)
    if not title:
        title = teaser[:80].rsplit(" ", 1)[0] if teaser else "Artikel"
    _levels(blocks)
    sections: list[RawSection] = []
    for block in blocks:
        if block.kind == "heading":
            sections.append(RawSection(block.text, block.level, []))
        else:
            if not sections:
                sections.append(RawSection(title, 2, []))
            sections[-1].paragraphs.append(block.text)
    return RawArticle(title=title, teaser=teaser, sections=sections, source=source)
