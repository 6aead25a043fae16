"""Align one recording with the reference of the part of the article it narrates."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from . import dtw
from .confidence import SectionScore, score_sections
from .features import features, matched_floor, spectrum, warp_factor, warped
from .mapping import MappedSentence, map_words
from .reference import Reference

log = logging.getLogger(__name__)

NULL_FRAMES = 30_000  # the null alignment uses at most 5 minutes of the reference


@dataclass
class PartResult:
    sentences: list[MappedSentence]  # in the order of ``reference.sentences``
    scores: list[SectionScore]  # per section of the part
    cells: int
    warp: float  # the recording's frequency warp (vocal tract length normalisation)


def align_part(reference: Reference, recording: np.ndarray, rate: int, warp: float | None = None,
               against_chance: bool = True) -> PartResult:
    """Word times in ``recording`` (int16 mono at ``rate``) for every sentence of ``reference``.

    ``warp``: the recording's frequency warp if known (else it is searched). Without
    ``against_chance`` the null alignment is left out (short speech of a known text:
    the confidence then rests on the local contrast and the tempo)."""
    ref_spec, rec_spec = spectrum(reference.pcm, reference.rate), spectrum(recording, rate)
    alpha = warp if warp is not None else warp_factor(ref_spec, rec_spec)
    rec_spec = warped(rec_spec, alpha)
    log.debug("frequency warp of the recording: %.3f", alpha)
    ref_feat = features(ref_spec, matched_floor(ref_spec, rec_spec))
    rec_feat = features(rec_spec)
    del ref_spec, rec_spec
    path = dtw.align(ref_feat, rec_feat)
    log.debug("path of %d steps through %d cells", len(path.rows), path.cells)
    sentences = map_words(reference, ref_feat, rec_feat, path, rate)
    null = None
    if against_chance:  # what chance looks like: the reference (its first minutes) against the recording backwards
        n = min(len(ref_feat), NULL_FRAMES)
        backwards = np.ascontiguousarray(rec_feat[::-1][:max(1, n * len(rec_feat) // len(ref_feat))])
        null = (dtw.align(ref_feat[:n], backwards), backwards)
    scores = score_sections(reference, ref_feat, rec_feat, path, sentences, null)
    return PartResult(sentences, scores, path.cells, alpha)
