"""XHTML of the EPUB: one content document per section, the navigation document, the CSS.

Every sentence is a ``<span>`` whose id is the manifest's sentence id, so the
media overlays (:mod:`app.export.epub_smil`) can point at it. With word-level
overlays the sentence span also holds one span per timed word.
"""
from __future__ import annotations

import re
from html import escape
from itertools import groupby

ACTIVE_CLASS = "-epub-media-overlay-active"
XHTML_NS = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CSS = f"""@charset "UTF-8";
body {{ font-family: serif; line-height: 1.6; margin: 0 4%; }}
h1, h2, h3, h4, h5 {{ font-family: sans-serif; line-height: 1.25; }}
p.teaser {{ font-size: 1.1em; }}
nav ol {{ list-style: none; padding-left: 1.2em; }}
nav > ol {{ padding-left: 0; }}
.{ACTIVE_CLASS} {{ background-color: #ffe680; color: #000000; }}
"""


def text(value: object) -> str:
    """Escaped XML text/attribute value; characters XML forbids are dropped."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def word_id(sentence_id: str, n: int) -> str:
    return f"{sentence_id}-w{n}"


def timed_words(sentence: dict) -> list[tuple[int, dict]]:
    """(number, word) for the words that can get their own span and clip: in text order,
    not overlapping, not empty, with a positive duration."""
    out, cursor, length = [], 0, len(sentence["text"])
    for n, word in enumerate(sentence.get("words") or [], start=1):
        start, end = word.get("start", -1), word.get("end", -1)
        if not (cursor <= start < end <= length) or word.get("end_ms", 0) <= word.get("begin_ms", 0):
            continue
        out.append((n, word))
        cursor = end
    return out


def _sentence(sentence: dict, word_level: bool) -> str:
    body = sentence["text"]
    if word_level:
        parts, cursor = [], 0
        for n, word in timed_words(sentence):
            shown = text(body[word["start"]:word["end"]])
            parts.append(text(body[cursor:word["start"]]))
            parts.append(f'<span id="{text(word_id(sentence["id"], n))}">{shown}</span>')
            cursor = word["end"]
        parts.append(text(body[cursor:]))
        inner = "".join(parts)
    else:
        inner = text(body)
    return f'<span id="{text(sentence["id"])}">{inner}</span>'


def heading_tag(section: dict, position: int) -> str:
    """The title is h1; level-2 sections are h1 too, since each section is its own document."""
    if position == 0:
        return "h1"
    return f"h{max(1, min(6, int(section.get('level', 2)) - 1))}"


def section_document(section: dict, position: int, lang: str, word_level: bool = False,
                     lexicon: str | None = None) -> str:
    heading_sentences = [s for s in section["sentences"] if s.get("paragraph", 1) == 0]
    body_sentences = [s for s in section["sentences"] if s.get("paragraph", 1) != 0]
    tag = heading_tag(section, position)
    heading = " ".join(_sentence(s, word_level) for s in heading_sentences) or text(section["heading"])
    paragraph_class = ' class="teaser"' if position == 0 else ""
    paragraphs = [f"<p{paragraph_class}>" + " ".join(_sentence(s, word_level) for s in group) + "</p>"
                  for _, group in groupby(body_sentences, key=lambda s: s.get("paragraph", 1))]
    kind = ' epub:type="chapter" role="doc-chapter"' if position else ""
    return "\n".join([
        *_head(lang, section["heading"], "../css/book.css", lexicon and f"../{lexicon}"),
        "<body>",
        f'<section id="abschnitt"{kind} aria-labelledby="titel">',
        f'<{tag} id="titel">{heading}</{tag}>',
        *paragraphs,
        "</section>",
        "</body>",
        "</html>",
        "",
    ])


def _nest(entries: list[tuple[int, str, str]]) -> list[dict]:
    """Entries (level, href, label) -> a tree by heading level (the title counts as level 2)."""
    root: list[dict] = []
    stack: list[tuple[int, dict]] = []
    for level, href, label in entries:
        node = {"href": href, "label": label, "children": []}
        level = max(level, 2)
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1]["children"] if stack else root).append(node)
        stack.append((level, node))
    return root


def _ol(nodes: list[dict], indent: str = "") -> list[str]:
    lines = [f"{indent}<ol>"]
    for node in nodes:
        link = f'<a href="{text(node["href"])}">{text(node["label"])}</a>'
        if node["children"]:
            lines += [f"{indent}<li>{link}", *_ol(node["children"], indent + "  "), f"{indent}</li>"]
        else:
            lines.append(f"{indent}<li>{link}</li>")
    lines.append(f"{indent}</ol>")
    return lines


def nav_document(title: str, lang: str, entries: list[tuple[int, str, str]]) -> str:
    """The EPUB navigation document: the table of contents (every heading) and landmarks."""
    return "\n".join([
        *_head(lang, f"Inhalt – {title}", "css/book.css"),
        "<body>",
        '<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-t">',
        '<h1 id="toc-t">Inhalt</h1>',
        *_ol(_nest(entries)),
        "</nav>",
        '<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-t" hidden="hidden">',
        '<h2 id="landmarks-t">Orientierungspunkte</h2>',
        "<ol>",
        '<li><a epub:type="toc" href="#toc">Inhalt</a></li>',
        f'<li><a epub:type="bodymatter" href="{text(entries[0][1])}">Textbeginn</a></li>',
        "</ol>",
        "</nav>",
        "</body>",
        "</html>",
        "",
    ])


def _head(lang: str, title: str, css: str, lexicon: str | None = None) -> list[str]:
    """The opening lines of every XHTML document in the book, up to </head>; ``lexicon`` links
    a PLS pronunciation lexicon for reading systems that speak (EPUB 3 text-to-speech)."""
    pls = ([f'<link rel="pronunciation" type="application/pls+xml" hreflang="{text(lang)}" href="{text(lexicon)}"/>']
           if lexicon else [])
    return ['<?xml version="1.0" encoding="UTF-8"?>', "<!DOCTYPE html>",
            f'<html {XHTML_NS} lang="{text(lang)}" xml:lang="{text(lang)}">', "<head>",
            '<meta charset="UTF-8"/>', f"<title>{text(title)}</title>",
            f'<link rel="stylesheet" type="text/css" href="{css}"/>', *pls, "</head>"]
