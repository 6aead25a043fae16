"""Fixtures for engine tests: real gTTS-like MP3s made offline."""
from __future__ import annotations

import pytest

from tests.audio_support import tone_mp3 as make_tone_mp3


def _tone_mp3(path, seconds: float) -> bytes:
    return make_tone_mp3(seconds, path=path)


@pytest.fixture(scope="session")
def tone_mp3(tmp_path_factory) -> bytes:
    """0.3 s of a 440 Hz tone as 24 kHz mono MP3, like the files Google sends."""
    return _tone_mp3(tmp_path_factory.mktemp("gtts") / "tone.mp3", 0.3)


@pytest.fixture(scope="session")
def short_mp3(tmp_path_factory) -> bytes:
    """0.1 s of the same tone."""
    return _tone_mp3(tmp_path_factory.mktemp("gtts") / "short.mp3", 0.1)
