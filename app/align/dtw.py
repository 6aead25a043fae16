"""Dynamic time warping that stays small: multi-resolution, banded, numpy only.

The path from the reference (rows) to the recording (columns) is found first
on features averaged over K frames, with the whole (small) matrix; then at
each finer level only inside a band around the coarser path (FastDTW's idea,
with a wider radius). A 13-minute article is 78,000 frames a side: a full
matrix would be 6 billion cells; the bands hold about 200 per row. Per cell
only a 1-byte step is kept; costs live one row at a time.

Why not a library: dtw-python (GPL-3, which this MIT project cannot take on
lightly) and librosa.sequence.dtw both fill dense N x M matrices of 8-byte
costs (dtw-python about 40 bytes per cell with its window and direction
matrices); librosa also needs numba, whose import alone costs about 280 MB
of resident memory. Both would be fine for one window of a few seconds, but
not for the 400 MB bound on a whole article. Each band row here is solved in
a few vectorised numpy calls: with ``c`` the row's local costs, ``a`` the
best arrival from the row above and ``S`` the running sum of ``c``, the
recurrence ``x[j] = c[j] + min(a[j], x[j-1])`` has the closed form
``x[j] = S[j] + min over k <= j of (a[k] - S[k-1])``, a cumulative minimum.

Steps (symmetric, Sakoe-Chiba weights): diagonal costs 2 c, up or right
costs c, so a narrator 2x slower or faster costs the same per frame.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

MAX_FULL_CELLS = 30_000_000  # the coarsest level's full matrix stays below this
LEVEL_RATIO = 4  # each finer level has this many times more frames a side
RADIUS = 20  # band half-width at each level, in that level's frames (beyond the coarser path)
SKIP_COST = 0.7  # a skipped recording frame costs this fraction of a typical (unmatched) distance
DIAG, UP, LEFT, START = 0, 1, 2, 3
_BLOCK_ROWS = 64


@dataclass
class Path:
    """Monotone path: ``rows[k]`` (reference frame) matched to ``cols[k]`` (recording frame)."""
    rows: np.ndarray
    cols: np.ndarray
    cells: int  # cells computed, all levels (for the log and the bench)
    typical: float = 0.0  # median distance of random frame pairs: what "no match" costs


def _pool(x: np.ndarray, k: int) -> np.ndarray:
    if k == 1:
        return x
    n = len(x) // k * k
    pooled = x[:n].reshape(-1, k, x.shape[1]).mean(axis=1)
    if n < len(x):
        pooled = np.vstack([pooled, x[n:].mean(axis=0, keepdims=True)])
    return pooled.astype(np.float32)


def banded(ref: np.ndarray, rec: np.ndarray, lo: np.ndarray, hi: np.ndarray, skip: float | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """DTW of ``ref`` (N x d) against ``rec`` (M x d) inside the band ``lo[i] <= j < hi[i]``.

    ``lo`` and ``hi`` must be non-decreasing with ``lo[i] <= hi[i-1]``. With
    ``skip``, the path may begin and end anywhere in the first and last rows'
    bands; every recording frame left out before or after it costs ``skip``
    (an intro, an outro: audio the text does not explain). Without, it runs
    from corner to corner. Returns the path as (rows, cols).
    """
    n = len(ref)
    widths = (hi - lo).astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(widths)])
    steps = np.empty(int(offsets[-1]), np.int8)
    rec_sq = np.einsum("ij,ij->i", rec, rec)
    prev = None  # accumulated cost of the previous row, over [lo[i-1], hi[i-1])
    for b0 in range(0, n, _BLOCK_ROWS):
        b1 = min(n, b0 + _BLOCK_ROWS)
        c_lo, c_hi = int(lo[b0]), int(hi[b1 - 1])
        block = rec[c_lo:c_hi]
        dist = (np.einsum("ij,ij->i", ref[b0:b1], ref[b0:b1])[:, None] + rec_sq[None, c_lo:c_hi]
                - 2.0 * (ref[b0:b1] @ block.T))
        np.sqrt(np.maximum(dist, 0.0, out=dist), out=dist)
        for i in range(b0, b1):
            l, h = int(lo[i]), int(hi[i])
            c = dist[i - b0, l - c_lo:h - c_lo].astype(np.float64)
            w = h - l
            if prev is None:
                if skip is not None:
                    arrive = skip * (np.arange(l, h) - l)
                else:
                    arrive = np.full(w, np.inf)
                    arrive[0] = 0.0
                up = np.ones(w, bool)
            else:
                pl, ph = int(lo[i - 1]), int(hi[i - 1])
                ext = _row_view(prev, pl, ph, l - 1, h)  # D[i-1, j] for j in l-1 .. h-1
                above = ext[1:]
                diag = ext[:-1] + c  # D[i-1, j-1] + c (diagonal weight 2)
                up = above <= diag
                arrive = np.where(up, above, diag)
            run = np.cumsum(c)
            shifted = np.concatenate([[0.0], run[:-1]])
            best = np.minimum.accumulate(arrive - shifted)
            row = run + best
            left = np.zeros(w, bool)
            left[1:] = row[:-1] < arrive[1:]
            step = np.where(left, LEFT, np.where(up, UP, DIAG)).astype(np.int8)
            if prev is None:
                step[~left] = START
            steps[offsets[i]:offsets[i + 1]] = step
            prev = row
    last_cols = np.arange(int(lo[-1]), int(hi[-1]))
    if skip is not None:
        end = int(np.argmin(prev + skip * (last_cols[-1] - last_cols)))
    else:
        end = len(prev) - 1
    if not np.isfinite(prev[end]):
        raise ValueError("no path through the band")
    return _backtrack(steps, offsets, lo, n - 1, int(lo[-1]) + end)


def _row_view(prev: np.ndarray, pl: int, ph: int, l: int, h: int) -> np.ndarray:
    """prev (over columns pl..ph) read at columns l..h, infinite outside."""
    out = np.empty(h - l)
    out.fill(np.inf)
    a, b = max(l, pl), min(h, ph)
    if b > a:
        out[a - l:b - l] = prev[a - pl:b - pl]
    return out


def _backtrack(steps: np.ndarray, offsets: np.ndarray, lo: np.ndarray, i: int, j: int):
    rows, cols = [], []
    while True:
        rows.append(i)
        cols.append(j)
        step = steps[offsets[i] + j - lo[i]]
        if step == START or (i == 0 and j == lo[0]):
            break
        if step == DIAG:
            i, j = i - 1, j - 1
        elif step == UP:
            i -= 1
        else:
            j -= 1
    return np.asarray(rows[::-1], np.int64), np.asarray(cols[::-1], np.int64)


def _band_from(path_rows: np.ndarray, path_cols: np.ndarray, factor: int, n: int, m: int,
               radius: int) -> tuple[np.ndarray, np.ndarray]:
    """The band at a finer level (``factor`` times finer) around a coarser path."""
    n_coarse = int(path_rows.max()) + 1
    c_lo = np.full(n_coarse, np.iinfo(np.int64).max)
    c_hi = np.zeros(n_coarse, np.int64)
    np.minimum.at(c_lo, path_rows, path_cols)
    np.maximum.at(c_hi, path_rows, path_cols)
    rows = np.minimum(np.arange(n) // factor, n_coarse - 1)
    lo = c_lo[rows] * factor - radius
    hi = (c_hi[rows] + 1) * factor + radius
    lo = np.clip(np.minimum.accumulate(lo[::-1])[::-1], 0, m - 1)
    hi = np.clip(np.maximum.accumulate(hi), 1, m)
    lo = np.minimum(lo, np.concatenate([[lo[0]], hi[:-1]]) - 1).clip(0)  # rows stay connected
    return lo, hi


def typical_distance(ref: np.ndarray, rec: np.ndarray, pairs: int = 4000, seed: int = 0) -> float:
    """Median distance between random frames of the two: what "no match" costs."""
    rng = np.random.default_rng(seed)
    a = ref[rng.integers(0, len(ref), pairs)]
    b = rec[rng.integers(0, len(rec), pairs)]
    return float(np.median(np.sqrt(((a - b) ** 2).sum(axis=1))))


def align(ref: np.ndarray, rec: np.ndarray, open_ends: bool = True) -> Path:
    """The warping path of ``ref`` onto ``rec`` (feature matrices, frames x d). With
    ``open_ends``, recording frames before and after the matched part are skipped
    (intro, outro) at a cost of SKIP_COST times the typical distance each."""
    n, m = len(ref), len(rec)
    if n == 0 or m == 0:
        raise ValueError("empty feature matrix")
    typical = typical_distance(ref, rec)
    skip = SKIP_COST * typical if open_ends else None
    top = 1
    while (n / top) * (m / top) > MAX_FULL_CELLS:
        top *= LEVEL_RATIO
    factors = []
    f = top
    while f >= 1:
        factors.append(f)
        f //= LEVEL_RATIO
    cells = 0
    rows = cols = None
    for k, f in enumerate(factors):
        r, c = _pool(ref, f), _pool(rec, f)
        if rows is None:
            lo = np.zeros(len(r), np.int64)
            hi = np.full(len(r), len(c), np.int64)
        else:
            lo, hi = _band_from(rows, cols, factors[k - 1] // f, len(r), len(c), RADIUS * factors[k - 1] // f)
        cells += int((hi - lo).sum())
        rows, cols = banded(r, c, lo, hi, skip)
        log.debug("DTW level 1/%d: %d x %d frames, %d cells", f, len(r), len(c), int((hi - lo).sum()))
    return Path(rows, cols, cells, typical)
