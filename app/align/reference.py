"""The reference: the article's spoken text synthesised by eSpeak NG.

Sentences come from (and go into) the same sentence cache as ``vorleser
build`` with eSpeak, so an article built before costs no synthesis here. They
are laid out with the build's pauses; eSpeak's word events give every
word's exact place in this reference, which the warping path then carries
into the recording.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..engines.base import Engine, engine_key
from ..model import Article, Section
from ..pipeline.build import speech_item
from ..pipeline.cache import SentenceCache, Timing, item_key
from ..pipeline.timeline import Pauses, lay_out

log = logging.getLogger(__name__)

PAD_S = 0.5  # silence before and after each reference part: the recording's own lead-in matches it


@dataclass
class RefSentence:
    section: int  # index in article.sections
    index: int  # index in section.sentences
    paragraph: int  # 0 = the heading, 1.. body paragraphs
    begin: int  # sample in the reference where the sentence's audio starts
    end: int  # ... and ends
    speech_end: int  # last audible sample + 1
    onsets: list[int]  # per token, sample in the reference
    methods: list[str]  # per token: "engine" or "interpolated"


@dataclass
class Reference:
    """The reference of one part of the article (all of it, or one section)."""
    pcm: np.ndarray  # int16 mono
    rate: int
    sections: list[int]  # indices of the sections it covers
    sentences: list[RefSentence] = field(default_factory=list)


class ReferenceBuilder:
    """Synthesises (or takes from the cache) the reference of an article."""

    def __init__(self, article: Article, engine: Engine, cache_root: Path, progress=None):
        self.article, self.engine = article, engine
        self.rate = engine.sample_rate
        ekey = engine_key(engine)
        self.cache = SentenceCache(Path(cache_root) / ekey)
        self.items = {s.id: speech_item(s) for sec in article.sections for s in sec.sentences}
        self.keys = {sid: item_key(ekey, item) for sid, item in self.items.items()}
        self.progress = progress
        self.synthesised = 0
        self._timings: dict[str, Timing] = {}
        self._pcm: dict[str, bytes] = {}

    def _ensure(self, sections: list[Section]) -> None:
        missing: dict[str, str] = {}
        for sec in sections:
            for s in sec.sentences:
                key = self.keys[s.id]
                if key in self._pcm or key in missing.values():
                    continue
                timing = self.cache.timing(key)
                data = self.cache.pcm(key, timing) if timing and timing.sample_rate == self.rate else None
                if data is None or len(timing.onsets) != len(self.items[s.id].token_starts):
                    missing[s.id] = key
                else:
                    self._timings[key], self._pcm[key] = timing, data
                    if self.progress:
                        self.progress(1)
        todo = list(missing.items())
        for i in range(0, len(todo), 16):
            batch = todo[i:i + 16]
            speeches = self.engine.synthesize([self.items[sid] for sid, _ in batch], self.progress)
            for (sid, key), speech in zip(batch, speeches):
                self._timings[key] = self.cache.put(key, speech)
                self._pcm[key] = speech.pcm
        self.synthesised += len(todo)

    def build(self, section_indices: list[int]) -> Reference:
        """The reference of these sections, in order, padded with silence at both ends."""
        sections = [self.article.sections[i] for i in section_indices]
        self._ensure(sections)
        pad = int(PAD_S * self.rate)
        parts = [np.zeros(pad, np.int16)]
        ref = Reference(np.empty(0, np.int16), self.rate, list(section_indices))
        pos = pad
        for si, sec in zip(section_indices, sections):
            keys = [self.keys[s.id] for s in sec.sentences]
            tl = lay_out(sec, keys, [self._timings[k] for k in keys], Pauses(), self.rate)
            for k, (key, (begin, end)) in enumerate(zip(keys, tl.spans)):
                timing = self._timings[key]
                audio = np.frombuffer(self._pcm[key], dtype="<i2")
                ref.sentences.append(RefSentence(si, k, sec.sentences[k].paragraph, pos + begin, pos + end, pos + begin + _speech_end(audio),
                                                 [pos + begin + o for o in timing.onsets],
                                                 [timing.method(j) for j in range(len(timing.onsets))]))
            for key, samples in tl.pieces:
                parts.append(np.frombuffer(self._pcm[key], dtype="<i2") if key else np.zeros(samples, np.int16))
            pos += tl.total
        parts.append(np.zeros(pad, np.int16))
        ref.pcm = np.concatenate(parts)
        return ref


def _speech_end(audio: np.ndarray, threshold: int = 300) -> int:
    """One past the last sample above ``threshold`` (eSpeak ends sentences with a little silence)."""
    loud = np.flatnonzero(np.abs(audio.astype(np.int32)) > threshold)
    return int(loud[-1]) + 1 if len(loud) else len(audio)
