"""Audition a text: how Vorleser speaks it with and without the lexicon, and a short MP3.

Used by ``vorleser aussprache`` and by the web page's "Probehören" button.
"""
from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..engines.base import SpeechItem
from ..errors import InputError
from ..text.normalize import tokenize
from ..text.split import split_sentences
from .apply import Matcher, Usage, apply_tokens
from .model import Entry, Lexicon

log = logging.getLogger(__name__)

MAX_CHARS = 1000
PAUSE_MS = 250


@dataclass
class Audition:
    text: str
    engine: str
    spoken_before: str  # what the engine would get without the lexicon
    spoken_after: str  # ... and with it
    phonemes_before: str  # eSpeak's phonemes of spoken_before
    phonemes_after: str
    entries: list[Entry] = field(default_factory=list)  # the entries that matched
    warnings: list[str] = field(default_factory=list)  # phoneme code eSpeak reads differently
    mp3: bytes | None = None
    duration_ms: int = 0


def _normal(code: str) -> str:
    return code.replace(";", "").replace("R", "r").replace("_!", "").replace("_|", "").strip()


def phoneme_warning(phoneme: str) -> str | None:
    """A sentence when eSpeak reads ``[[phoneme]]`` differently from what is written (an unknown
    phoneme name is dropped, stress may move), else None."""
    from ..engines.espeak_phonemes import text_to_phonemes

    heard = text_to_phonemes(f"[[{phoneme}]]")
    if _normal(heard) == _normal(phoneme):
        return None
    return f"eSpeak reads the phoneme code {phoneme!r} as {heard!r}; check the phoneme names"


def sentences_of(text: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        raise InputError("nothing to audition", "give a word or a sentence")
    if len(text) > MAX_CHARS:
        raise InputError(f"the text has {len(text)} characters", f"audition at most {MAX_CHARS} at a time")
    return split_sentences(text) or [text]


def audition(text: str, lexicon: Lexicon, engine: str = "espeak", *, rate: int = 175, pitch: int = 50,
             sample: bool = True) -> Audition:
    """Spoken forms and eSpeak phonemes of ``text`` before and after ``lexicon`` for ``engine``
    ("espeak" or "gtts"), and with ``sample`` an MP3 of the text as ``engine`` says it."""
    from ..engines.espeak_phonemes import text_to_phonemes

    before, after, usage = [], [], Usage()
    matcher = Matcher(lexicon)
    for sentence in sentences_of(text):
        tokens = tokenize(sentence)
        before.append(tokens)
        after.append(apply_tokens(sentence, tokens, matcher, engine, usage))
    if not any(before):
        raise InputError(f"nothing to audition in {text.strip()[:40]!r}", "give a word or a sentence")
    spoken_before = " ".join(SpeechItem.of(t).text for t in before if t)
    spoken_after = " ".join(SpeechItem.of(t).text for t in after if t)
    result = Audition(text, engine, spoken_before, spoken_after, text_to_phonemes(spoken_before),
                      text_to_phonemes(spoken_after), usage.used_entries())
    result.warnings = [w for e in result.entries if e.phoneme for w in [phoneme_warning(e.phoneme)] if w]
    if sample:
        result.mp3, result.duration_ms = _sample([SpeechItem.of(t) for t in after if t], engine, rate, pitch)
    return result


def _sample(items: list[SpeechItem], engine_name: str, rate: int, pitch: int) -> tuple[bytes, int]:
    from ..engines import get_engine
    from ..ffmpeg import encode_mp3

    engine = get_engine(engine_name, rate=rate, pitch=pitch, notice=log.info)
    speeches = engine.synthesize(items)
    silence = b"\x00\x00" * (engine.sample_rate * PAUSE_MS // 1000)
    pcm = silence.join(s.pcm for s in speeches)
    with tempfile.TemporaryDirectory(prefix="vorleser-aussprache-") as tmp:
        path = Path(tmp) / "sample.mp3"
        encode_mp3(pcm, engine.sample_rate, path)
        return path.read_bytes(), round(len(pcm) / 2 * 1000 / engine.sample_rate)
