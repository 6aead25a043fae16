"""Lexicon entries and merged lexicons.

An :class:`Entry` is one PLS ``<lexeme>``: its graphemes (written forms) and
what to say instead, as eSpeak phoneme mnemonics (``alphabet="x-espeak"``)
and/or as an alias (a respelling every engine can read). A :class:`Lexicon`
maps each grapheme to one entry. Inside one file the first lexeme that
lists a grapheme wins (PLS document order); across files a later file
overrides an earlier one, grapheme by grapheme.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

ESPEAK_ALPHABET = "x-espeak"
ENGINE_PHONEMES = frozenset({"espeak"})  # engines that read x-espeak phonemes; the others use aliases


def normalize_grapheme(text: str) -> str:
    """NFC, surrounding space dropped, inner runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Entry:
    graphemes: tuple[str, ...]
    phoneme: str | None = None  # eSpeak mnemonics, e.g. "l'aIf"
    alias: str | None = None  # respelling, e.g. "Leif"
    source: str = ""  # the file it comes from ("default.pls", a path, or "" when made in code)
    line: int = 0  # line of its <lexeme> in that file
    others: tuple[tuple[str, str], ...] = ()  # phonemes in other alphabets: (alphabet, text), kept as read

    def spoken_for(self, engine: str) -> tuple[str, str] | None:
        """('phoneme', text) or ('alias', text) for ``engine``, or None when it has nothing it can use:
        eSpeak takes the phoneme, else the alias; other engines only the alias."""
        if engine in ENGINE_PHONEMES and self.phoneme:
            return "phoneme", self.phoneme
        if self.alias:
            return "alias", self.alias
        return None

    def where(self) -> str:
        return f"{self.source}, line {self.line}" if self.line else (self.source or "in code")


@dataclass
class Lexicon:
    """Entries in order, and the grapheme -> entry map they give."""

    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # files merged, in order (later overrides earlier)
    by_grapheme: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], source: str = "") -> "Lexicon":
        """One file: the first entry that lists a grapheme wins."""
        lexicon = cls(sources=[source] if source else [])
        for entry in entries:
            lexicon.entries.append(entry)
            for grapheme in entry.graphemes:
                lexicon.by_grapheme.setdefault(normalize_grapheme(grapheme), entry)
        return lexicon

    @classmethod
    def merge(cls, lexicons: Iterable["Lexicon"]) -> "Lexicon":
        """Several files in order: a later one overrides an earlier one, grapheme by grapheme."""
        merged = cls()
        for lexicon in lexicons:
            merged.entries += lexicon.entries
            merged.sources += lexicon.sources
            merged.by_grapheme.update(lexicon.by_grapheme)
        return merged

    def lookup(self, grapheme: str) -> Entry | None:
        return self.by_grapheme.get(normalize_grapheme(grapheme))

    def effective(self) -> list[Entry]:
        """The entries still in use after overrides (each once, in order)."""
        used = {id(e) for e in self.by_grapheme.values()}
        return [e for e in self.entries if id(e) in used]

    def graphemes_of(self, source: str) -> list[str]:
        """Graphemes listed in ``source`` (a file name in ``sources``), in file order."""
        seen: dict[str, None] = {}
        for entry in self.entries:
            if entry.source == source:
                seen.update((normalize_grapheme(g), None) for g in entry.graphemes)
        return list(seen)

    def __len__(self) -> int:
        return len(self.by_grapheme)
