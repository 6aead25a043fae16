"""The shared scan (app.text.lexer): runs, units and word dots."""
from __future__ import annotations

import random
import re

from app.text.lexer import runs_of, scan, spoken_word, starts_sentence
from app.text.normalize import tokenize
from app.text.split import split_sentences


def _units(text: str) -> list[tuple[str, str, str]]:
    return [(text[u.start:u.end], u.spoken, u.kind) for u in scan(text)]


def test_runs_and_cores() -> None:
    text = "„Wir, (ja) –"
    runs = runs_of(text)
    assert [(text[r.start:r.end], text[r.core_start:r.core_end] if r.core_start >= 0 else None)
            for r in runs] == [("„Wir,", "Wir"), ("(ja)", "ja"), ("–", None)]


def test_starts_sentence() -> None:
    text = "„Dann 2024 und –"
    runs = runs_of(text)
    assert [starts_sentence(text, r) for r in runs] == [True, True, False, False]


def test_units_cover_multi_word_readings() -> None:
    assert _units("Am 3. 10. 1990 um 18:30 Uhr") == [
        ("Am", "Am", "word"),
        ("3. 10. 1990", "dritten Oktober neunzehnhundertneunzig", "date"),
        ("um", "um", "word"),
        ("18:30 Uhr", "achtzehn Uhr dreißig", "time"),
    ]


def test_symbol_runs_are_units_without_speech() -> None:
    units = scan("a – b")
    assert [(u.kind, u.spoken) for u in units] == [("word", "a"), ("symbol", ""), ("word", "b")]


def test_dot_ends_depends_on_the_next_word() -> None:
    units = scan("Äpfel usw. Dann Birnen usw. sind gut usw.")
    assert [(u.spoken, u.dot_ends) for u in units if u.kind == "abbr"] == [
        ("und so weiter", True), ("und so weiter", False), ("und so weiter", True)]
    # a weak abbreviation only ends before a word that clearly starts a sentence
    assert [u.dot_ends for u in scan("1,2 Mio. Euro") if u.kind != "word"] == [False]
    assert [u.dot_ends for u in scan("3 Mio. Das") if u.kind != "word"] == [True]
    # a title never ends a sentence inside the text
    assert not scan("Dr. Das")[0].dot_ends


def test_ordinal_needs_a_reason() -> None:
    kinds = [u.kind for u in scan("Er belegte Platz 3. Medaillen")]
    assert kinds[3] == "number"
    kinds = [u.kind for u in scan("Er belegte den 3. Platz")]
    assert kinds[3] == "ordinal"


def test_roman_numerals() -> None:
    assert _units("Friedrich II. kam")[1] == ("II.", "der Zweite", "roman")
    assert _units("im Jahr II. Danach")[2] == ("II", "zwei", "number")
    assert _units("Teil IV folgt")[1] == ("IV", "vier", "number")
    assert _units("eine CD. Dann")[1] == ("CD", "CD", "word")


def test_spoken_word_cleans_display_characters() -> None:
    assert spoken_word("und/oder") == "und oder"
    assert spoken_word("geht’s") == "geht's"
    assert spoken_word("Müller&Söhne") == "Müller und Söhne"
    assert spoken_word("10-Jährige") == "zehn-Jährige"
    assert spoken_word("COVID-19") == "COVID-neunzehn"
    assert spoken_word("G7-Staaten") == "G7-Staaten"


PIECES = ["z.", "B.", "1.", "3,50", "€", "%", "Uhr", "18:30", "II.", "Friedrich", "am", "der", "„",
          "“", "(", ")", "…", "...", "?", "!", "usw.", "a.", "D.", "1990", "1.760", "–", "-", "Mio.",
          "v.", "Chr.", "§", "3.10.", "Dann", "Er", "wort", ".", ",", "'", "\"", "»", "«", "&", "Nr.",
          "S.", "12", "km", "°C", "XIV.", "I.", "u.", "3-4", "1990er", "Jan.", "0,5", "12.500.000",
          "24:00", "99:99", "31.12.", "32.13.2000", "_", "²", "m²", "1/2", "Co.", "St.", "٣", "1,–",
          "$5", "§§", "Goethestr.", "Art.", "Z.", "IV", "Teil"]


def test_random_fragments_never_lose_text_or_words() -> None:
    """Property test: odd mixes of the tricky pieces still split and tokenize cleanly."""
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) + rng.choice([" ", " ", ""]) for _ in range(rng.randint(1, 10)))
        sentences = split_sentences(text, max_chars=rng.choice([400, 12]))
        assert " ".join(sentences) == re.sub(r"\s+", " ", text).strip(), text
        for sentence in sentences:
            tokens = tokenize(sentence)
            words = [m for m in re.finditer(r"\S+", sentence) if any(c.isalnum() for c in m.group())]
            for m in words:
                first = m.start() + next(i for i, c in enumerate(m.group()) if c.isalnum())
                assert sum(t.start <= first < t.end for t in tokens) == 1, (sentence, m.group())
            assert all(t.spoken and t.start < t.end for t in tokens), sentence
            assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:])), sentence
