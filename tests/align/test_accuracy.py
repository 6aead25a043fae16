"""Word times of an aligned narration against the truth: a slower, noisy, stereo MP3 of
another voice with a jingle intro, loudness changes and long pauses."""
from __future__ import annotations

import numpy as np

from tests.align.accuracy import cuts_in_pauses, estimate_errors, in_order, onset_errors, section_errors


def test_word_onsets_within_bounds(aligned, narrated):
    _, manifest, _ = aligned
    errors = np.abs(onset_errors(manifest, narrated))
    assert len(errors) >= 0.9 * len(narrated.onsets)
    assert np.percentile(errors, 50) <= 0.030, np.percentile(errors, 50)
    assert np.percentile(errors, 95) <= 0.100, np.percentile(errors, 95)


def test_aligner_beats_the_character_estimate(aligned, narrated, article):
    _, manifest, _ = aligned
    aligned_p95 = np.percentile(np.abs(onset_errors(manifest, narrated)), 95)
    estimate_p95 = np.percentile(np.abs(estimate_errors(article, narrated)), 95)
    assert aligned_p95 * 3 <= estimate_p95, (aligned_p95, estimate_p95)


def test_sections_start_on_time_and_files_are_cut_in_pauses(aligned, narrated):
    _, manifest, _ = aligned
    assert np.abs(section_errors(manifest, narrated)).max() <= 0.100
    assert cuts_in_pauses(manifest, narrated)
    assert in_order(manifest)


def test_intro_stays_in_the_first_file(aligned, narrated):
    _, manifest, _ = aligned
    first_word = manifest["sections"][0]["sentences"][0]["words"][0]["begin_ms"]
    assert abs(first_word / 1000 - narrated.onsets[(0, 0, 0)]) <= 0.1
    assert first_word >= 3000 / narrated.narrator.tempo - 200  # the 3 s jingle is before it
