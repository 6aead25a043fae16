"""MP3 alignment: every MP3 of the bundled build, decoded with ffmpeg, against
the exact PCM it was encoded from (captured by wrapping encode_mp3).

The offset is measured by cross-correlation (FFT) in a window at the start
and one at the end of each file, so both a constant shift and drift show.
"""
from __future__ import annotations

import numpy as np

from .common import Context, check

WINDOW_S = 8
MAX_LAG_MS = 60


def offset_ms(ref: np.ndarray, dec: np.ndarray, start: int, n: int, rate: int) -> float | None:
    """Lag (ms) of ``dec`` against ``ref`` for ref[start:start+n]; None when silent."""
    lag = rate * MAX_LAG_MS // 1000
    a = ref[start:start + n].astype(np.float64)
    if not np.any(a):
        return None
    lo = start - lag
    pad_front = max(0, -lo)
    b = dec[max(0, lo):start + n + lag].astype(np.float64)
    b = np.concatenate([np.zeros(pad_front), b])
    b = np.concatenate([b, np.zeros(max(0, n + 2 * lag - len(b)))])
    size = 1 << int(np.ceil(np.log2(len(a) + len(b))))
    corr = np.fft.irfft(np.fft.rfft(b, size) * np.conj(np.fft.rfft(a, size)), size)[:2 * lag + 1]
    return (int(np.argmax(corr)) - lag) * 1000 / rate


def mp3_alignment(ctx: Context) -> list:
    from app.ffmpeg import decode_pcm
    b = ctx.bundled()
    folder = b["dir"] / b["slug"]
    names = sorted(b["pcm"])
    if ctx.quick:
        names = names[:3] + [b["manifest"]["full"]["file"]]
    per_file = {}
    worst = 0.0
    for name in dict.fromkeys(names):
        pcm, rate = b["pcm"][name]
        ref = np.frombuffer(pcm, dtype=np.int16)
        dec = np.frombuffer(decode_pcm(folder / name, rate), dtype=np.int16)
        n = min(rate * WINDOW_S, len(ref))
        starts = [0, max(0, len(ref) - n - rate * MAX_LAG_MS // 1000)]
        found = [o for o in (offset_ms(ref, dec, s, n, rate) for s in dict.fromkeys(starts)) if o is not None]
        per_file[name] = {"offsets_ms": [round(o, 3) for o in found],
                          "length_diff_ms": round((len(dec) - len(ref)) * 1000 / rate, 2)}
        if found:
            worst = max(worst, max(abs(o) for o in found))
    return [check("mp3_alignment", f"max |offset| decoded MP3 vs source PCM ({len(per_file)} files, start+end)",
                  worst, "ms", "<=", 2.0, files=per_file)]
