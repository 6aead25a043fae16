"""Carry the reference's word boundaries through the warping path into the recording.

A word's onset in the reference is its eSpeak word event. When that falls in
silence (a sentence starts with a short pause), the onset is moved forward to
the first audible frame, which the path places precisely; the same lead-in is
then put back in front of it in the recording. A reference frame that the
path matches with several recording frames (the narrator is slower there)
maps to the first of them that is audible: where the word begins.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .dtw import Path
from .features import HOP_S, LOUD_COLUMN, LOUD_UNIT_DB, SPEECH_DB, hop_samples
from .reference import Reference

SPEECH_LOUD = SPEECH_DB / LOUD_UNIT_DB  # loudness column value above which a frame is speech
PAUSE_FRAMES = 15  # 150 ms of silence in the recording ends a sentence
MAX_LEAD_FRAMES = 30  # an onset is moved at most this far (300 ms) to the first audible frame


@dataclass
class MappedSentence:
    begin: float  # seconds in the recording
    end: float
    onsets: list[float]
    methods: list[str]


def first_last(path: Path, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """For each reference frame, the first and last recording frame the path matches with it."""
    first = np.full(n_rows, np.iinfo(np.int64).max)
    last = np.full(n_rows, -1)
    np.minimum.at(first, path.rows, path.cols)
    np.maximum.at(last, path.rows, path.cols)
    return first, last


def map_words(ref: Reference, ref_features: np.ndarray, rec_features: np.ndarray, path: Path,
              rec_rate: int | None = None) -> list[MappedSentence]:
    """Recording times of every sentence and word of ``ref``, in order and never overlapping.

    A sentence ends at the recording's first pause after its last word's onset, at
    the latest where the path puts the reference's last audible frame (a word-inner
    silence of the reference can soak up a long pause of the narrator, and the path
    then carries the word's last sound into the next sentence)."""
    first, last = first_last(path, len(ref_features))
    loud = ref_features[:, LOUD_COLUMN]
    rec_quiet = rec_features[:, LOUD_COLUMN] <= SPEECH_LOUD
    n = len(ref_features)
    rate = ref.rate
    hop_s = hop_samples(rate) / rate
    rec_rate = rec_rate or rate
    rec_hop = hop_samples(rec_rate) / rec_rate
    out: list[MappedSentence] = []
    # where the path puts the start of each following sentence: how far a one-word sentence
    # (a heading) may move forward
    nexts = [int(first[min(n - 1, int(round(s.onsets[0] / rate / hop_s)))]) if s.onsets else len(rec_quiet)
             for s in ref.sentences[1:]] + [len(rec_quiet)]
    for sent, next_col in zip(ref.sentences, nexts):
        frames = [s / rate / hop_s for s in sent.onsets]
        cols, shifts = [], []
        for k, f in enumerate(frames):
            i = min(n - 1, int(round(f)))
            limit = min(MAX_LEAD_FRAMES, int(frames[k + 1]) - i - 1 if k + 1 < len(frames) else MAX_LEAD_FRAMES)
            lead = 0
            while lead < limit and i + lead + 1 < n and loud[i + lead] <= SPEECH_LOUD:
                lead += 1
            if loud[min(n - 1, i + lead)] <= SPEECH_LOUD:
                lead = 0  # no speech nearby: keep the event's own frame
            cols.append(int(first[i + lead]))
            shifts.append((f - i - lead) * hop_s)
        # An audible reference frame matched with a pause (150 ms or more) in the recording:
        # the path went through the narrator's pause on it. The word starts where the
        # recording becomes audible again, before the next word's match.
        for k, j in enumerate(cols):
            if k + 1 < len(cols):
                stop = cols[k + 1] - 1
            else:  # the last word: its sound may be before; a heading's one word is after the pause
                stop = next_col - 1 if k == 0 else j
            while j < stop and j + 1 < len(rec_quiet) and rec_quiet[j]:
                j += 1
            if rec_quiet[j] or j - cols[k] < PAUSE_FRAMES:
                j = cols[k]  # no sound before the next word, or only a closure (a "p"): keep the match
            cols[k] = j
        onsets = [j * rec_hop + shift for j, shift in zip(cols, shifts)]
        k = min(n - 1, max(0, int(sent.speech_end / rate / hop_s) - 1))
        # search from the match of a point 60 % into the last word: a closure inside the word
        # (a "p" of "Sprachausgabe") must not end the sentence
        inside = min(k, int(frames[-1] + 0.6 * (k - frames[-1]))) if frames else k
        start = max(int(onsets[-1] / rec_hop) + 3 if onsets else 0, int(first[max(0, inside)]))
        end = _pause_after(rec_quiet, min(start, int(first[k])), int(first[k]))
        end *= rec_hop
        out.append(MappedSentence(onsets[0] if onsets else 0.0, end, onsets, methods_after_alignment(sent.methods)))
    _make_monotone(out)
    return out


def _pause_after(rec_quiet: np.ndarray, start: int, limit: int) -> int:
    """The first frame from ``start`` that begins PAUSE_FRAMES of silence, else the frame
    after ``limit`` or after the speech that continues there."""
    j = start
    quiet = 0
    while j <= limit + MAX_LEAD_FRAMES and j < len(rec_quiet):
        if rec_quiet[j]:
            quiet += 1
            if quiet >= PAUSE_FRAMES:
                return j - quiet + 1
        else:
            quiet = 0
            if j > limit:
                break
        j += 1
    return max(start, min(j, limit + 1))


def _make_monotone(sentences: list[MappedSentence]) -> None:
    """Onsets never go back; a sentence ends after its last onset and before the next one begins."""
    t = 0.0
    for s in sentences:
        s.onsets = [t := max(t, o) for o in s.onsets] or [t]
        s.begin = s.onsets[0]
        s.end = max(s.end, t + HOP_S)
    for a, b in zip(sentences, sentences[1:]):
        a.end = min(a.end, b.begin)


def methods_after_alignment(methods: list[str]) -> list[str]:
    """Reference words with an eSpeak event of their own become "aligned"; the others
    (eSpeak merged them into a neighbour) stay "interpolated"."""
    return ["aligned" if m == "engine" else "interpolated" for m in methods]


def fill_between(sentences: list[MappedSentence], found: list[bool], ref: Reference) -> int:
    """Give sentences whose path is not to be trusted (``found`` False: in a section that
    passed, the path squeezed or stretched them far beyond the narrator's tempo) times
    between their neighbours, in proportion to the reference; their words become
    "interpolated". Returns how many sentences were filled."""
    filled = 0
    k = 0
    while k < len(sentences):
        if found[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(sentences) and not found[end + 1]:
            end += 1
        t0 = sentences[k - 1].end if k > 0 else sentences[k].begin
        t1 = sentences[end + 1].begin if end + 1 < len(sentences) else sentences[end].end
        r0, r1 = ref.sentences[k].begin, ref.sentences[end].end
        scale = max(0.0, t1 - t0) / max(1, r1 - r0)
        for n in range(k, end + 1):
            rs, ms = ref.sentences[n], sentences[n]
            ms.onsets = [t0 + (o - r0) * scale for o in rs.onsets]
            ms.begin = t0 + (rs.begin - r0) * scale
            ms.end = t0 + (rs.end - r0) * scale
            ms.methods = ["interpolated"] * len(ms.onsets)
            filled += 1
        k = end + 1
    _make_monotone(sentences)
    return filled
