"""Recordings that differ from the reference the way real ones do: tempo 0.7x to 1.5x,
other formats, sample rates and channel counts, one file per section."""
from __future__ import annotations

import json

import numpy as np
import pytest

from app.align.run import AlignOptions, align_article
from tests.align.accuracy import in_order, onset_errors, section_errors
from tests.align.conftest import SLUG, narrator
from tests.align.groundtruth import narrate


@pytest.mark.parametrize("changes", [
    dict(tempo=0.7, fmt="flac", sample_rate=16000, voice="de+m1", pitch=55),
    dict(tempo=1.5, fmt="opus", sample_rate=48000, voice="de+f2", pitch=70, rate=180),
    dict(tempo=1.0, fmt="ogg", sample_rate=32000, channels=2, voice="de+f4", snr_db=None, intro_s=4.0),
    dict(tempo=1.2, fmt="m4a", sample_rate=44100, voice="de+m3", gains_db=(6.0, -12.0, 0.0)),
], ids=["0.7x-flac-16k", "1.5x-opus-48k", "ogg-32k-stereo", "1.2x-m4a-loudness"])
def test_tempo_formats_and_rates(article, tmp_path, changes):
    n = narrator(name="variant", **changes)
    truth = narrate(article, n, tmp_path / f"sprecherin.{n.fmt}")
    align_article(article, [truth.path], AlignOptions(out_dir=tmp_path / "out", quiet=True, jobs=1))
    manifest = json.loads((tmp_path / "out" / SLUG / "manifest.json").read_text("utf-8"))
    errors = np.abs(onset_errors(manifest, truth))
    assert np.percentile(errors, 50) <= 0.030 and np.percentile(errors, 95) <= 0.100, \
        (np.percentile(errors, 50), np.percentile(errors, 95))
    assert np.abs(section_errors(manifest, truth)).max() <= 0.100
    assert in_order(manifest)
    total = sum(s["duration_ms"] for s in manifest["sections"])
    assert abs(total / 1000 - truth.duration_s) <= 0.1  # the files together are the whole recording


def test_one_recording_per_section(article, tmp_path):
    """Each section read into its own file; the section files are those recordings."""
    paths, truths = [], []
    for k, section in enumerate(article.sections):
        part = type(article)(**{**article.__dict__, "sections": (section,)})
        truths.append(narrate(part, narrator(name=f"teil-{k}", intro_s=1.0, fmt="wav", seed=k),
                              tmp_path / f"teil-{k}.wav"))
        paths.append(truths[-1].path)
    align_article(article, paths, AlignOptions(out_dir=tmp_path / "out", quiet=True, jobs=1))
    manifest = json.loads((tmp_path / "out" / SLUG / "manifest.json").read_text("utf-8"))
    for section, truth in zip(manifest["sections"], truths):
        assert abs(section["duration_ms"] / 1000 - truth.duration_s) <= 0.05
        one = {**manifest, "sections": [{**section, "offset_ms": 0}]}
        errors = np.abs(onset_errors(one, truth))
        assert len(errors) and np.percentile(errors, 95) <= 0.100
