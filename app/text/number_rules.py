"""Lexer rules for everything with digits: dates, clock times, money,
percentages, units, ordinals, years and plain numbers.

Each rule gets the scan context and returns a Unit or None; the first rule
that matches wins, so the more specific patterns come first.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import abbreviations as ab
from . import fractions as frac
from . import numbers as num
from .lexer import Ctx, Unit

NB = r"(?![^\W_])"  # not followed by a letter or digit
AMOUNT = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+|[-–]{1,2}))?"
_CURRENCY = {"€": "Euro", "EUR": "Euro", "Euro": "Euro", "$": "Dollar", "Dollar": "Dollar",
             "US-Dollar": "US-Dollar"}
_SCALE = {"Mio": ("Million", "Millionen"), "Mrd": ("Milliarde", "Milliarden"),
          "Millionen": ("Million", "Millionen"), "Milliarden": ("Milliarde", "Milliarden"),
          "Tsd": ("Tausend", "Tausend")}
_UNITS = {  # symbol: (singular, plural, feminine)
    "km/h": ("Kilometer pro Stunde", "Kilometer pro Stunde", False),
    "km²": ("Quadratkilometer", "Quadratkilometer", False),
    "m²": ("Quadratmeter", "Quadratmeter", False),
    "km": ("Kilometer", "Kilometer", False), "cm": ("Zentimeter", "Zentimeter", False),
    "mm": ("Millimeter", "Millimeter", False), "kg": ("Kilogramm", "Kilogramm", False),
    "°C": ("Grad Celsius", "Grad Celsius", False), "°": ("Grad", "Grad", False),
    "m": ("Meter", "Meter", False), "g": ("Gramm", "Gramm", False),
    "t": ("Tonne", "Tonnen", True), "l": ("Liter", "Liter", False),
}

_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.(?:\s*(\d{4})" + NB + ")?")
_TIME_UHR = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*Uhr" + NB)
_TIME_COLON = re.compile(r"(\d{1,2}):(\d{2})" + NB)
_SCORE = re.compile(r"(\d+):(\d+)" + NB)
_DECADE = re.compile(r"(\d+)er(n|s)?" + NB)
_RANGE = re.compile(r"(\d+)[–-](\d+)" + NB)
_MONEY_POST = re.compile(AMOUNT + r"\s*(€|\$|EUR" + NB + ")")
_MONEY_WORD = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+),(\d{2}|[-–]{1,2})\s*(Euro|US-Dollar|Dollar)" + NB)
_SCALED = re.compile(AMOUNT + r"\s*(Mio|Mrd|Tsd)\.(?:\s*(€|\$))?")
_PERCENT = re.compile(AMOUNT + r"\s*(%|‰)")
_UNIT = re.compile(AMOUNT + r"\s*(" + "|".join(re.escape(u) for u in _UNITS) + ")" + NB)
_PLAIN = re.compile(AMOUNT + NB)
_MONEY_PRE = re.compile(r"(€|\$)\s*" + AMOUNT + r"(?:\s*(Mio\.|Mrd\.|Millionen|Milliarden)|" + NB + ")")
_PARAGRAPH = re.compile(r"(§§?)\s*(\d+)([a-z])?" + NB)


def _amount(whole: str, frac: str | None) -> str:
    return num.number(whole + ("," + frac if frac and frac.isdecimal() else ""))


def _date(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    day, month, year = int(m[1]), int(m[2]), m[3]
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = num.ordinal(day, num.ordinal_ending(ctx.prev(), ctx.prev(2), date=True))
    spoken += " " + num.month(month)
    if year:
        return ctx.make(m.start(), m.end(), spoken + " " + num.year(int(year)), "date")
    return ctx.make(m.start(), m.end(), spoken, "date", "weak")


def _time_uhr(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    hours, minutes = int(m[1]), int(m[2] or 0)
    if hours > 24 or minutes > 59:
        return None
    return ctx.make(m.start(), m.end(), num.clock(hours, minutes), "time")


def _time_colon(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    return _time_uhr(ctx, m)


def _score(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    """'2:1' -> 'zwei zu eins' (a colon that is no clock time)."""
    return ctx.make(m.start(), m.end(), f"{num.cardinal(int(m[1]))} zu {num.cardinal(int(m[2]))}", "number")


def _decade(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    return ctx.make(m.start(), m.end(), num.decade(m[1]) + (m[2] or ""), "number")


def _year_or_number(digits: str, prev: str | None) -> str:
    n = int(digits)
    if len(digits) == 4 and 1100 <= n <= 1999 and (n >= 1900 or (prev or "").lower() in ab.YEAR_CONTEXT):
        return num.year(n)
    return num.cardinal(n)


def _range(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    years = all(len(g) == 4 and 1100 <= int(g) <= 1999 for g in (m[1], m[2]))
    say = num.year if years else num.cardinal
    return ctx.make(m.start(), m.end(), f"{say(int(m[1]))} bis {say(int(m[2]))}", "number")


def _money_post(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    return ctx.make(m.start(), m.end(), num.money(m[1], m[2], _CURRENCY[m[3]]), "money")


def _scaled(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    one = m[1] == "1" and not m[2]
    singular, plural = _SCALE[m[3]]
    spoken = num.with_one(_amount(m[1], m[2]), feminine=True) + " " + (singular if one else plural)
    if m[4]:
        spoken += " " + _CURRENCY[m[4]]
        return ctx.make(m.start(), m.end(), spoken, "money")
    return ctx.make(m.start(), m.end(), spoken, "number", "weak")


def _percent(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    word = " Prozent" if m[3] == "%" else " Promille"
    return ctx.make(m.start(), m.end(), num.with_one(_amount(m[1], m[2]), False) + word, "number")


def _unit(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    singular, plural, feminine = _UNITS[m[3]]
    if m[1] == "1" and not m[2]:
        spoken = ("eine " if feminine else "ein ") + singular
    else:
        spoken = _amount(m[1], m[2]) + " " + plural
    return ctx.make(m.start(), m.end(), spoken, "number")


def _plain(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    whole, frac = m[1], m[2]
    if frac and not frac.isdecimal():
        return None
    if frac or "." in whole:
        spoken = _amount(whole, frac)
    else:
        spoken = _year_or_number(whole, ctx.prev())
    return ctx.make(m.start(), m.end(), spoken, "number")


def _money_pre(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    currency = _CURRENCY[m[1]]
    if m[4]:
        one = m[2] == "1" and not m[3]
        singular, plural = _SCALE[m[4].rstrip(".")]
        spoken = num.with_one(_amount(m[2], m[3]), True) + " " + (singular if one else plural)
        return ctx.make(m.start(), m.end(), f"{spoken} {currency}", "money")
    return ctx.make(m.start(), m.end(), num.money(m[2], m[3], currency), "money")


def _paragraph(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    word = "Paragrafen" if m[1] == "§§" else "Paragraf"
    return ctx.make(m.start(), m.end(), f"{word} {num.cardinal(int(m[2]))}{m[3] or ''}", "number")


_Rule = tuple[re.Pattern[str], Callable[[Ctx, re.Match[str]], Unit | None]]
_DIGIT_RULES: tuple[_Rule, ...] = (
    (_DATE, _date), (_TIME_UHR, _time_uhr), (_TIME_COLON, _time_colon),
    (frac.MIXED, frac.mixed), (frac.FRACTION, frac.fraction), (_DECADE, _decade),
    (_MONEY_POST, _money_post), (_MONEY_WORD, _money_post), (_SCALED, _scaled),
    (_PERCENT, _percent), (_UNIT, _unit), (_RANGE, _range), (_SCORE, _score),
)
_SYMBOL_RULES: tuple[_Rule, ...] = ((_MONEY_PRE, _money_pre), (_PARAGRAPH, _paragraph))


def _first(ctx: Ctx, pos: int, rules: tuple[_Rule, ...]) -> Unit | None:
    for pattern, handle in rules:
        m = pattern.match(ctx.text, pos)
        if m:
            unit = handle(ctx, m)
            if unit:
                return unit
    return None


def _ordinal(ctx: Ctx) -> Unit | None:
    """'am 1. Mai', 'im 19. Jahrhundert', 'zum 1000. Mal': digits whose dot is part of the word."""
    core, nxt = ctx.core, ctx.next_word()
    if not core.isdecimal() or ctx.suffix != "." or not nxt or nxt[0].isdecimal():
        return None
    prev = ctx.prev()
    low = (prev or "").lower()
    determined = low in ab.ORD_EN or low in ab.ORD_E or low in ab.ORD_ER or low == "der" \
        or low in ab.PREPOSITIONS
    date = nxt in ab.MONTH_WORDS or nxt in ab.MONTH_ABBR
    if ab.is_strong_starter(nxt) or (len(core) > 3 and not determined):
        return None
    if ctx.text[ctx.runs[ctx.i + 1].start] in "„“\"»«‚(":
        return None
    if not (determined or date or nxt[0].islower() or ctx.at_start()):
        return None  # "Das war Platz 3. Ergebnisse folgen": a number ending the sentence
    spoken = num.ordinal(int(core), num.ordinal_ending(prev, ctx.prev(2), date))
    run = ctx.run
    return ctx.make(run.core_start, run.core_end + 1, spoken, "ordinal")


def match_number(ctx: Ctx) -> Unit | None:
    """A unit for a run whose core starts with a digit (or '€3,50')."""
    run = ctx.run
    if ctx.text[run.core_start - 1:run.core_start] in ("€", "$", "§") and run.core_start > run.start:
        unit = _first(ctx, run.core_start - 1, _SYMBOL_RULES)
        if unit:
            return unit
    if not ctx.text[run.core_start].isdecimal():
        return None
    unit = _first(ctx, run.core_start, _DIGIT_RULES) or _ordinal(ctx)
    if unit:
        return unit
    m = _PLAIN.match(ctx.text, run.core_start)
    return _plain(ctx, m) if m else None


def match_symbol(ctx: Ctx) -> Unit | None:
    """'€ 3,50', '§ 3': a symbol run that starts a spoken unit."""
    run = ctx.run
    last = ctx.text[run.end - 1]
    if last not in "€$§":
        return None
    return _first(ctx, ctx.text.index(last, run.start), _SYMBOL_RULES)
