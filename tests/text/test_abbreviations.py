"""Abbreviation tables and lookups (app.text.abbreviations)."""
from __future__ import annotations

import pytest

from app.text import abbreviations as ab


@pytest.mark.parametrize(("text", "spoken", "length"), [
    ("z. B. so", "zum Beispiel", 5), ("z.B. so", "zum Beispiel", 4), ("d. h. wir", "das heißt", 5),
    ("u. v. m.", "und vieles mehr", 8), ("u. a. mit", "unter anderem", 5),
    ("v. Chr.", "vor Christus", 7), ("o. Ä.", "oder Ähnliches", 5),
])
def test_match_multi(text: str, spoken: str, length: int) -> None:
    assert ab.match_multi(text, 0)[:2] == (length, spoken)


def test_match_multi_needs_the_full_abbreviation() -> None:
    assert ab.match_multi("z. Bsp.", 0) is None
    assert ab.match_multi("zu Berlin", 0) is None
    assert ab.match_multi("u. Ähnlich", 0) is None


def test_capitalised_multi_only_at_sentence_start() -> None:
    assert ab.match_multi("A. D. Müller", 0) is None
    assert ab.match_multi("Z. B. so", 0, sentence_start=True)[1] == "Zum Beispiel"


def test_lookup_single() -> None:
    assert ab.lookup_single("usw") == ("und so weiter", "final")
    assert ab.lookup_single("Dr") == ("Doktor", "never")
    assert ab.lookup_single("Vgl") == ("Vergleiche", "never")
    assert ab.lookup_single("Haus") is None


def test_classes_are_known() -> None:
    kinds = {kind for _, kind in ab.SINGLE.values()} | {kind for _, kind in ab.MULTI.values()}
    assert kinds <= {"never", "weak", "final"}


def test_strong_starters_are_capitalised_words() -> None:
    assert ab.is_strong_starter("Dann") and ab.is_strong_starter("Die")
    assert not ab.is_strong_starter("Mai") and not ab.is_strong_starter("Euro")
    assert all(w[0].isupper() for w in ab.STRONG_STARTERS)
