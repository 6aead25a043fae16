"""The lexicon a build used, written next to its audio as a PLS file (for the EPUB export).

Only the entries whose graphemes occur in the article are written, each with
an IPA transcription made by eSpeak NG from its phoneme code (PLS requires
IPA support, and reading systems that speak know IPA, not eSpeak codes),
then the eSpeak code and the alias.
"""
from __future__ import annotations

import logging
from pathlib import Path

from ..errors import EngineError
from ..atomic import write_bytes
from .apply import Usage
from .model import Entry
from .pls import to_bytes

log = logging.getLogger(__name__)

LEXICON_FILE = "aussprache.pls"


def ipa_of(entries: list[Entry]) -> dict[str, str]:
    """eSpeak phoneme code -> IPA, for the entries that have a phoneme ({} without eSpeak)."""
    from ..engines.espeak_phonemes import text_to_phonemes

    out: dict[str, str] = {}
    try:
        for entry in entries:
            if entry.phoneme and entry.phoneme not in out:
                out[entry.phoneme] = text_to_phonemes(f"[[{entry.phoneme}]]", ipa=True).replace(" | ", " ")
    except EngineError as exc:
        log.warning("no IPA in %s: %s", LEXICON_FILE, exc)
        return {}
    return out


def used_lexicon_bytes(usage: Usage) -> bytes:
    entries = usage.used_entries()
    return to_bytes(entries, ipa_of(entries))


def write_used_lexicon(folder: str | Path, usage: Usage) -> str:
    """Write the entries ``usage`` matched to ``folder``/aussprache.pls; returns the file name."""
    write_bytes(Path(folder) / LEXICON_FILE, used_lexicon_bytes(usage))
    return LEXICON_FILE
