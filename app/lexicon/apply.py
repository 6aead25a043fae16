"""Apply a lexicon to the spoken tokens of an article. The display text never changes.

A grapheme matches the display text of one token ("Meeting"), of several
tokens separated only by white space ("Social Media", "Kim Jong Un"), or of
hyphen-separated parts of one compound ("Homeoffice-Pflicht",
"Social-Media-Plattform"). Matching is exact, except that a capitalised word
also matches a lower-case grapheme ("Live" at a sentence start matches
"live"). The longest grapheme wins.

What replaces the spoken form depends on the engine (:meth:`Entry.spoken_for`):
for eSpeak the phoneme code in ``[[ ]]`` (the engine passes espeakPHONEMES),
else the alias. A replacement with as many words as the matched tokens gives
each token its own word, so every displayed word keeps its own timing;
otherwise the matched tokens become one token spanning them. Because the
applied form is part of the spoken text, it is part of each sentence's cache
key: editing an entry re-synthesises exactly the sentences that use it.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Article, Sentence
from ..text.normalize import Token, spoken_sentence
from .model import Entry, Lexicon, normalize_grapheme

MARKS = ",;:?!."


@dataclass
class Usage:
    """What a lexicon did to one article."""

    counts: Counter = field(default_factory=Counter)  # grapheme -> occurrences
    entries: dict[str, Entry] = field(default_factory=dict)  # grapheme -> the entry that matched
    replaced: int = 0  # spoken forms replaced (0 for phoneme-only entries under gTTS)
    changed: set[str] = field(default_factory=set)  # ids of sentences whose spoken text changed

    def note(self, grapheme: str, entry: Entry) -> None:
        self.counts[grapheme] += 1
        self.entries.setdefault(grapheme, entry)

    def used_entries(self) -> list[Entry]:
        """Each matched entry once, in the order first met."""
        seen: dict[int, Entry] = {}
        for entry in self.entries.values():
            seen.setdefault(id(entry), entry)
        return list(seen.values())

    def unused(self, lexicon: Lexicon, source: str) -> list[str]:
        """Graphemes of the file ``source`` that never occur in the article."""
        return [g for g in lexicon.graphemes_of(source) if g not in self.counts]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word[1:2].isupper()


class Matcher:
    """Graphemes indexed by their first word (up to a space or hyphen), longest first."""

    def __init__(self, lexicon: Lexicon):
        index: dict[str, list[tuple[str, Entry]]] = {}
        for grapheme, entry in lexicon.by_grapheme.items():
            index.setdefault(_head(grapheme), []).append((grapheme, entry))
        for candidates in index.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self.index = index

    def candidates(self, word: str) -> list[tuple[str, Entry, bool]]:
        """(grapheme, entry, lowered) that may start at ``word``; lowered: compare with a lower-case first letter."""
        head = _head(word)
        found = [(g, e, False) for g, e in self.index.get(head, ())]
        if _capitalised(head):
            found += [(g, e, True) for g, e in self.index.get(_lower_first(head), ())]
        return found


def _head(text: str) -> str:
    return text.replace("-", " ").split(" ", 1)[0]


def _same(shown: str, grapheme: str, lowered: bool) -> bool:
    shown = " ".join(unicodedata.normalize("NFC", shown).split())
    return (_lower_first(shown) if lowered else shown) == grapheme


@lru_cache(maxsize=4096)
def alias_words(alias: str) -> tuple[str, ...]:
    """An alias as the engine should get it: numbers and abbreviations expanded, no final mark."""
    return tuple(spoken_sentence(alias).rstrip(MARKS).split())


def render(kind: str, value: str, n: int) -> list[str]:
    """The spoken words for ``n`` matched units: one per unit when the counts agree, else one for all."""
    if kind == "phoneme":
        words = value.split()
        return [f"[[{w}]]" for w in words] if len(words) == n else [f"[[{value}]]"]
    words = list(alias_words(value)) or [value]
    return words if len(words) == n else [" ".join(words)]


def split_mark(spoken: str) -> tuple[str, str]:
    """'live.' -> ('live', '.'): a token's spoken form and its prosody mark."""
    core = spoken.rstrip(MARKS)
    return core, spoken[len(core):]


def _match_tokens(text: str, tokens: list[Token], i: int, matcher: Matcher):
    for grapheme, entry, lowered in matcher.candidates(text[tokens[i].start:tokens[i].end]):
        for j in range(i, len(tokens)):
            shown = text[tokens[i].start:tokens[j].end]
            if _same(shown, grapheme, lowered):
                return j - i + 1, grapheme, entry
            if len(" ".join(shown.split())) >= len(grapheme):
                break
    return None


def _match_parts(parts: list[str], k: int, matcher: Matcher):
    for grapheme, entry, lowered in matcher.candidates(parts[k]):
        for j in range(k, len(parts)):
            if any(_same(join.join(parts[k:j + 1]), grapheme, lowered) for join in ("-", " ")):
                return j - k + 1, grapheme, entry
    return None


def _compound(display: str, spoken: str, matcher: Matcher, engine: str, usage: Usage) -> str | None:
    """The spoken form of a hyphenated compound with lexicon parts replaced, or None."""
    parts, spoken_parts = display.split("-"), spoken.split("-")
    if len(parts) < 2 or len(parts) != len(spoken_parts) or not all(parts):
        return None
    pieces: list[str] = []
    k, changed = 0, False
    while k < len(parts):
        hit = _match_parts(parts, k, matcher)
        rep = hit[2].spoken_for(engine) if hit else None
        if hit:
            usage.note(hit[1], hit[2])
        if rep is None:
            n = hit[0] if hit else 1
            pieces += spoken_parts[k:k + n]
        else:
            n = hit[0]
            pieces += [w if rep[0] == "phoneme" else w.replace(" ", "-") for w in render(*rep, n)]
            usage.replaced += 1
            changed = True
        k += n
    if not changed:
        return None
    out = pieces[0]
    for before, piece in zip(pieces, pieces[1:]):
        # "]]-[[" would leave eSpeak a stray boundary phoneme: two phoneme parts are two words
        out += (" " if before.endswith("]]") and piece.startswith("[[") else "-") + piece
    return out


def apply_tokens(text: str, tokens: list[Token] | tuple[Token, ...], matcher: Matcher, engine: str,
                 usage: Usage) -> list[Token]:
    """The tokens of one sentence with lexicon entries applied."""
    tokens = list(tokens)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        hit = _match_tokens(text, tokens, i, matcher)
        if hit is None:
            token = tokens[i]
            core, mark = split_mark(token.spoken)
            display = text[token.start:token.end]
            compound = _compound(display, core, matcher, engine, usage) if "-" in display else None
            out.append(token if compound is None else Token(token.start, token.end, compound + mark))
            i += 1
            continue
        n, grapheme, entry = hit
        usage.note(grapheme, entry)
        rep = entry.spoken_for(engine)
        matched = tokens[i:i + n]
        i += n
        if rep is None:
            out += matched
            continue
        usage.replaced += 1
        words = render(*rep, n)
        if len(words) == n:
            out += [Token(t.start, t.end, w + split_mark(t.spoken)[1]) for t, w in zip(matched, words)]
        else:
            out.append(Token(matched[0].start, matched[-1].end, words[0] + split_mark(matched[-1].spoken)[1]))
    return out


def apply_sentence(sentence: Sentence, matcher: Matcher, engine: str, usage: Usage) -> Sentence:
    tokens = apply_tokens(sentence.text, sentence.tokens, matcher, engine, usage)
    if tuple(tokens) == sentence.tokens:
        return sentence
    usage.changed.add(sentence.id)
    return replace(sentence, tokens=tuple(tokens))


def apply_lexicon(article: Article, lexicon: Lexicon, engine: str) -> tuple[Article, Usage]:
    """The article with ``lexicon`` applied for ``engine`` ("espeak", "gtts"), and what was used."""
    usage = Usage()
    if not len(lexicon):
        return article, usage
    matcher = Matcher(lexicon)
    sections = tuple(replace(sec, sentences=tuple(apply_sentence(s, matcher, engine, usage) for s in sec.sentences))
                     for sec in article.sections)
    return replace(article, sections=sections), usage


def apply_text(text: str, lexicon: Lexicon, engine: str) -> tuple[list[Token], Usage]:
    """Tokens of one display sentence with the lexicon applied (for auditioning)."""
    from ..text.normalize import tokenize

    usage = Usage()
    return apply_tokens(text, tokenize(text), Matcher(lexicon), engine, usage), usage


__all__ = ["Usage", "Matcher", "apply_lexicon", "apply_text", "apply_tokens", "normalize_grapheme"]
