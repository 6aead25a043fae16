"""German number words: cardinals, decimals, years, ordinals with case endings,
money, percentages, clock times and Roman numerals (via num2words, lang="de")."""
from __future__ import annotations

import re
from functools import lru_cache

from num2words import num2words

from .abbreviations import MONTHS, ORD_E, ORD_EN, ORD_ER, PREPOSITIONS

_DIGITS = ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@lru_cache(maxsize=4096)
def cardinal(n: int) -> str:
    """12 -> 'zwölf', 1000000 -> 'eine Million'."""
    return num2words(n, lang="de")


def parse_int(digits: str) -> int:
    """German digits with optional thousands dots: '1.760' -> 1760."""
    return int(digits.replace(".", ""))


def number(text: str) -> str:
    """'3' -> 'drei', '1.760' -> 'eintausendsiebenhundertsechzig', '3,05' -> 'drei Komma null fünf'."""
    whole, _, frac = text.partition(",")
    spoken = cardinal(parse_int(whole))
    if frac.isdecimal():
        spoken += " Komma " + " ".join(_DIGITS[int(d)] for d in frac)
    return spoken


def year(n: int) -> str:
    """1990 -> 'neunzehnhundertneunzig', 2024 -> 'zweitausendvierundzwanzig'."""
    if 1100 <= n <= 1999:
        hundreds, rest = divmod(n, 100)
        return cardinal(hundreds) + "hundert" + (cardinal(rest) if rest else "")
    return cardinal(n)


def decade(digits: str) -> str:
    """'1990' -> 'neunzehnhundertneunziger', '90' -> 'neunziger' (for '1990er', '90er')."""
    n = int(digits)
    return (year(n) if len(digits) == 4 else cardinal(n)) + "er"


@lru_cache(maxsize=1024)
def ordinal(n: int, ending: str = "e") -> str:
    """3, 'en' -> 'dritten'. ending is one of 'e', 'en', 'er', 'es'."""
    base = num2words(n, lang="de", to="ordinal")  # 'dritte'
    return base[:-1] + ending


def ordinal_ending(prev: str | None, prev2: str | None, date: bool = False) -> str:
    """Case ending of an ordinal from the word(s) before it.

    'am 1. Mai' -> 'en', 'der 3. Oktober' -> 'e', 'in der 3. Klasse' -> 'en',
    'ein 3. Platz' -> 'er'; without a determiner a date takes 'er'
    ('3. Oktober 1990' -> 'dritter Oktober'), anything else 'e'.
    """
    p = (prev or "").lower()
    if p in ORD_EN or p in PREPOSITIONS:
        return "en"
    if p == "der":
        return "en" if (prev2 or "").lower() in PREPOSITIONS else "e"
    if p in ORD_E:
        return "e"
    if p in ORD_ER:
        return "er"
    return "er" if date else "e"


def month(n: int) -> str:
    return MONTHS[n - 1]


def roman_value(text: str) -> int | None:
    """Roman numeral up to XXXIX -> int, else None ('CD' is not one here)."""
    if not text or not _ROMAN.fullmatch(text):
        return None
    total, last = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total += -value if value < last else value
        last = max(last, value)
    return total


def regnal(n: int, case: str = "nom") -> str:
    """2 -> 'der Zweite'; case 'dat' -> 'dem Zweiten', 'gen' -> 'des Zweiten'."""
    if case == "nom":
        return "der " + ordinal(n, "e").capitalize()
    article = "dem" if case == "dat" else "des"
    return f"{article} {ordinal(n, 'en').capitalize()}"


def clock(hours: int, minutes: int) -> str:
    """18, 30 -> 'achtzehn Uhr dreißig'; 1, 0 -> 'ein Uhr'."""
    spoken = ("ein" if hours == 1 else cardinal(hours)) + " Uhr"
    return spoken + (" " + cardinal(minutes) if minutes else "")


def money(whole: str, frac: str | None, currency: str) -> str:
    """'3', '50', 'Euro' -> 'drei Euro fünfzig'; '0', '50' -> 'fünfzig Cent'."""
    units = parse_int(whole)
    cents = 0
    if frac and frac.isdecimal():
        if len(frac) > 2:
            return number(f"{whole},{frac}") + " " + currency
        cents = int(frac.ljust(2, "0"))
    if units == 0 and cents:
        return cardinal(cents) + " Cent"
    spoken = ("ein" if units == 1 else cardinal(units)) + " " + currency
    return spoken + (" " + cardinal(cents) if cents else "")


def with_one(spoken: str, feminine: bool) -> str:
    """'eins' before a noun: 'eins' -> 'ein'/'eine' ('eine Million', 'ein Prozent')."""
    if spoken == "eins":
        return "eine" if feminine else "ein"
    return spoken
