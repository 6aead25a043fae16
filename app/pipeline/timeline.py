"""Lay sentences and pauses out on a section's timeline, in samples.

Everything is counted in samples at the engine's rate; milliseconds are
derived per value (never accumulated), so no rounding error builds up.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..manifest import document
from ..model import Section
from .cache import Timing


@dataclass(frozen=True)
class Pauses:
    heading_ms: int = 700  # after the spoken heading
    sentence_ms: int = 250  # between sentences of a paragraph
    paragraph_ms: int = 650  # between paragraphs
    section_end_ms: int = 900  # at the end of every section file

    def samples(self, ms: int, rate: int) -> int:
        return ms * rate // 1000


@dataclass
class SectionTimeline:
    section: Section
    keys: list[str]
    timings: list[Timing]
    pieces: list[tuple[str | None, int]] = field(default_factory=list)  # (cache key | None=silence, samples)
    spans: list[tuple[int, int]] = field(default_factory=list)  # per sentence: begin, end sample
    total: int = 0


def lay_out(section: Section, keys: list[str], timings: list[Timing], pauses: Pauses, rate: int) -> SectionTimeline:
    tl = SectionTimeline(section, keys, timings)
    pos = 0
    sentences = section.sentences
    for i, (sentence, key, timing) in enumerate(zip(sentences, keys, timings)):
        tl.pieces.append((key, timing.samples))
        tl.spans.append((pos, pos + timing.samples))
        pos += timing.samples
        if i + 1 < len(sentences):
            nxt = sentences[i + 1]
            if sentence.kind == "heading":
                gap = pauses.heading_ms
            elif nxt.paragraph != sentence.paragraph:
                gap = pauses.paragraph_ms
            else:
                gap = pauses.sentence_ms
        else:
            gap = pauses.section_end_ms
        silence = pauses.samples(gap, rate)
        tl.pieces.append((None, silence))
        pos += silence
    tl.total = pos
    return tl


def ms(samples: int, rate: int) -> int:
    return round(samples * 1000 / rate)


def sentence_entries(tl: SectionTimeline, rate: int) -> list[dict]:
    """Manifest entries for the section's sentences, times relative to the section file."""
    out = []
    for sentence, (begin, end), timing in zip(tl.section.sentences, tl.spans, tl.timings):
        words = []
        tokens = sentence.tokens
        for j, token in enumerate(tokens):
            w_begin = begin + timing.onsets[j]
            w_end = begin + timing.onsets[j + 1] if j + 1 < len(tokens) else end
            words.append(document.word(token.start, token.end, ms(w_begin, rate), ms(w_end, rate),
                                       timing.method(j)))
        out.append(document.sentence(sentence.id, sentence.kind, sentence.paragraph, sentence.text,
                                     sentence.spoken, ms(begin, rate), ms(end, rate), words))
    return out
