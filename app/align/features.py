"""MFCC-like features on a 10 ms grid, the same for the reference and the recording.

Per frame (a Hann window of about 25 ms rounded to a power of two, 10 ms hop,
centred): 40 mel bands, their log, a DCT; cepstra 1-8 are kept (c0, the
loudness, is left out so that a quieter or louder narrator matches the same;
the higher ones follow the speaker's pitch more than the words), normalised
by their mean and spread over the speech frames of the file (so a voice's
own colour cancels out). One more column says how loud the frame is
relative to the loudest speech in the surrounding seconds: it tells speech
from pauses, noise or an intro, and follows slow loudness changes.

Two adjustments make a narrator look like the reference: the recording's
noise floor (its quietest frames) is added to the reference's mel power, so
eSpeak's digital silence and quiet sounds look as they do in the room; and
the recording's mel spectrum is read at frequencies scaled by a factor
(0.8-1.3) chosen so that its long-term spectrum best fits the reference's,
a simple vocal tract length normalisation (women's and children's voices,
other synthesisers).

Written with numpy rather than librosa: ``import librosa`` alone costs about
280 MB of resident memory and 3 s here (numba and LLVM), 70 % of the aligner's
400 MB budget, for a computation of about 40 lines. The frames are processed
in blocks, so memory stays flat for any length.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HOP_S = 0.01
WIN_S = 0.025
N_MELS = 40
N_CEPS = 8
FMIN, FMAX = 60.0, 7600.0
FLOOR = 1e-9  # power floor (about -90 dB re full scale): digital silence
LOUD_WINDOW_S = 3.0  # the "loudest speech nearby" looks this far around
LOUD_RANGE_DB = 45.0  # relative loudness is clipped to this range
BLOCK = 2048  # frames per block
WARP_GRID = np.round(np.arange(0.8, 1.3001, 0.025), 3)  # frequency warps tried for the recording
WARP_BANDS = slice(3, 35)  # bands compared for the warp (the edges carry little speech)
LOUD_COLUMN = N_CEPS  # the feature column with the relative loudness, in units of LOUD_UNIT_DB
LOUD_UNIT_DB = 10.0  # 10 dB of relative loudness weigh as much as one cepstral standard deviation
SPEECH_DB = -15.0  # a frame more than this below the loudest speech nearby is a pause


def hop_samples(rate: int) -> int:
    return max(1, round(rate * HOP_S))


def _mel(f):
    return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)


def _hz(m):
    return 700.0 * (10 ** (np.asarray(m) / 2595.0) - 1.0)


def _mel_points(top: float = FMAX) -> np.ndarray:
    return _hz(np.linspace(_mel(FMIN), _mel(top), N_MELS + 2))


def _mel_centers() -> np.ndarray:
    return _mel_points()[1:-1]


def _mel_filters(rate: int, n_fft: int) -> np.ndarray:
    points = _mel_points(min(FMAX, rate / 2))
    freqs = np.linspace(0, rate / 2, n_fft // 2 + 1)
    bank = np.zeros((N_MELS, len(freqs)), np.float32)
    for m in range(N_MELS):
        lo, mid, hi = points[m], points[m + 1], points[m + 2]
        rise = (freqs - lo) / (mid - lo)
        fall = (hi - freqs) / (hi - mid)
        bank[m] = np.maximum(0, np.minimum(rise, fall)) * (2.0 / (hi - lo))
    return bank


def _dct(n_in: int, n_out: int) -> np.ndarray:
    """Orthonormal DCT-II rows 0..n_out-1."""
    k = np.arange(n_out)[:, None]
    n = np.arange(n_in)[None, :]
    basis = np.cos(np.pi * k * (2 * n + 1) / (2 * n_in)) * np.sqrt(2.0 / n_in)
    basis[0] /= np.sqrt(2.0)
    return basis.astype(np.float32)


def _running_max(x: np.ndarray, size: int) -> np.ndarray:
    """Maximum over a centred window of ``size`` frames (edges repeat)."""
    half = size // 2
    padded = np.pad(x, half, mode="edge")
    out = np.empty_like(x)
    for a in range(0, len(x), BLOCK):
        b = min(len(x), a + BLOCK)
        out[a:b] = np.lib.stride_tricks.sliding_window_view(padded[a:b + 2 * half], size).max(axis=1)
    return out


def _slice(pcm: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Samples lo..hi of ``pcm`` as float32 in [-1, 1], zeros outside."""
    out = np.zeros(hi - lo, np.float32)
    a, b = max(lo, 0), min(hi, len(pcm))
    if b > a:
        out[a - lo:b - lo] = pcm[a:b] / 32768.0
    return out


@dataclass
class Spectrum:
    """Mel power per frame (frames x N_MELS) with what the features need to know about it."""
    mel: np.ndarray
    speech_db: float  # level of the speech (90th percentile of frame levels)
    noise: np.ndarray  # mean mel power of the quietest frames: the file's noise floor


def spectrum(pcm: np.ndarray, rate: int) -> Spectrum:
    """Mel power of mono int16 ``pcm``; frame i is centred at i * hop."""
    hop = hop_samples(rate)
    win = 1 << round(np.log2(rate * WIN_S))  # about 25 ms, a power of two for the FFT (23 ms at 22.05 kHz)
    n_fft = win
    n_frames = len(pcm) // hop + 1
    bank = _mel_filters(rate, n_fft).T.copy()
    window = np.hanning(win).astype(np.float32)
    mel = np.empty((n_frames, N_MELS), np.float32)
    for start in range(0, n_frames, BLOCK):
        stop = min(n_frames, start + BLOCK)
        lo = start * hop - win // 2
        seg = _slice(pcm, lo - 1, (stop - 1) * hop - win // 2 + win)
        seg = seg[1:] - 0.97 * seg[:-1]  # pre-emphasis
        frames = np.lib.stride_tricks.sliding_window_view(seg, win)[::hop] * window
        power = np.abs(np.fft.rfft(frames, n_fft, axis=1)).astype(np.float32) ** 2
        mel[start:stop] = power @ bank
    level = 10 * np.log10(mel.sum(axis=1) + FLOOR)
    quiet = level <= np.percentile(level, 10)
    return Spectrum(mel, float(np.percentile(level, 90)), mel[quiet].mean(axis=0))


def features(spec: Spectrum, floor: np.ndarray | None = None) -> np.ndarray:
    """Feature matrix (frames x 14, float32). ``floor`` (mel power) is added to every
    frame first: the recording's noise, scaled to this file's level, makes the
    reference's digital silence and its quiet phonemes look as they do in the
    recording."""
    dct = _dct(N_MELS, N_CEPS + 1)[1:].T.copy()
    mel = spec.mel if floor is None else spec.mel + floor.astype(np.float32)
    logmel = np.log(mel + FLOOR)
    ceps = logmel @ dct
    level = 10 * np.log10(mel.sum(axis=1) + FLOOR)
    nearby = _running_max(level, int(LOUD_WINDOW_S / HOP_S) | 1)
    loud = np.clip(level - nearby, -LOUD_RANGE_DB, 0.0)
    speech = loud > -25.0
    basis = ceps[speech] if speech.sum() > 10 else ceps
    ceps -= basis.mean(axis=0)
    ceps /= basis.std(axis=0) + 1e-6
    return np.column_stack([ceps, loud / LOUD_UNIT_DB]).astype(np.float32)


def _warp_matrix(alpha: float) -> np.ndarray:
    """Reads band m of a spectrum at the frequency of band m times ``alpha`` (linear interpolation
    between bands): a simple vocal tract length normalisation in the mel domain."""
    centers = _mel_centers()
    at = np.clip(centers * alpha, centers[0], centers[-1])
    pos = np.interp(_mel(at), _mel(centers), np.arange(N_MELS))
    lo = np.clip(np.floor(pos).astype(int), 0, N_MELS - 2)
    frac = pos - lo
    w = np.zeros((N_MELS, N_MELS), np.float32)
    w[np.arange(N_MELS), lo] = 1 - frac
    w[np.arange(N_MELS), lo + 1] += frac
    return w


def _loud_frames(mel: np.ndarray, most: int = 4000) -> np.ndarray:
    """The louder half of the frames (at most ``most``, evenly spread): what the long-term
    spectrum is taken over."""
    level = mel.sum(axis=1)
    loud = mel[level > np.median(level)]
    return loud[::max(1, len(loud) // most)]


def _long_term(mel: np.ndarray) -> np.ndarray:
    """Mean log-mel spectrum of these frames, without its overall level."""
    shape = np.log(mel + FLOOR).mean(axis=0)
    return shape - shape.mean()


def warp_factor(reference: Spectrum, recording: Spectrum) -> float:
    """The frequency warp that makes the recording's long-term spectrum most like the
    reference's: above 1 for a voice with a shorter vocal tract than eSpeak's (most
    women's voices), below 1 for a longer one."""
    target = _long_term(_loud_frames(reference.mel))[WARP_BANDS]
    frames = _loud_frames(recording.mel)
    best, best_d = 1.0, np.inf
    for alpha in WARP_GRID:
        shape = _long_term(frames @ _warp_matrix(alpha).T)[WARP_BANDS]
        d = float(np.mean((shape - shape.mean() - target + target.mean()) ** 2))
        if d < best_d:
            best, best_d = float(alpha), d
    return best


def warped(spec: Spectrum, alpha: float) -> Spectrum:
    if alpha == 1.0:
        return spec
    w = _warp_matrix(alpha).T
    return Spectrum(spec.mel @ w, spec.speech_db, spec.noise @ w)


def matched_floor(reference: Spectrum, recording: Spectrum) -> np.ndarray:
    """The recording's noise floor at the reference's level."""
    return recording.noise * 10 ** ((reference.speech_db - recording.speech_db) / 10)
