"""Fractions written with a slash: "3/4" -> "drei Viertel", "1/2" -> "ein halb",
"2 1/2" -> "zweieinhalb", "2/3-Mehrheit" -> "zweidrittel-Mehrheit".

Only proper fractions with a common denominator count. Everything else keeps
its old reading: "24/7" (numerator not below the denominator), "1/2024" and
"12/2023" (month/year), "2023/24" (a season), "9/11" (a date, denominator 11
is not on the list), and numbers after "Nr.", "Heft", "Az." and the like.
"""
from __future__ import annotations

import re

from . import numbers as num
from .lexer import Ctx, Unit, spoken_word

NB = r"(?![^\W_])"  # not followed by a letter or digit
DENOMINATORS = {2: "halb", 3: "Drittel", 4: "Viertel", 5: "Fünftel", 6: "Sechstel", 8: "Achtel",
                10: "Zehntel", 12: "Zwölftel", 16: "Sechzehntel", 20: "Zwanzigstel", 100: "Hundertstel",
                1000: "Tausendstel"}
NOT_AFTER = frozenset({"nr", "nummer", "heft", "ausgabe", "az", "aktenzeichen", "jahrgang", "band", "bd",
                       "seite", "s", "gleis", "linie", "drucksache", "kapitel", "kap", "folge"})

FRACTION = re.compile(r"(\d{1,3})/(\d{1,4})(?:-(?=[^\W\d_])|" + NB + ")")
MIXED = re.compile(r"(\d{1,3})\s+(\d{1,3})/(\d{1,4})" + NB)


def fraction_words(numerator: int, denominator: int) -> str | None:
    """3, 4 -> 'drei Viertel'; None when this is not a fraction we read as one."""
    name = DENOMINATORS.get(denominator)
    if name is None or not 1 <= numerator < denominator:
        return None
    return f"{'ein' if numerator == 1 else num.cardinal(numerator)} {name}"


def _after_label(ctx: Ctx) -> bool:
    prev = (ctx.prev() or "").rstrip(".").lower()
    return prev in NOT_AFTER


def fraction(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    words = fraction_words(int(m[1]), int(m[2]))
    if words is None or _after_label(ctx):
        return None
    if not m[0].endswith("-"):
        return ctx.make(m.start(), m.end(), words, "number")
    end = ctx.run.core_end  # "2/3-Mehrheit": one compound word
    rest = spoken_word(ctx.text[m.end():end])
    return ctx.make(m.start(), end, words.replace(" ", "").lower() + "-" + rest, "number")


def mixed(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    """'2 1/2' -> 'zweieinhalb', '1 3/4' -> 'eins drei Viertel'."""
    whole, numerator, denominator = int(m[1]), int(m[2]), int(m[3])
    words = fraction_words(numerator, denominator)
    if words is None or _after_label(ctx):
        return None
    if (numerator, denominator) == (1, 2):
        spoken = ("ein" if whole == 1 else num.cardinal(whole)) + "einhalb"
    else:
        spoken = f"{num.cardinal(whole)} {words}"
    return ctx.make(m.start(), m.end(), spoken, "number")
