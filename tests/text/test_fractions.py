"""Fractions with a slash (app.text.fractions): read as fractions, and what is left alone."""
from __future__ import annotations

import pytest

from app.text.fractions import fraction_words
from app.text.lexer import scan
from app.text.normalize import spoken_sentence


def _units(text: str) -> list[tuple[str, str]]:
    return [(text[u.start:u.end], u.spoken) for u in scan(text) if u.kind != "symbol"]


@pytest.mark.parametrize(("text", "expected"), [
    ("3/4", [("3/4", "drei Viertel")]),
    ("1/2", [("1/2", "ein halb")]),
    ("1/3", [("1/3", "ein Drittel")]),
    ("2/3", [("2/3", "zwei Drittel")]),
    ("1/4", [("1/4", "ein Viertel")]),
    ("3/8", [("3/8", "drei Achtel")]),
    ("9/10", [("9/10", "neun Zehntel")]),
    ("1/100", [("1/100", "ein Hundertstel")]),
    ("3/1000", [("3/1000", "drei Tausendstel")]),
    ("2/3-Mehrheit", [("2/3-Mehrheit", "zweidrittel-Mehrheit")]),
    ("im 3/4-Takt", [("im", "im"), ("3/4-Takt", "dreiviertel-Takt")]),
    ("2 1/2 Stunden", [("2 1/2", "zweieinhalb"), ("Stunden", "Stunden")]),
    ("1 1/2 Jahre", [("1 1/2", "eineinhalb"), ("Jahre", "Jahre")]),
    ("3 3/4 Liter", [("3 3/4", "drei drei Viertel"), ("Liter", "Liter")]),
    ("(3/4)", [("3/4", "drei Viertel")]),
    ("3/4.", [("3/4", "drei Viertel")]),
])
def test_fractions_are_read_as_fractions(text, expected):
    assert _units(text) == expected


@pytest.mark.parametrize(("text", "spoken"), [
    ("Hilfe gibt es 24/7.", "Hilfe gibt es 24 7."),  # numerator not below the denominator
    ("Der 24/7-Service.", "Der 24 sieben-Service."),
    ("Im Heft 1/2024 stand es.", "Im Heft 1 2024 stand es."),  # month/year, and after "Heft"
    ("Seit 12/2023 gilt es.", "Seit 12 2023 gilt es."),
    ("Nach 9/11 war alles anders.", "Nach 9 11 war alles anders."),  # 11 is no common denominator
    ("Die Saison 2023/24 lief.", "Die Saison 2023 24 lief."),
    ("Im Winter 1990/91.", "Im Winter 1990 91."),
    ("Die Nr. 1/2 fehlt.", "Die Nummer 1 2 fehlt."),
    ("Az. 3/4 liegt vor.", "Az, 3 4 liegt vor."),
    ("Es waren 3/3.", "Es waren 3 3."),
    ("Es waren 0/4.", "Es waren 0 4."),
    ("Er kam 1/7 zu spät.", "Er kam 1 7 zu spät."),
])
def test_non_fractions_keep_their_reading(text, spoken):
    assert spoken_sentence(text) == spoken


@pytest.mark.parametrize(("numerator", "denominator", "words"), [
    (1, 2, "ein halb"), (5, 6, "fünf Sechstel"), (7, 16, "sieben Sechzehntel"), (19, 20, "neunzehn Zwanzigstel"),
    (4, 4, None), (5, 4, None), (1, 7, None), (1, 2024, None), (0, 2, None),
])
def test_fraction_words(numerator, denominator, words):
    assert fraction_words(numerator, denominator) == words
