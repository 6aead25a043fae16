"""German abbreviations and the small word lists the splitter and normaliser share.

Every abbreviation has a *class* that says whether its dot may also end a
sentence:

- ``never``: a title or reference word that always has something after it
  ("Dr.", "Nr.", "z. B."); its dot never ends a sentence.
- ``weak``: may end a sentence, but only when the next word clearly starts
  one (a pronoun, an article, a conjunction: see STRONG_STARTERS), because a
  capitalised noun often follows ("1,2 Mio. Euro", "im 19. Jh. Europas").
- ``final``: often ends a sentence ("usw.", "etc."): split before any
  capitalised word.
"""
from __future__ import annotations

import re

# Several display words spoken as one unit. Key: the parts as written with
# dots (the spaces between the parts are optional in the text).
MULTI: dict[str, tuple[str, str]] = {
    "z. B.": ("zum Beispiel", "never"),
    "d. h.": ("das heißt", "never"),
    "u. a.": ("unter anderem", "weak"),
    "u. v. m.": ("und vieles mehr", "final"),
    "u. Ä.": ("und Ähnliches", "final"),
    "u. ä.": ("und Ähnliches", "final"),
    "o. Ä.": ("oder Ähnliches", "final"),
    "o. ä.": ("oder Ähnliches", "final"),
    "a. D.": ("außer Dienst", "weak"),
    "v. Chr.": ("vor Christus", "final"),
    "n. Chr.": ("nach Christus", "final"),
    "u. U.": ("unter Umständen", "never"),
    "z. T.": ("zum Teil", "never"),
    "z. Zt.": ("zurzeit", "weak"),
    "i. d. R.": ("in der Regel", "never"),
    "s. o.": ("siehe oben", "final"),
    "s. u.": ("siehe unten", "final"),
    "v. a.": ("vor allem", "never"),
    "m. E.": ("meines Erachtens", "never"),
    "o. g.": ("oben genannt", "never"),
    "i. A.": ("im Auftrag", "never"),
    "u. s. w.": ("und so weiter", "final"),
}

# One display word with its dot: "usw." -> key "usw".
SINGLE: dict[str, tuple[str, str]] = {
    "usw": ("und so weiter", "final"),
    "u": ("und", "never"),
    "etc": ("etzetera", "final"),
    "ca": ("zirka", "never"),
    "bzw": ("beziehungsweise", "never"),
    "vgl": ("vergleiche", "never"),
    "ggf": ("gegebenenfalls", "never"),
    "inkl": ("inklusive", "never"),
    "exkl": ("exklusive", "never"),
    "evtl": ("eventuell", "never"),
    "zzgl": ("zuzüglich", "never"),
    "bzgl": ("bezüglich", "never"),
    "sog": ("sogenannte", "never"),
    "gem": ("gemäß", "never"),
    "geb": ("geboren", "never"),
    "gest": ("gestorben", "never"),
    "ehem": ("ehemalige", "never"),
    "Dr": ("Doktor", "never"),
    "Prof": ("Professor", "never"),
    "Hr": ("Herr", "never"),
    "Hrn": ("Herrn", "never"),
    "Fr": ("Frau", "never"),
    "St": ("Sankt", "never"),
    "Nr": ("Nummer", "never"),
    "Str": ("Straße", "weak"),
    "Tel": ("Telefon", "never"),
    "Hrsg": ("Herausgeber", "weak"),
    "Co": ("Co", "weak"),
    "Mio": ("Millionen", "weak"),
    "Mrd": ("Milliarden", "weak"),
    "Tsd": ("Tausend", "weak"),
    "Jh": ("Jahrhundert", "weak"),
    "Jhd": ("Jahrhundert", "weak"),
    "Jhs": ("Jahrhunderts", "weak"),
    "Std": ("Stunden", "weak"),
    "Min": ("Minuten", "weak"),
    "Sek": ("Sekunden", "weak"),
    "max": ("maximal", "never"),
    "Bsp": ("Beispiel", "weak"),
    "Abb": ("Abbildung", "never"),
    "Kap": ("Kapitel", "never"),
    "Dipl": ("Diplom", "never"),
    "Ing": ("Ingenieur", "never"),
    "Abt": ("Abteilung", "never"),
    "Aufl": ("Auflage", "weak"),
    "Verf": ("Verfasser", "weak"),
    "Mitgl": ("Mitglied", "never"),
    "Mrs": ("Misses", "never"),
    "Mr": ("Mister", "never"),
}

# Abbreviations only when a number follows ("Art. 5", "S. 12"); otherwise a
# normal word before a sentence-final dot ("eine neue Art.").
NUMBERED: dict[str, str] = {
    "Art": "Artikel", "Abs": "Absatz", "S": "Seite", "Bd": "Band",
    "Ziff": "Ziffer", "Bde": "Bände", "Anm": "Anmerkung",
}

# Month abbreviations: only after an ordinal or before a number ("Jan" is a name).
MONTH_ABBR: dict[str, str] = {
    "Jan": "Januar", "Feb": "Februar", "Mär": "März", "Apr": "April",
    "Jun": "Juni", "Jul": "Juli", "Aug": "August", "Sep": "September",
    "Sept": "September", "Okt": "Oktober", "Nov": "November", "Dez": "Dezember",
}

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")
MONTH_WORDS = frozenset(MONTHS) | frozenset({"Jänner", "Oktobers", "Mais", "Augusts"})

# Capitalised words that begin a sentence but never follow an ordinal or an
# abbreviation inside one: pronouns, articles, conjunctions, adverbs.
STRONG_STARTERS = frozenset("""
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ich Ihr Man
Dies Diese Dieser Dieses Diesem Diesen Jene Jener Dann Danach Davor Doch Aber Und
Oder Auch Als Damit Dabei Dafür Dagegen Daher Darum Deshalb Deswegen Denn Jedoch
Trotzdem Zudem Außerdem Allerdings Nun Wie Was Wer Wo Warum Wann Wieso Weshalb
Welche Welcher Welches So Seine Seiner Ihre Ihrem Ihren Unser Unsere Mein Meine
Kein Keine Heute Gestern Jetzt Hier Dort Da Nicht Noch Schon Bereits Ob Wenn Weil
Während Obwohl Zwar Immer Alle Viele Einige Beide Im Am Zum Zur Vom Beim Mit In An
Auf Aus Bei Nach Vor Seit Für Gegen Um Über Unter Zwischen Ohne Durch Bis Ab Laut
Inzwischen Später Zuvor Anschließend Schließlich Zunächst Erst Sogar Nur Somit
Folglich Gleichzeitig Insgesamt Stattdessen Dazu Hinzu Darüber Deren Dessen Jeder
Jede Jedes Mehr Weitere Andere Sein Ihm Ihn Uns
""".split()) - {"Sein"}

# Words that make a following ordinal take "-en" (dative/genitive or after a preposition).
ORD_EN = frozenset("""
am im zum vom beim zur dem den des einem einen eines einer diesem diesen dieses
jedem jeden seinem seinen ihrem ihren unserem unseren meinem meinen deren dessen
""".split())
PREPOSITIONS = frozenset("""
an auf aus bei bis durch für gegen hinter in mit nach neben ohne seit über um unter
von vor zu zwischen ab ins ans aufs während wegen trotz laut gemäß innerhalb
außerhalb oberhalb unterhalb anlässlich seitens
""".split())
ORD_E = frozenset("die das diese dieses jede jedes eine seine ihre meine unsere keine".split())
ORD_ER = frozenset("ein kein sein mein unser".split())

# Words after which a four-digit number 1100-1999 is read as a year.
YEAR_CONTEXT = frozenset("""
im in seit bis von vom ab vor nach um jahr jahre jahres jahren jahrs anfang ende
mitte sommer winter herbst frühjahr frühling zwischen und oder bereits schon
""".split()) | frozenset(m.lower() for m in MONTH_WORDS)

# Capitalised nouns that are followed by a Roman numeral as a number, not a regnal name.
ROMAN_NOUNS = frozenset("""
Jahr Teil Band Kapitel Akt Nummer Stufe Phase Klasse Liga Abschnitt Artikel
Paragraph Paragraf Buch Folge Staffel Runde Tafel Anhang Abbildung Gruppe
""".split())


def _multi_pattern(key: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in key.replace(" ", "").split(".") if p]
    first = parts[0]
    head = f"[{first[0].lower()}{first[0].upper()}]{first[1:]}"
    return re.compile(r"\.\s*".join([head] + parts[1:]) + r"\.(?![^\W_])")


_MULTI_BY_FIRST: dict[str, list[tuple[re.Pattern[str], str, str]]] = {}
for _key, (_spoken, _kind) in sorted(MULTI.items(), key=lambda kv: -len(kv[0])):
    _MULTI_BY_FIRST.setdefault(_key[0], []).append((_multi_pattern(_key), _spoken, _kind))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def match_multi(text: str, pos: int, sentence_start: bool = False) -> tuple[int, str, str] | None:
    """Multi-part abbreviation starting at pos: (end, spoken, class) or None.
    A capitalised first letter ("Z. B.") only counts at the start of a sentence."""
    ch = text[pos]
    if ch.isupper() and not sentence_start:
        candidates = _MULTI_BY_FIRST.get(ch, ())
    else:
        candidates = _MULTI_BY_FIRST.get(ch.lower(), ())
    for pattern, spoken, kind in candidates:
        m = pattern.match(text, pos)
        if m:
            return m.end(), _capitalise(spoken) if ch.isupper() else spoken, kind
    return None


def lookup_single(word: str) -> tuple[str, str] | None:
    """Spoken form and class of a one-word abbreviation (word without its dot)."""
    if word in SINGLE:
        return SINGLE[word]
    low = word[:1].lower() + word[1:]
    if word[:1].isupper() and low in SINGLE:
        spoken, kind = SINGLE[low]
        return _capitalise(spoken), kind
    return None


def is_strong_starter(word: str) -> bool:
    return word in STRONG_STARTERS
