"""Which articles contain a grapheme (app.lexicon.search), from manifests as the build writes them."""
from __future__ import annotations

from app.lexicon.search import articles_with, occurrences


def manifest(slug: str, *sentences: str) -> dict:
    entries = []
    for text in sentences:
        words, pos = [], 0
        for word in text.rstrip(".").split():
            start = text.index(word, pos)
            words.append({"start": start, "end": start + len(word)})
            pos = start + len(word)
        entries.append({"text": text, "spoken": text, "words": words})
    return {"article": {"slug": slug}, "sections": [{"sentences": entries}]}


ARTICLES = [manifest("a", "Das Meeting beginnt.", "Live-Ticker zur Wahl."),
            manifest("b", "Joe Biden sprach.", "Die Meetingräume sind leer."),
            manifest("c", "Sie lobte Social Media.")]


def test_occurrences_follow_the_build_rules():
    assert occurrences(["Meeting", "live"], ARTICLES[0]) == {"Meeting": 1, "live": 1}
    assert occurrences(["Meeting"], ARTICLES[1]) == {}  # not inside another word
    assert occurrences(["Joe Biden", "Social Media"], ARTICLES[1]) == {"Joe Biden": 1}


def test_articles_with_any_grapheme():
    assert articles_with(["Meeting"], ARTICLES) == ["a"]
    assert articles_with(["Social  Media", "Biden"], ARTICLES) == ["b", "c"]
    assert articles_with(["Nirgends"], ARTICLES) == [] and articles_with([], ARTICLES) == []
