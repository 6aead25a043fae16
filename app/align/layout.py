"""From aligned times in the recording to the build's section timelines.

A single recording is cut into section files at the quietest 10 ms in the
middle of the pause between two sections; everything before the first
section (an intro) stays in the first file and everything after the last
(an outro) in the last one, so the files together are exactly the recording.
With one recording per section, each file is its recording.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from ..model import Article
from ..pipeline.cache import Timing
from ..pipeline.timeline import SectionTimeline
from .mapping import MappedSentence

CUT_WINDOW_S = 0.01


@dataclass
class Part:
    """One recording and what it narrates: sections[k] holds the sentences of one section."""
    pcm: np.ndarray
    rate: int
    sections: list[int]
    sentences: list[list[MappedSentence]]  # per section of the part, seconds in this recording


def quietest(pcm: np.ndarray, rate: int, begin_s: float, end_s: float) -> int:
    """The sample in the middle of the quietest 10 ms window of the middle half of [begin, end]."""
    width = end_s - begin_s
    if width <= 2 * CUT_WINDOW_S:
        return int(round(end_s * rate))
    a = int((begin_s + width / 4) * rate)
    b = max(a + 1, int((end_s - width / 4) * rate))
    win = max(1, int(CUT_WINDOW_S * rate))
    seg = pcm[a:b].astype(np.float32)
    if len(seg) < win:
        return int(round(end_s * rate))
    energy = np.convolve(seg * seg, np.ones(win, np.float32), mode="valid")
    return a + int(np.argmin(energy)) + win // 2


def section_bounds(part: Part) -> list[tuple[int, int]]:
    """(first, last) sample of each section's file inside the part's recording."""
    cuts = [0]
    for prev, nxt in zip(part.sentences, part.sentences[1:]):
        cuts.append(max(cuts[-1], quietest(part.pcm, part.rate, prev[-1].end, nxt[0].begin)))
    cuts.append(len(part.pcm))
    return list(zip(cuts, cuts[1:]))


def timelines(article: Article, parts: list[Part]) -> tuple[list[SectionTimeline], dict[str, memoryview]]:
    """Section timelines (one piece of audio each) and the store with their PCM."""
    out: list[SectionTimeline] = []
    store: dict[str, memoryview] = {}
    for part in parts:
        for si, (a, b), sentences in zip(part.sections, section_bounds(part), part.sentences):
            section = article.sections[si]
            audio = part.pcm[a:b]
            key = f"recording-{si}"
            store[key] = memoryview(np.ascontiguousarray(audio)).cast("B")
            tl = SectionTimeline(section, [key], [], [(key, len(audio))], [], len(audio))
            digest = hashlib.sha256(store[key]).hexdigest()
            for sentence, mapped in zip(section.sentences, sentences):
                begin = _sample(mapped.begin, part.rate, a, len(audio))
                end = max(begin, _sample(mapped.end, part.rate, a, len(audio)))
                onsets = tuple(min(max(0, _sample(o, part.rate, a, len(audio)) - begin), end - begin)
                               for o in mapped.onsets)
                tl.spans.append((begin, end))
                tl.timings.append(Timing(end - begin, part.rate, onsets, False, digest, tuple(mapped.methods)))
            out.append(tl)
    return out, store


def _sample(seconds: float, rate: int, offset: int, length: int) -> int:
    return min(max(0, int(round(seconds * rate)) - offset), length)
