"""Fixtures for engine tests: real gTTS-like MP3s made offline."""
from __future__ import annotations

import math
import struct

import pytest

from app import ffmpeg


def _tone_mp3(path, seconds: float) -> bytes:
    rate = 24000
    n = int(rate * seconds)
    pcm = struct.pack(f"<{n}h", *(int(8000 * math.sin(2 * math.pi * 440 * k / rate)) for k in range(n)))
    ffmpeg.encode_mp3(pcm, rate, path, bitrate_kbps=32)
    return path.read_bytes()


@pytest.fixture(scope="session")
def tone_mp3(tmp_path_factory) -> bytes:
    """0.3 s of a 440 Hz tone as 24 kHz mono MP3, like the files Google sends."""
    return _tone_mp3(tmp_path_factory.mktemp("gtts") / "tone.mp3", 0.3)


@pytest.fixture(scope="session")
def short_mp3(tmp_path_factory) -> bytes:
    """0.1 s of the same tone."""
    return _tone_mp3(tmp_path_factory.mktemp("gtts") / "short.mp3", 0.1)
