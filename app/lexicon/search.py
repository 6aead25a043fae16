"""Which built articles contain a grapheme, from their manifests (for rebuilding after an edit).

A manifest keeps each sentence's display text and the display span of every
spoken word; matching runs over those spans with the same rules as the build
(:mod:`app.lexicon.apply`), so "contains" means "the build would apply it".
"""
from __future__ import annotations

from typing import Iterable

from ..text.normalize import Token
from .apply import Matcher, Usage, apply_tokens
from .model import Entry, Lexicon, normalize_grapheme


def _tokens(sentence: dict) -> list[Token]:
    text = sentence.get("text") or ""
    out = []
    for word in sentence.get("words") or []:
        start, end = word.get("start"), word.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            out.append(Token(start, end, text[start:end]))
    return out


def occurrences(graphemes: Iterable[str], manifest: dict) -> dict[str, int]:
    """grapheme -> how often it occurs in the article of ``manifest`` (only those that occur)."""
    wanted = [normalize_grapheme(g) for g in graphemes if normalize_grapheme(g)]
    if not wanted:
        return {}
    matcher = Matcher(Lexicon.from_entries([Entry(tuple(wanted), alias="-")]))
    usage = Usage()
    for section in manifest.get("sections") or []:
        for sentence in section.get("sentences") or []:
            apply_tokens(sentence.get("text") or "", _tokens(sentence), matcher, "search", usage)
    return dict(usage.counts)


def articles_with(graphemes: Iterable[str], manifests: Iterable[dict]) -> list[str]:
    """Slugs of the articles (given by their manifests) in which any of ``graphemes`` occurs."""
    graphemes = list(graphemes)
    return [m.get("article", {}).get("slug", "") for m in manifests if occurrences(graphemes, m)]
