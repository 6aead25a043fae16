"""One interface for all speech engines.

The pipeline hands an engine a batch of :class:`SpeechItem` (one per
sentence) and gets back one :class:`Speech` per item: mono signed 16-bit PCM
at ``engine.sample_rate`` plus the onset, in samples, of every token.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence


@dataclass(frozen=True)
class SpeechItem:
    text: str  # the spoken text of one sentence
    token_starts: tuple[int, ...]  # char offset in ``text`` where each token's spoken form begins

    @classmethod
    def of(cls, tokens) -> "SpeechItem":
        """What the engine says for these tokens: their spoken forms joined by spaces, with each one's start."""
        parts, starts, pos = [], [], 0
        for token in tokens:
            starts.append(pos)
            parts.append(token.spoken)
            pos += len(token.spoken) + 1
        return cls(" ".join(parts), tuple(starts))


@dataclass
class Speech:
    pcm: bytes  # s16le mono
    sample_rate: int
    token_onsets: list[int]  # sample offset of each token's onset, len == len(item.token_starts)
    estimated: bool = False  # True when onsets are estimated, not reported by the engine
    # How each onset was found, one of METHODS; None = all "estimated" or all "engine" (by ``estimated``)
    methods: list[str] | None = None

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2


# How a word's time was found (the manifest's word "method"): reported by the engine
# (eSpeak word events), aligned to a reference by DTW (app.align), estimated by
# character proportion, or filled in between neighbours that were found.
METHODS = ("engine", "aligned", "estimated", "interpolated")


def word_methods(speech: Speech) -> list[str]:
    """One method per onset; derived from ``estimated`` when the engine gave none."""
    if speech.methods is not None:
        return list(speech.methods)
    return ["estimated" if speech.estimated else "engine"] * len(speech.token_onsets)


Progress = Callable[[int], None]  # called with the number of items just finished


class Engine(Protocol):
    """What the pipeline needs of an engine.

    ``concurrency`` > 1 says the engine works on many items at once (a network
    service): the build then hands it every missing sentence in one batch
    instead of section by section."""

    name: str
    voice: str
    sample_rate: int
    concurrency: int

    @property
    def settings(self) -> dict: ...

    def synthesize(self, items: Sequence[SpeechItem], progress: Progress | None = None) -> list[Speech]: ...


def engine_key(engine: Engine) -> str:
    """Hash of everything that changes an engine's output for the same text."""
    blob = json.dumps({"name": engine.name, "voice": engine.voice, "sr": engine.sample_rate,
                       "settings": engine.settings}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]
