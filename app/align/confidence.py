"""How well each sentence and section of the reference found its match in the recording.

For every reference frame, the distance to the recording frame the path
matched with it is divided by its distance to recording frames a little
further away (so 0 is identical, about 1 is no better than a neighbour).
DTW is flexible enough to find fairly close frames even in another text, so
the same is measured on a *null* alignment, the reference against the
recording played backwards (the same voice and room, but not the text): a
frame is *close* when it beats CHANCE_QUANTILE of the null's frames.

A sentence is *matched* when enough of its audible frames are close in both
senses and its length in the recording fits the narrator's overall tempo.
Text the narrator left out fails: the path squeezes its reference into a
moment of the recording, or smears it over other speech.

A section's confidence is the share of its words in matched sentences. The
alignment is refused when a section's confidence is below MIN_CONFIDENCE or
when a whole paragraph of it is unmatched.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .dtw import Path
from .features import LOUD_COLUMN
from .mapping import SPEECH_LOUD, MappedSentence
from .reference import Reference

CLOSE_RATIO = 0.7  # a frame matched this close (relative to its match's neighbours) counts as found
CHANCE_QUANTILE = 20  # ... and a frame closer than this percentile of the null alignment's frames
MIN_BEYOND_CHANCE = 0.2  # a sentence needs this share of such frames (chance gives about 0.2)
NEIGHBOURS = 16  # recording frames a match is compared with ...
NEIGHBOUR_FRAMES = (30, 300)  # ... this many frames away (0.3 to 3 s), either side
MIN_CLOSE = 0.5  # a sentence needs this share of close frames
TEMPO_RANGE = (0.4, 2.5)  # a sentence's duration ratio, relative to the part's median, must be inside
MIN_CONFIDENCE = 0.85  # a section below this is refused
MIN_PARAGRAPH = 0.5  # a paragraph with fewer matched words than this share is refused


@dataclass
class SectionScore:
    section: int  # index in article.sections
    confidence: float  # share of words in matched sentences, 0..1
    matched: list[bool] = field(default_factory=list)  # per sentence of the section
    in_tempo: list[bool] = field(default_factory=list)  # per sentence: its length fits the narrator's tempo
    missing_paragraphs: list[int] = field(default_factory=list)  # paragraph numbers (1..) not found

    @property
    def refused(self) -> bool:
        return self.confidence < MIN_CONFIDENCE or bool(self.missing_paragraphs)


def frame_ratios(ref_feat: np.ndarray, rec_feat: np.ndarray, path: Path, seed: int = 0) -> np.ndarray:
    """Per reference frame: distance to the recording frame the path matched with it, divided
    by the median distance to recording frames 0.3 to 3 s away from that one. A frame the
    narrator really said is much closer to its match than to its neighbours (about 0.3 to
    0.6); text that is not in the recording is matched no better than chance (about 1).
    Dividing by the neighbours cancels out how different the two voices are."""
    n = len(ref_feat)
    match = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(match, path.rows, path.cols)
    rng = np.random.default_rng(seed)
    out = np.empty(n)
    for a in range(0, n, 8192):
        b = min(n, a + 8192)
        ref = ref_feat[a:b]
        cols = match[a:b]
        near = np.sqrt(((ref - rec_feat[cols]) ** 2).sum(axis=1))
        m = len(rec_feat)
        near_lo, near_hi = min(NEIGHBOUR_FRAMES[0], max(1, m // 4)), min(NEIGHBOUR_FRAMES[1], max(2, m // 2))
        offsets = rng.integers(near_lo, max(near_lo + 1, near_hi), (b - a, NEIGHBOURS))
        offsets *= rng.choice([-1, 1], offsets.shape)
        others = (cols[:, None] + offsets) % m  # wrap around: a short recording has no far neighbours
        far = np.sqrt(((ref[:, None, :] - rec_feat[others]) ** 2).sum(axis=2))
        out[a:b] = near / np.maximum(np.median(far, axis=1), 1e-9)
    return out


def score_sections(ref: Reference, ref_feat: np.ndarray, rec_feat: np.ndarray, path: Path,
                   mapped: list[MappedSentence], null: tuple[Path, np.ndarray] | None) -> list[SectionScore]:
    """One score per section of ``ref``; ``null`` is the path of (the start of) the reference
    against the recording played backwards, and those backward features (None: no
    comparison with chance)."""
    ratios = frame_ratios(ref_feat, rec_feat, path)
    audible = ref_feat[:, LOUD_COLUMN] > SPEECH_LOUD
    chance = np.inf
    if null is not None:
        null_path, backwards = null
        n = int(null_path.rows.max()) + 1
        chance_ratios = frame_ratios(ref_feat[:n], backwards, null_path)[audible[:n]]
        chance = float(np.percentile(chance_ratios, CHANCE_QUANTILE)) if len(chance_ratios) else 0.0
    hop = len(ref.pcm) / len(ref_feat)
    found, tempo = [], []
    for sent, m in zip(ref.sentences, mapped):
        a, b = int(sent.begin / hop), max(int(sent.begin / hop) + 1, int(sent.speech_end / hop))
        r = ratios[a:b][audible[a:b]]
        close = float(np.mean(r < CLOSE_RATIO)) if len(r) else 1.0
        beyond = float(np.mean(r < chance)) if len(r) else 1.0
        found.append(close >= MIN_CLOSE and beyond >= MIN_BEYOND_CHANCE)
        tempo.append((m.end - m.begin) / max(1e-3, (sent.speech_end - sent.begin) / ref.rate))
    usual = float(np.median(tempo)) if len(tempo) >= 3 else 1.0  # a sentence or two: against the reference
    lo, hi = TEMPO_RANGE[0] * usual, TEMPO_RANGE[1] * usual
    fits = [lo <= t <= hi for t in tempo]
    found = [f and ok for f, ok in zip(found, fits)]
    scores = []
    for si in ref.sections:
        idx = [k for k, s in enumerate(ref.sentences) if s.section == si]
        words = np.array([max(1, len(ref.sentences[k].onsets)) for k in idx], float)
        ok = np.array([found[k] for k in idx])
        missing = []
        for p in sorted({ref.sentences[k].paragraph for k in idx} - {0}):
            in_p = [n for n, k in enumerate(idx) if ref.sentences[k].paragraph == p]
            if words[in_p][ok[in_p]].sum() < MIN_PARAGRAPH * words[in_p].sum():
                missing.append(p)
        scores.append(SectionScore(si, float(words[ok].sum() / words.sum()), ok.tolist(),
                                   [fits[k] for k in idx], missing))
    return scores
