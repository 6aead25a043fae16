"""Edit a user lexicon file: list, add, change and remove entries (the API the web page uses).

Every change reads the file, changes one lexeme, checks that the result
parses as a valid PLS document, and replaces the file atomically, under an
exclusive lock (``<file>.lock``) so that two editors never lose each
other's change. The file is rewritten from its entries: XML comments and
``<example>`` elements are not kept. A missing file counts as empty and is
created by the first :func:`add_entry`.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import LexiconError
from ..atomic import write_bytes
from .model import Entry, normalize_grapheme
from .pls import check_espeak_code, parse_bytes, parse_file, to_bytes

log = logging.getLogger(__name__)


def make_entry(graphemes: Iterable[str] | str, phoneme: str | None = None, alias: str | None = None) -> Entry:
    """A checked entry from form input: one or more graphemes, and a phoneme and/or an alias."""
    if isinstance(graphemes, str):
        graphemes = [graphemes]
    written = tuple(dict.fromkeys(g for g in (normalize_grapheme(x) for x in graphemes) if g))
    phoneme = " ".join((phoneme or "").split()) or None
    alias = " ".join((alias or "").split()) or None
    if not written:
        raise LexiconError("the entry has no written form (grapheme)", "enter the word as it appears in the text")
    if len(written[0]) > 200 or len(phoneme or "") > 200 or len(alias or "") > 200:
        raise LexiconError("the entry is too long", "graphemes, phonemes and aliases have at most 200 characters")
    for text in (*written, phoneme or "", alias or ""):
        _check_characters(text)
    if phoneme is None and alias is None:
        raise LexiconError(f"the entry '{written[0]}' has neither a phoneme nor an alias",
                           "give eSpeak phoneme code (e.g. l'aIf) or a respelling (alias)")
    if phoneme is not None:
        check_espeak_code(phoneme)
    return Entry(written, phoneme, alias)


def _check_characters(text: str) -> None:
    """Refuse control characters and what XML cannot hold (lxml would raise a ValueError)."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            raise LexiconError(f"the entry '{text.encode('unicode_escape').decode('ascii')[:60]}' contains the "
                               f"control character U+{ord(char):04X}",
                               "type the word, phoneme or alias as plain text")


def read_entries(path: str | Path) -> list[Entry]:
    """The entries of the user lexicon ``path`` in file order ([] when the file does not exist)."""
    path = Path(path)
    if not path.exists():
        return []
    return parse_file(path).entries


def find_entry(entries: list[Entry], grapheme: str) -> int | None:
    """Index of the first entry listing ``grapheme`` (PLS: the first in document order wins)."""
    wanted = normalize_grapheme(grapheme)
    for i, entry in enumerate(entries):
        if wanted in entry.graphemes:
            return i
    return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def save_entries(path: str | Path, entries: list[Entry]) -> None:
    """Write ``entries`` to ``path`` as PLS, atomically, after checking that the document parses."""
    path = Path(path)
    data = to_bytes(entries)
    parse_bytes(data, str(path))  # never write a file that would not load
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise LexiconError(f"cannot write lexicon {path}", f"{exc.strerror}; check the folder's permissions") from exc


def _clash(entries: list[Entry], entry: Entry, skip: int | None = None) -> None:
    for grapheme in entry.graphemes:
        found = find_entry(entries, grapheme)
        if found is not None and found != skip:
            raise LexiconError(f"'{grapheme}' is already in the lexicon",
                               "edit the existing entry instead of adding a second one")


def add_entry(path: str | Path, entry: Entry) -> Entry:
    """Append ``entry`` to the user lexicon ``path`` (created if missing)."""
    path = Path(path)
    with _locked(path):
        entries = read_entries(path)
        _clash(entries, entry)
        save_entries(path, [*entries, entry])
    log.info("lexicon %s: added %s", path, ", ".join(entry.graphemes))
    return entry


def update_entry(path: str | Path, grapheme: str, entry: Entry) -> Entry:
    """Replace the entry that lists ``grapheme`` with ``entry`` (same place in the file)."""
    path = Path(path)
    with _locked(path):
        entries = read_entries(path)
        index = find_entry(entries, grapheme)
        if index is None:
            raise LexiconError(f"'{grapheme}' is not in lexicon {path}", "add it as a new entry")
        _clash(entries, entry, skip=index)
        entries[index] = entry
        save_entries(path, entries)
    log.info("lexicon %s: changed %s", path, grapheme)
    return entry


def remove_entry(path: str | Path, grapheme: str) -> Entry:
    """Remove the entry that lists ``grapheme``; returns it."""
    path = Path(path)
    with _locked(path):
        entries = read_entries(path)
        index = find_entry(entries, grapheme)
        if index is None:
            raise LexiconError(f"'{grapheme}' is not in lexicon {path}", "check the spelling of the grapheme")
        removed = entries.pop(index)
        save_entries(path, entries)
    log.info("lexicon %s: removed %s", path, grapheme)
    return removed
