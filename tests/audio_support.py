"""Test audio made with pydub's generators: tones as PCM or MP3, instead of hand-written sine loops.

pydub is part of the project's fixed stack, but Vorleser's own audio path does not use it (see the
README's dependency notes); the tests do, for what pydub is good at: making and mixing sound.
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from app.ffmpeg import ffmpeg_path

with warnings.catch_warnings():  # pydub looks for ffmpeg on PATH at import (we give it ours below)
    warnings.simplefilter("ignore")  # and imports audioop, deprecated in Python 3.12
    from pydub import AudioSegment
    from pydub.generators import Sine

AudioSegment.converter = ffmpeg_path()


def tone(seconds: float, freq: float = 440.0, rate: int = 22050, dbfs: float = -12.0) -> AudioSegment:
    """A mono 16-bit sine tone."""
    return Sine(freq, sample_rate=rate, bit_depth=16).to_audio_segment(duration=seconds * 1000, volume=dbfs) \
        .set_channels(1)


def tone_pcm(seconds: float, freq: float = 440.0, rate: int = 22050, dbfs: float = -12.0) -> bytes:
    """The tone as raw s16le mono PCM."""
    return tone(seconds, freq, rate, dbfs).raw_data


def tone_mp3(seconds: float, freq: float = 440.0, rate: int = 24000, bitrate: str = "32k",
             path: Path | None = None) -> bytes:
    """The tone as an MP3 (24 kHz mono by default, like the files Google's TTS sends)."""
    buffer = io.BytesIO()
    tone(seconds, freq, rate).export(buffer, format="mp3", bitrate=bitrate)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data
