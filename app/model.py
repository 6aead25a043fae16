"""The article model: Article -> Section -> Sentence -> Word.

Sources (plain text, Markdown, HTML, URL) produce a :class:`RawArticle`, a
title, a teaser and headed sections of paragraph strings. :func:`from_raw`
turns it into the :class:`Article` the pipeline synthesises: sentences split
for German, each with its display words and their spoken form.

Display text is never changed. What the engine says lives in the tokens
(:mod:`app.text.normalize`), which map back to display character offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text.normalize import Token, tokenize
from .text.plain import ascii_fold, squash
from .text.split import split_sentences


@dataclass
class RawSection:
    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class RawArticle:
    title: str
    teaser: str
    sections: list[RawSection]
    source: str
    lang: str = "de"


@dataclass(frozen=True)
class Sentence:
    id: str
    kind: str  # "heading" for the spoken heading, "text" otherwise
    paragraph: int  # 0 for the heading sentence, 1.. for body paragraphs
    text: str
    tokens: tuple[Token, ...]

    @property
    def spoken(self) -> str:
        return " ".join(t.spoken for t in self.tokens if t.spoken)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    level: int
    index: int  # 1-based track number; 1 is the title section
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    teaser: str
    lang: str
    source: str
    sections: tuple[Section, ...]


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug for ids and file names: 'Kim Jong Uns Rhetorik' -> 'kim-jong-uns-rhetorik'."""
    text = ascii_fold(text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        text = text[:max_len].rsplit("-", 1)[0] or text[:max_len]
    return text or "abschnitt"


def _unique(base: str, seen: set[str]) -> str:
    candidate, n = base, 2
    while candidate in seen:
        candidate = f"{base}-{n}"
        n += 1
    seen.add(candidate)
    return candidate


def _sentences(section_id: str, heading: str, paragraphs: list[str]) -> tuple[Sentence, ...]:
    out = [Sentence(f"{section_id}-h", "heading", 0, heading, tuple(tokenize(heading)))]
    n = 0
    for p_index, paragraph in enumerate(paragraphs, start=1):
        for text in split_sentences(paragraph):
            tokens = tuple(tokenize(text))
            if not any(t.spoken for t in tokens):
                continue
            n += 1
            out.append(Sentence(f"{section_id}-{n}", "text", p_index, text, tokens))
    return tuple(out)


def from_raw(raw: RawArticle, slug: str | None = None) -> Article:
    """Build the Article. The title and teaser form the first section (level 1);
    an article without headings becomes one section named after the title."""
    title = squash(raw.title)
    teaser = squash(raw.teaser)
    seen: set[str] = set()
    slug = slug or slugify(title)
    first_id = _unique(slugify(title), seen)
    raw_sections = [s for s in raw.sections if any(squash(p) for p in s.paragraphs)]
    # Text before the first heading (a section named after the title, as sources
    # report it) belongs to the title section: the title is not spoken twice, and
    # an article without headings becomes that one section.
    lead: list[str] = [teaser] if teaser else []
    while raw_sections and squash(raw_sections[0].heading) in ("", title):
        lead += [squash(p) for p in raw_sections.pop(0).paragraphs if squash(p)]
    sections = [Section(first_id, title, 1, 1, _sentences(first_id, title, lead))]
    for raw_section in raw_sections:
        heading = squash(raw_section.heading) or title
        sid = _unique(slugify(heading), seen)
        paragraphs = [squash(p) for p in raw_section.paragraphs if squash(p)]
        sections.append(Section(sid, heading, max(2, min(6, raw_section.level)),
                                len(sections) + 1, _sentences(sid, heading, paragraphs)))
    return Article(slug=slug, title=title, teaser=teaser, lang=raw.lang,
                   source=raw.source, sections=tuple(sections))
