"""The aligner's parts on synthetic input: DTW recovers a known warp inside bounded memory,
features ignore loudness, sections are cut in the quiet, unmatched sentences are filled."""
from __future__ import annotations

import time

import numpy as np

from app.align import dtw
from app.align.features import N_CEPS, features, spectrum, warp_factor, warped
from app.align.layout import quietest
from app.align.mapping import MappedSentence, fill_between
from app.align.reference import RefSentence, Reference


def _warped_copy(x: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray]:
    """``x`` played at a tempo that drifts between 0.7x and 1.5x, plus a 300-frame intro:
    the recording, and for each of its frames the reference frame it shows."""
    speed = np.interp(np.arange(len(x) * 2), [0, len(x) // 2, len(x) * 2], [0.7, 1.5, 1.0])
    pos = np.cumsum(speed)
    source = np.floor(pos[pos < len(x) - 1]).astype(int)
    intro = rng.standard_normal((300, x.shape[1])).astype(np.float32) * 3
    return np.vstack([intro, x[source] + 0.1 * rng.standard_normal((len(source), x.shape[1]))]), source


def test_dtw_recovers_a_drifting_tempo_with_an_intro_in_bounded_cells():
    rng = np.random.default_rng(3)
    # a smooth random walk: neighbouring frames alike, distant ones different (like speech)
    ref = np.cumsum(rng.standard_normal((6000, 14)), axis=0)
    ref = ((ref - ref.mean(axis=0)) / ref.std(axis=0)).astype(np.float32)  # normalised, like the features
    rec, source = _warped_copy(ref, rng)
    started = time.perf_counter()
    path = dtw.align(ref, rec)
    assert time.perf_counter() - started < 30
    assert np.all(np.diff(path.rows) >= 0) and np.all(np.diff(path.cols) >= 0)
    assert path.rows[0] == 0 and path.rows[-1] == len(ref) - 1
    assert path.cols[0] >= 290  # the intro was skipped, not matched
    first = np.full(len(ref), -1)
    for r, c in zip(path.rows[::-1], path.cols[::-1]):
        first[r] = c
    truth = np.searchsorted(source, np.arange(len(ref))) + 300  # first recording frame showing each ref frame
    inside = slice(10, len(ref) - 10)
    assert np.percentile(np.abs(first[inside] - truth[inside]), 95) <= 2
    assert path.cells < 0.1 * len(ref) * len(rec)  # a band (and one small coarse matrix), not the matrix


def test_features_ignore_loudness_and_warp_finds_a_shifted_voice():
    rng = np.random.default_rng(0)
    t = np.arange(22050 * 4) / 22050
    voice = sum(np.sin(2 * np.pi * f * t) / k for k, f in enumerate((220, 660, 1200, 2500), start=1))
    voice *= (np.sin(2 * np.pi * 3 * t) > 0)  # syllable-like bursts and pauses
    pcm = (voice * 6000 + rng.standard_normal(len(t)) * 30).astype(np.int16)
    loud, quiet = spectrum(pcm, 22050), spectrum((pcm * 0.2).astype(np.int16), 22050)
    a, b = features(loud), features(quiet)
    assert a.shape == (len(pcm) // 220 + 1, N_CEPS + 1)
    speech = a[:, -1] > -1.0
    assert np.median(np.abs(a[speech] - b[speech])) < 0.1
    shifted = warped(loud, 0.85)  # "another vocal tract": frequencies read 15 % lower
    assert abs(warp_factor(loud, shifted) - 1 / 0.85) <= 0.08


def test_cut_falls_in_the_quietest_moment_of_the_pause():
    rate = 22050
    pcm = np.full(rate * 3, 3000, np.int16)
    pcm[int(1.4 * rate):int(1.5 * rate)] = 0  # the quiet part of a pause from 1.0 to 2.0 s
    cut = quietest(pcm, rate, 1.0, 2.0)
    assert 1.4 * rate <= cut <= 1.5 * rate


def test_unmatched_sentences_are_filled_between_their_neighbours():
    rate = 1000
    ref = Reference(np.zeros(10, np.int16), rate, [0], [
        RefSentence(0, k, 1, k * 1000, k * 1000 + 800, k * 1000 + 800, [k * 1000, k * 1000 + 400], ["engine"] * 2)
        for k in range(3)])
    mapped = [MappedSentence(0.0, 0.9, [0.0, 0.5], ["aligned"] * 2),
              MappedSentence(7.0, 7.1, [7.0, 7.05], ["aligned"] * 2),  # nonsense: not found
              MappedSentence(4.0, 4.9, [4.0, 4.5], ["aligned"] * 2)]
    assert fill_between(mapped, [True, False, True], ref) == 1
    middle = mapped[1]
    assert middle.methods == ["interpolated"] * 2
    assert 0.9 <= middle.begin < middle.onsets[1] < middle.end <= 4.0
    assert [s.begin for s in mapped] == sorted(s.begin for s in mapped)
