"""German number words (app.text.numbers)."""
from __future__ import annotations

import pytest

from app.text import numbers as num


@pytest.mark.parametrize(("text", "spoken"), [
    ("3", "drei"), ("1.760", "eintausendsiebenhundertsechzig"), ("1.000.000", "eine Million"),
    ("3,5", "drei Komma fünf"), ("3,05", "drei Komma null fünf"), ("0,25", "null Komma zwei fünf"),
])
def test_number(text: str, spoken: str) -> None:
    assert num.number(text) == spoken


@pytest.mark.parametrize(("n", "spoken"), [
    (1990, "neunzehnhundertneunzig"), (1901, "neunzehnhunderteins"), (1100, "elfhundert"),
    (2024, "zweitausendvierundzwanzig"), (2000, "zweitausend"), (800, "achthundert"),
])
def test_year(n: int, spoken: str) -> None:
    assert num.year(n) == spoken


@pytest.mark.parametrize(("prev", "prev2", "date", "ending"), [
    ("am", None, True, "en"), ("im", None, False, "en"), ("der", None, True, "e"),
    ("der", "in", False, "en"), ("des", None, False, "en"), ("zum", None, False, "en"),
    ("ein", None, False, "er"), ("die", None, False, "e"), (None, None, True, "er"),
    (None, None, False, "e"), ("Am", None, True, "en"),
])
def test_ordinal_ending(prev: str | None, prev2: str | None, date: bool, ending: str) -> None:
    assert num.ordinal_ending(prev, prev2, date) == ending


def test_ordinal_forms() -> None:
    assert num.ordinal(1, "en") == "ersten"
    assert num.ordinal(3, "e") == "dritte"
    assert num.ordinal(3, "er") == "dritter"
    assert num.ordinal(19, "en") == "neunzehnten"
    assert num.ordinal(7, "es") == "siebtes"


@pytest.mark.parametrize(("text", "value"), [
    ("I", 1), ("II", 2), ("IV", 4), ("IX", 9), ("XIV", 14), ("XVI", 16), ("XXXIX", 39),
    ("", None), ("IIII", None), ("CD", None), ("VX", None), ("XL", None),
])
def test_roman_value(text: str, value: int | None) -> None:
    assert num.roman_value(text) == value


def test_regnal() -> None:
    assert num.regnal(2) == "der Zweite"
    assert num.regnal(14) == "der Vierzehnte"
    assert num.regnal(2, "dat") == "dem Zweiten"
    assert num.regnal(16, "gen") == "des Sechzehnten"


@pytest.mark.parametrize(("h", "m", "spoken"), [
    (18, 30, "achtzehn Uhr dreißig"), (9, 0, "neun Uhr"), (1, 0, "ein Uhr"), (0, 5, "null Uhr fünf"),
])
def test_clock(h: int, m: int, spoken: str) -> None:
    assert num.clock(h, m) == spoken


@pytest.mark.parametrize(("whole", "frac", "currency", "spoken"), [
    ("3", "50", "Euro", "drei Euro fünfzig"), ("3", "5", "Euro", "drei Euro fünfzig"),
    ("1", None, "Euro", "ein Euro"), ("0", "50", "Euro", "fünfzig Cent"),
    ("1.000", None, "Euro", "eintausend Euro"), ("3", "00", "Euro", "drei Euro"),
    ("2", "125", "Dollar", "zwei Komma eins zwei fünf Dollar"), ("3", "–", "Euro", "drei Euro"),
])
def test_money(whole: str, frac: str | None, currency: str, spoken: str) -> None:
    assert num.money(whole, frac, currency) == spoken


def test_with_one() -> None:
    assert num.with_one("eins", feminine=True) == "eine"
    assert num.with_one("eins", feminine=False) == "ein"
    assert num.with_one("zwei", feminine=True) == "zwei"
