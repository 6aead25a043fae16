"""Recordings whose true word times are known, for the aligner's tests and bench.

A "narrator" is eSpeak NG with another voice variant, rate and pitch than the
reference (``de``), its own pauses (some long), a non-speech intro (a jingle),
trailing silence, loudness changes between sections, white noise at a given
SNR, and finally ffmpeg's ``atempo`` time stretch, which scales every true
time by 1/tempo. The true onset of a word is the narrator's own eSpeak word
event; words eSpeak gave no event of its own (it merges a few) have no true
time and are left out of the truth.
"""
from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from app.engines.espeak import EspeakEngine
from app.ffmpeg import ffmpeg_path
from app.model import Article
from app.pipeline.build import speech_item

RATE = 22050  # the narrator is synthesised at eSpeak's rate, then resampled by ffmpeg
CODECS = {"wav": ["-c:a", "pcm_s16le"], "mp3": ["-c:a", "libmp3lame", "-b:a", "96k"],
          "m4a": ["-c:a", "aac", "-b:a", "96k"], "ogg": ["-c:a", "libvorbis", "-q:a", "4"],
          "opus": ["-c:a", "libopus", "-b:a", "48k"], "flac": ["-c:a", "flac"]}


@dataclass(frozen=True)
class Narrator:
    name: str
    voice: str = "de+m3"
    rate: int = 160  # eSpeak words per minute
    pitch: int = 40
    tempo: float = 1.0  # ffmpeg atempo: 1.25 = 25 % faster, true times / 1.25
    snr_db: float | None = 20.0  # white noise relative to the speech's RMS; None = none
    intro_s: float = 3.0  # a jingle (tones and noise, no speech) before the first word
    tail_s: float = 2.0  # silence after the last word
    heading_ms: int = 1100
    sentence_ms: int = 380
    paragraph_ms: int = 900
    section_ms: int = 1600
    long_pause_ms: int = 3500  # an extra long pause after every ``long_every``-th paragraph
    long_every: int = 5
    gains_db: tuple[float, ...] = (0.0, -9.0, 4.0, -4.0)  # per section, cycled
    drop: tuple[int, int] | None = None  # (section index, paragraph) the narrator leaves out
    sample_rate: int = 44100  # of the file written
    channels: int = 1
    fmt: str = "wav"
    seed: int = 7


@dataclass
class Truth:
    path: Path
    narrator: Narrator
    duration_s: float
    # (section index, sentence index in the section, token index) -> true onset in seconds
    onsets: dict[tuple[int, int, int], float] = field(default_factory=dict)
    # per section: (true onset of its first word, true end of its last sentence's audio)
    sections: list[tuple[float, float]] = field(default_factory=list)
    # (section index, sentence index) -> (start, end) of the sentence's audio, seconds
    sentences: dict[tuple[int, int], tuple[float, float]] = field(default_factory=dict)


def _jingle(seconds: float, level: float, rng: np.random.Generator) -> np.ndarray:
    """A short chord with a shaker: music-like, no speech."""
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    tone = sum(np.sin(2 * np.pi * f * t) for f in (261.6, 329.6, 392.0, 523.3))
    env = np.minimum(1.0, t / 0.05) * np.minimum(1.0, (seconds - t) / 0.4).clip(0, 1)
    shaker = rng.standard_normal(n) * (0.5 + 0.5 * np.sign(np.sin(2 * np.pi * 4 * t)))
    x = (tone / 4 + 0.15 * shaker) * env
    return (x / (np.sqrt(np.mean(x ** 2)) + 1e-9) * level).astype(np.float32)


def _synth(article: Article, n: Narrator) -> list[list[tuple[np.ndarray, list[int], list[str], int]]]:
    engine = EspeakEngine(voice=n.voice, rate=n.rate, pitch=n.pitch)
    out = []
    for sec in article.sections:
        speeches = engine.synthesize([speech_item(s) for s in sec.sentences])
        out.append([(np.frombuffer(sp.pcm, dtype="<i2").astype(np.float32) / 32768.0, sp.token_onsets,
                     sp.methods or [], s.paragraph) for sp, s in zip(speeches, sec.sentences)])
    return out


def narrate(article: Article, n: Narrator, path: Path) -> Truth:
    """Write the narrator's recording of ``article`` to ``path`` and return its truth."""
    rng = np.random.default_rng(n.seed)
    synth = _synth(article, n)
    level = float(np.sqrt(np.mean(np.concatenate([x for sec in synth for x, *_ in sec[:3]]) ** 2)))
    pieces: list[np.ndarray] = [_jingle(n.intro_s - 0.6, level, rng), np.zeros(int(0.6 * RATE), np.float32)]
    pos = sum(len(p) for p in pieces)
    truth = Truth(path, n, 0.0)
    paragraphs = 0
    for si, sec in enumerate(synth):
        gain = 10 ** (n.gains_db[si % len(n.gains_db)] / 20) if n.gains_db else 1.0
        kept = [(k, item) for k, item in enumerate(sec)
                if n.drop is None or (si, item[3]) != n.drop or item[3] == 0]
        first = None
        for idx, (k, (pcm, onsets, methods, paragraph)) in enumerate(kept):
            for j, (onset, method) in enumerate(zip(onsets, methods)):
                if method == "engine":
                    truth.onsets[(si, k, j)] = (pos + onset) / RATE
            if first is None:
                first = (pos + onsets[0]) / RATE
            pieces.append(pcm * gain)
            truth.sentences[(si, k)] = (pos / RATE, (pos + len(pcm)) / RATE)
            pos += len(pcm)
            end = pos / RATE
            if idx + 1 < len(kept):
                nxt = kept[idx + 1][1][3]
                if paragraph == 0:
                    gap = n.heading_ms
                elif nxt != paragraph:
                    paragraphs += 1
                    long = n.long_every and paragraphs % n.long_every == 0
                    gap = n.paragraph_ms + (n.long_pause_ms if long else 0)
                else:
                    gap = n.sentence_ms
            else:
                gap = n.section_ms
            silence = np.zeros(int(gap * RATE / 1000), np.float32)
            pieces.append(silence)
            pos += len(silence)
        truth.sections.append((first, end))
    pieces.append(np.zeros(int(n.tail_s * RATE), np.float32))
    signal = np.concatenate(pieces)
    del pieces
    if n.snr_db is not None:
        loud = np.abs(signal) > 0.02 * np.abs(signal).max()
        rms = float(np.sqrt(np.mean(signal[loud] ** 2)))
        signal += (rng.standard_normal(len(signal)).astype(np.float32) * rms / 10 ** (n.snr_db / 20))
    peak = float(np.abs(signal).max())
    if peak > 0.95:
        signal *= 0.95 / peak
    _write(signal, n, path)
    truth.duration_s = len(signal) / RATE / n.tempo
    if n.tempo != 1.0:
        truth.onsets = {k: v / n.tempo for k, v in truth.onsets.items()}
        truth.sections = [(a / n.tempo, b / n.tempo) for a, b in truth.sections]
        truth.sentences = {k: (a / n.tempo, b / n.tempo) for k, (a, b) in truth.sentences.items()}
    return truth


def _write(signal: np.ndarray, n: Narrator, path: Path) -> None:
    """Through ffmpeg: atempo stretch, resampling, channels and codec."""
    pcm = (signal * 32767).astype("<i2").tobytes()
    filters = [f"atempo={n.tempo}"] if n.tempo != 1.0 else []
    cmd = [ffmpeg_path(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
           "-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0",
           *(["-af", ",".join(filters)] if filters else []),
           "-ar", str(n.sample_rate), "-ac", str(n.channels), *CODECS[n.fmt], str(path)]
    subprocess.run(cmd, input=pcm, check=True, capture_output=True)


def write_wav(path: Path, signal: np.ndarray, rate: int = RATE) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(signal, -1, 1) * 32767).astype("<i2").tobytes())


# The narrators of the accuracy measurement: other voices, rates, pitches, tempos, formats.
NARRATORS = (
    Narrator("m3-slow-mp3", voice="de+m3", rate=150, pitch=35, tempo=0.8, fmt="mp3", sample_rate=44100,
             channels=2),
    Narrator("f2-fast-m4a", voice="de+f2", rate=190, pitch=70, tempo=1.25, fmt="m4a", sample_rate=48000),
    Narrator("klatt-ogg", voice="de+klatt", rate=170, pitch=45, tempo=1.0, fmt="ogg", sample_rate=32000),
    Narrator("m1-flac-slower", voice="de+m1", rate=175, pitch=55, tempo=0.7, fmt="flac", sample_rate=16000),
    Narrator("f4-opus-faster", voice="de+f4", rate=165, pitch=60, tempo=1.5, fmt="opus", sample_rate=48000),
)


def without(n: Narrator, section: int, paragraph: int) -> Narrator:
    """The same narrator leaving out one paragraph."""
    return replace(n, name=f"{n.name}-minus-{section}-{paragraph}", drop=(section, paragraph))
