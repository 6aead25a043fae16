"""Shared, generated material for the aligner's tests: a short article, narrators
whose true word times are known, and one aligned build (made once per session)."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.align.run import AlignOptions, align_article
from app.model import from_raw
from tests.align.groundtruth import Narrator, narrate
from tests.support import small_raw

SLUG = "klein"
# Short material, harsh conditions: another voice, 20 dB SNR noise, a 3 s jingle, loudness changes,
# long pauses, slower than the reference and stereo MP3 at 44.1 kHz.
NARRATOR = Narrator("m3-slow", voice="de+m3", rate=150, pitch=35, tempo=0.8, fmt="mp3", channels=2,
                    long_every=2, long_pause_ms=3000)


@pytest.fixture(scope="session")
def article():
    return from_raw(small_raw(), SLUG)


@pytest.fixture(scope="session")
def narrated(article, tmp_path_factory):
    """The short article read by NARRATOR: (Truth, path)."""
    path = tmp_path_factory.mktemp("narration") / "sprecher.mp3"
    return narrate(article, NARRATOR, path)


@pytest.fixture(scope="session")
def aligned(article, narrated, tmp_path_factory):
    """``vorleser align`` of the narration, in-process: (out dir, manifest, result)."""
    out = tmp_path_factory.mktemp("aligned-audio")
    result = align_article(article, [narrated.path], AlignOptions(out_dir=out, quiet=True, jobs=2))
    manifest = json.loads((out / SLUG / "manifest.json").read_text("utf-8"))
    return out, manifest, result


def narrator(**changes) -> Narrator:
    return replace(NARRATOR, **changes)
