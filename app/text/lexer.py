"""Scan German text into units: display word(s) with their spoken form.

Text is cut into whitespace-delimited *runs*. A run's *core* goes from its
first to its last letter or digit; what is before it (quotes, brackets) and
after it (punctuation, closing quotes) is not part of a word. A *unit* covers
the core of one run or several runs spoken together ("z. B.", "18:30 Uhr",
"3,50 €") and, when the dot belongs to the word ("Dr.", "1." as an ordinal,
"II." after a name), that dot too. Runs without a letter or digit ("–", "…")
become ``symbol`` units with no spoken text.

Both the sentence splitter and the tokenizer use the same scan, so a dot that
the tokenizer reads as part of a word is never taken as a sentence end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import abbreviations as ab
from . import numbers as num

OPENERS = "„“”\"'‚‘’»«([{<›‹"
QUOTES = "„“”\"‚‘»«›‹"
_RUN = re.compile(r"\S+")


@dataclass(slots=True)
class Run:
    start: int
    end: int
    core_start: int  # -1 when the run holds no letter or digit
    core_end: int


@dataclass(slots=True)
class Unit:
    start: int  # display span of the word(s), into the scanned text
    end: int
    spoken: str  # without prosody punctuation; "" for symbols
    kind: str  # word, abbr, ordinal, date, number, roman, symbol ...
    first_run: int
    last_run: int
    run_start: int  # start of the first run (includes opening quotes)
    run_end: int  # end of the last run (includes closing punctuation)
    dot_ends: bool = False  # the word's own dot also ends the sentence


_CORE = re.compile(r"[^\W_](?:\S*[^\W_])?")


def runs_of(text: str) -> list[Run]:
    out = []
    core = _CORE.search
    for m in _RUN.finditer(text):
        s, e = m.span()
        c = core(text, s, e)
        out.append(Run(s, e, *c.span()) if c else Run(s, e, -1, -1))
    return out


def starts_sentence(text: str, run: Run) -> bool:
    """Does this run look like the start of a sentence (capital or digit after quotes)?"""
    for ch in text[run.start:run.end]:
        if ch in OPENERS:
            continue
        return ch.isupper() or ch.isdecimal()
    return False


class Ctx:
    """What a rule sees: the text, its runs, the run index and the units so far."""

    __slots__ = ("text", "runs", "i", "units", "run", "core", "suffix")

    def __init__(self, text: str, runs: list[Run], i: int, units: list[Unit]):
        self.text, self.runs, self.i, self.units = text, runs, i, units
        self.run = run = runs[i]
        self.core = text[run.core_start:run.core_end] if run.core_start >= 0 else ""
        self.suffix = text[run.core_end:run.end] if run.core_start >= 0 else ""

    def prev(self, n: int = 1) -> str | None:
        """The n-th previous word (as displayed), or None."""
        for unit in reversed(self.units):
            if unit.kind == "symbol":
                continue
            n -= 1
            if n == 0:
                return self.text[unit.start:unit.end]
        return None

    def prev_kind(self) -> str | None:
        return self.units[-1].kind if self.units else None

    def next_word(self, j: int | None = None) -> str | None:
        """Core of the run after run j (default: this run); '' for a symbol run, None at the end."""
        j = self.i if j is None else j
        if j + 1 >= len(self.runs):
            return None
        nxt = self.runs[j + 1]
        return self.text[nxt.core_start:nxt.core_end] if nxt.core_start >= 0 else ""

    def at_start(self) -> bool:
        if not self.units:
            return True
        last = self.units[-1]
        trail = self.text[last.end:last.run_end]
        return last.dot_ends or any(c in ".!?…" for c in trail)

    def make(self, start: int, end: int, spoken: str, kind: str, dot: str = "") -> Unit | None:
        """A unit from start to end; None when end would cut a word in two.
        dot: the class of a word-dot at the end of the span ('never', 'weak', 'final')."""
        runs, j = self.runs, self.i
        while runs[j].end < end:
            j += 1
        rest = self.text[end:runs[j].end]
        if any(c.isalnum() for c in rest):
            return None
        ends = False
        if dot and not any(c in ",;:" for c in rest):  # "usw.)," goes on
            nxt = self.next_word(j)
            if nxt is None:
                ends = True
            elif dot == "weak":
                ends = ab.is_strong_starter(nxt)
            elif dot == "final":
                ends = starts_sentence(self.text, runs[j + 1])
        return Unit(start, end, spoken, kind, self.i, j, runs[self.i].start, runs[j].end, ends)


def scan(text: str) -> list[Unit]:
    """All units of text, in order, covering every run once."""
    return scan_runs(text)[1]


def scan_runs(text: str) -> tuple[list[Run], list[Unit]]:
    """The runs of text and its units (each unit knows its first and last run)."""
    match_number, match_symbol = _number_rules()
    runs = runs_of(text)
    units: list[Unit] = []
    i = 0
    while i < len(runs):
        ctx = Ctx(text, runs, i, units)
        run = runs[i]
        if run.core_start < 0:
            unit = match_symbol(ctx) or Unit(run.start, run.end, "", "symbol", i, i,
                                             run.start, run.end)
        else:
            unit = (match_number(ctx) if text[run.core_start].isdecimal() or _currency_prefix(ctx)
                    else None) or match_word(ctx)
        units.append(unit)
        i = unit.last_run + 1
    return runs, units


def _number_rules():  # imported late: number_rules imports this module
    from .number_rules import match_number, match_symbol  # noqa: PLC0415

    return match_number, match_symbol


def _currency_prefix(ctx: Ctx) -> bool:
    return ctx.text[ctx.run.start:ctx.run.core_start][-1:] in ("€", "$", "§")


def match_word(ctx: Ctx) -> Unit:
    """Abbreviation, Roman numeral, initial or a plain word."""
    core = ctx.core
    if len(core) > 3 and ctx.suffix[:1] != "." and core[0] not in "IVX":
        return _plain(ctx)  # fast path: most words
    return _abbreviation(ctx) or (core[0] in "IVX" and _roman(ctx)) or _initial(ctx) or _plain(ctx)


def _abbreviation(ctx: Ctx) -> Unit | None:
    text, run, core = ctx.text, ctx.run, ctx.core
    cs = run.core_start
    if cs + 1 < len(text) and (text[cs + 1] == "." or len(core) <= 3):
        hit = ab.match_multi(text, cs, ctx.at_start())
        if hit:
            end, spoken, cls = hit
            unit = ctx.make(cs, end, spoken, "abbr", cls)
            if unit:
                return unit
    if not ctx.suffix.startswith("."):
        return None
    end = run.core_end + 1
    nxt = ctx.next_word()
    if core in ab.NUMBERED and nxt and (nxt[0].isdecimal() or num.roman_value(nxt)):
        return ctx.make(cs, end, ab.NUMBERED[core], "abbr", "never")
    if core in ab.MONTH_ABBR and (ctx.prev_kind() == "ordinal" or (nxt and nxt[0].isdecimal())):
        return ctx.make(cs, end, ab.MONTH_ABBR[core], "abbr", "weak")
    hit = ab.lookup_single(core)
    if hit:
        return ctx.make(cs, end, hit[0], "abbr", hit[1])
    if core.endswith("str") and len(core) > 4 and nxt and nxt[0].isdecimal():
        return ctx.make(cs, end, spoken_word(core[:-3]) + "straße", "abbr", "never")  # "Goethestr. 5"
    return None


def _name_like(word: str | None) -> bool:
    return bool(word) and word[0].isupper() and word.isalpha() and word not in ab.ROMAN_NOUNS \
        and word.lower() not in ab.PREPOSITIONS and word not in ab.STRONG_STARTERS


def _regnal_case(ctx: Ctx) -> str:
    """'von Friedrich II.' -> dative; walk back over the name's capitalised words."""
    for n in range(2, 5):
        word = ctx.prev(n)
        if word is None:
            break
        low = word.lower()
        if low in ("von", "mit", "bei", "zu", "nach", "unter", "seit", "aus", "vom", "zum",
                   "gegenüber", "dem"):
            return "dat"
        if low in ("des", "wegen", "während", "trotz"):
            return "gen"
        if not word[:1].isupper():
            break
    return "nom"


def _roman(ctx: Ctx) -> Unit | None:
    value = num.roman_value(ctx.core)
    if value is None:
        return None
    run, prev, suffix = ctx.run, ctx.prev(), ctx.suffix
    nxt = ctx.next_word()
    if prev in ab.ROMAN_NOUNS:
        return ctx.make(run.core_start, run.core_end, num.cardinal(value), "number")
    if suffix.startswith(".") and _name_like(prev) and not ctx.at_start():
        spoken = num.regnal(value, _regnal_case(ctx))
        unit = ctx.make(run.core_start, run.core_end + 1, spoken, "roman", "never")
        if unit and (nxt is None or ab.is_strong_starter(nxt)):
            unit = replace(unit, dot_ends=True)
        return unit
    low = (prev or "").lower()
    determiner = low in ab.ORD_EN or low in ab.ORD_E or low in ab.ORD_ER or low == "der"
    if suffix == "." and determiner and nxt and nxt[0].isupper() and not ab.is_strong_starter(nxt):
        spoken = num.ordinal(value, num.ordinal_ending(prev, ctx.prev(2)))
        return ctx.make(run.core_start, run.core_end + 1, spoken, "ordinal")
    if len(ctx.core) >= 2 and not suffix.startswith(".") and _name_like(prev):
        return ctx.make(run.core_start, run.core_end, num.regnal(value, _regnal_case(ctx)), "roman")
    return None


def _initial(ctx: Ctx) -> Unit | None:
    """'John F. Kennedy', 'Punkt a. der Liste': one letter with a dot inside a sentence."""
    core, nxt = ctx.core, ctx.next_word()
    if len(core) == 1 and core.isalpha() and ctx.suffix == "." and nxt \
            and not ab.is_strong_starter(nxt) and not nxt[0].isdecimal():
        return ctx.make(ctx.run.core_start, ctx.run.core_end + 1, core, "initial")
    return None


_STRIP_SPOKEN = str.maketrans({q: None for q in QUOTES} | {"’": "'", "/": " ", "&": " und ",
                                                           "%": " Prozent", "_": " ",
                                                           "[": " ", "]": " "})  # "[[" starts eSpeak phonemes
_NUM_IN_WORD = re.compile(r"(?<![^\W\d_])\d+(?:,\d+)?(?=-)|(?<=-)\d+(?:,\d+)?(?![^\W_])")
_DECADE_IN_WORD = re.compile(r"(?<![^\W\d_])(\d+)er(?=-)")


def spoken_word(core: str) -> str:
    """A plain word as eSpeak should get it: no quotes, numbers in compounds spelled out."""
    if core.isalpha():
        return core
    spoken = core.translate(_STRIP_SPOKEN)
    if "-" in spoken and any(c.isdecimal() for c in spoken):
        spoken = _DECADE_IN_WORD.sub(lambda m: num.decade(m[1]), spoken)  # "1990er-Jahre"
        spoken = _NUM_IN_WORD.sub(lambda m: num.number(m.group()), spoken)
    spoken = " ".join(spoken.split())
    return spoken or core


def _plain(ctx: Ctx) -> Unit:
    run = ctx.run
    spoken = spoken_word(ctx.core)
    if "%" in ctx.text[run.start:run.core_start]:
        spoken = "Prozent-" + spoken  # "10 %-Hürde"
    return Unit(run.core_start, run.core_end, spoken, "word", ctx.i, ctx.i, run.start, run.end)
