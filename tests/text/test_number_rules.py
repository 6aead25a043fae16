"""Units with digits (app.text.number_rules): which display words they cover, what they say."""
from __future__ import annotations

import pytest

from app.text.lexer import scan


def _units(text: str) -> list[tuple[str, str]]:
    return [(text[u.start:u.end], u.spoken) for u in scan(text) if u.kind != "symbol"]


@pytest.mark.parametrize(("text", "expected"), [
    ("€3,50", [("€3,50", "drei Euro fünfzig")]),
    ("€ 1,2 Mrd.", [("€ 1,2 Mrd.", "eins Komma zwei Milliarden Euro")]),
    ("3,- €", [("3,- €", "drei Euro")]),
    ("5 $", [("5 $", "fünf Dollar")]),
    ("2,99 EUR", [("2,99 EUR", "zwei Euro neunundneunzig")]),
    ("1,2 Mio. €", [("1,2 Mio. €", "eins Komma zwei Millionen Euro")]),
    ("1 Mio.", [("1 Mio.", "eine Million")]),
    ("12.500.000 Euro", [("12.500.000", "zwölf Millionen fünfhunderttausend"), ("Euro", "Euro")]),
    ("um 5%), gut", [("um", "um"), ("5%", "fünf Prozent"), ("gut", "gut")]),
    ("1 %", [("1 %", "ein Prozent")]),
    ("0,5 ‰", [("0,5 ‰", "null Komma fünf Promille")]),
    ("1 km", [("1 km", "ein Kilometer")]),
    ("1 t", [("1 t", "eine Tonne")]),
    ("2,5 t", [("2,5 t", "zwei Komma fünf Tonnen")]),
    ("120 km/h", [("120 km/h", "einhundertzwanzig Kilometer pro Stunde")]),
    ("§§ 3", [("§§ 3", "Paragrafen drei")]),
    ("1990–1995", [("1990–1995", "neunzehnhundertneunzig bis neunzehnhundertfünfundneunzig")]),
    ("10-15", [("10-15", "zehn bis fünfzehn")]),
    ("Es stand 2:1", [("Es", "Es"), ("stand", "stand"), ("2:1", "zwei zu eins")]),
    ("24:00 Uhr", [("24:00 Uhr", "vierundzwanzig Uhr")]),
    ("18.30 Uhr", [("18.30 Uhr", "achtzehn Uhr dreißig")]),
    ("18:05", [("18:05", "achtzehn Uhr fünf")]),
    ("am 31.12.", [("am", "am"), ("31.12.", "einunddreißigsten Dezember")]),
    ("3.10.", [("3.10.", "dritter Oktober")]),
    ("Im 1000. Jahr", [("Im", "Im"), ("1000.", "tausendsten"), ("Jahr", "Jahr")]),
    ("in den 90ern", [("in", "in"), ("den", "den"), ("90ern", "neunzigern")]),
    ("1990er-Jahre", [("1990er-Jahre", "neunzehnhundertneunziger-Jahre")]),
    ("10 %-Hürde", [("10", "zehn"), ("Hürde", "Prozent-Hürde")]),
    ("32.13.2000", [("32.13.2000", "32.13.2000")]),
    ("1100 Gäste", [("1100", "eintausendeinhundert"), ("Gäste", "Gäste")]),
    ("um 1100", [("um", "um"), ("1100", "elfhundert")]),
    ("im Mai 1945", [("im", "im"), ("Mai", "Mai"), ("1945", "neunzehnhundertfünfundvierzig")]),
])
def test_number_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert _units(text) == expected


def test_ordinal_dot_is_part_of_the_word() -> None:
    unit = scan("am 1. Mai")[1]
    assert (unit.kind, unit.end - unit.start) == ("ordinal", 2)


def test_cardinal_before_a_new_sentence_leaves_the_dot() -> None:
    unit = scan("Das war 1990. Danach")[2]
    assert (unit.kind, unit.spoken, unit.end - unit.start) == ("number", "neunzehnhundertneunzig", 4)
