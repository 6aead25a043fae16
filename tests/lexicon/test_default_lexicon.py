"""The bundled default lexicon: size, package data, and a phoneme test for every entry.

For each grapheme, the word in a carrier sentence goes through the build's text
path with the default lexicon, and eSpeak NG must read exactly the entry's
phoneme code there (so every code is valid eSpeak input and every entry applies).
"""
from __future__ import annotations

import pytest

from app.engines.espeak_phonemes import text_to_phonemes
from app.lexicon import apply_text, default_lexicon, default_path
from app.lexicon.pls import parse_file

LEXICON = default_lexicon()
CASES = [(g, e.phoneme) for e in LEXICON.entries for g in e.graphemes]


def test_at_least_150_entries_with_the_words_of_the_issue():
    assert len(LEXICON.entries) >= 150
    for word in ("Meeting", "Homeoffice", "Start-up", "Smartphone", "Social Media", "Team", "Manager",
                 "Interview", "Laptop", "Podcast", "Streaming", "live", "Joe", "Biden", "Washington", "Pjöngjang"):
        assert LEXICON.lookup(word) is not None, word
    assert all(e.phoneme for e in LEXICON.entries)


def test_default_file_is_package_data_and_parses_the_same():
    path = default_path()
    assert path.name == "default.pls" and path.is_file()
    assert [e.graphemes for e in parse_file(path).entries] == [e.graphemes for e in LEXICON.entries]


def test_no_grapheme_is_listed_twice():
    graphemes = [g for g, _ in CASES]
    assert len(graphemes) == len(set(graphemes))


@pytest.mark.parametrize(("grapheme", "phoneme"), CASES, ids=[g for g, _ in CASES])
def test_entry_is_read_as_its_phoneme_code(grapheme, phoneme):
    text = f"Heute kam {grapheme} wieder."
    tokens, usage = apply_text(text, LEXICON, "espeak")
    assert usage.counts == {grapheme: 1}
    heard = text_to_phonemes(" ".join(t.spoken for t in tokens))
    assert f" {phoneme} " in f" {heard} ", f"{grapheme}: expected {phoneme!r} in {heard!r}"
