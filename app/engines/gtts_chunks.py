"""Split a sentence into gTTS-sized chunks at token boundaries; estimate word onsets.

Google's TTS endpoint takes at most 100 characters per request. gTTS would
split longer text itself, but then we would not know where its chunks begin.
So we group whole tokens into chunks ourselves: chunk boundaries in the audio
are exact (each chunk is decoded on its own), and only the word onsets inside
one chunk are estimated, proportionally to how much there is to say.
"""
from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass
from typing import Sequence

from ..errors import EngineError

MAX_CHARS = 100  # gTTS.GOOGLE_TTS_MAX_CHARS
MIN_BREAK_CHARS = 30  # prefer a break after punctuation only if the chunk keeps this many chars
PAUSE_AFTER = ",;:–—)"  # punctuation that ends a phrase: a good place for a chunk break
WORD_WEIGHT = 2  # per-token constant: onset/offset of every word costs some time
PAUSE_WEIGHT = 4  # extra weight for a token followed by a phrase pause
SILENCE_PEAK = 500  # |sample| below this counts as silence (about -36 dBFS)
SILENCE_WINDOW = 240  # 10 ms at 24 kHz


@dataclass(frozen=True)
class Chunk:
    text: str  # what is sent to Google (stripped)
    tokens: tuple[str, ...]  # the spoken text of each token in this chunk

    @property
    def speakable(self) -> bool:
        """False for chunks of only punctuation/space: Google gets no request for them."""
        return any(c.isalnum() for c in self.text)


def token_spans(text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """Span of each token: from its start to the next token's start (or the end)."""
    prev = 0
    for s in starts:
        if s < prev or s > len(text):
            raise EngineError(f"invalid token offsets {list(starts)} for a text of {len(text)} chars",
                              "offsets must be ascending and inside the sentence (a bug in the caller)")
        prev = s
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends))


def split_chunks(text: str, starts: Sequence[int], max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Group consecutive tokens into chunks of at most ``max_chars`` (stripped).

    A single token longer than ``max_chars`` becomes a chunk of its own (gTTS
    then splits it further). Text before the first token joins the first chunk.
    A text without tokens becomes one chunk without tokens.
    """
    spans = token_spans(text, starts)
    if not spans:
        return [Chunk(text.strip(), ())] if text.strip() else []
    spans[0] = (0, spans[0][1])
    chunks: list[Chunk] = []
    i = 0
    while i < len(spans):
        j = i  # last token that still fits
        while j + 1 < len(spans) and len(text[spans[i][0]:spans[j + 1][1]].strip()) <= max_chars:
            j += 1
        if j + 1 < len(spans):
            for k in range(j, i, -1):  # break after a phrase pause when the chunk stays long enough
                piece = text[spans[i][0]:spans[k][1]].strip()
                if piece.endswith(tuple(PAUSE_AFTER)) and len(piece) >= MIN_BREAK_CHARS:
                    j = k
                    break
        chunks.append(Chunk(text[spans[i][0]:spans[j][1]].strip(),
                            tuple(text[a:b] for a, b in spans[i:j + 1])))
        i = j + 1
    return chunks


def token_weight(spoken: str) -> int:
    """How long a token takes to say, in arbitrary units: letters/digits plus constants."""
    weight = sum(c.isalnum() for c in spoken) + WORD_WEIGHT
    if spoken.rstrip().endswith(tuple(PAUSE_AFTER)):
        weight += PAUSE_WEIGHT
    return weight


def speech_bounds(pcm: bytes) -> tuple[int, int]:
    """First and last sample (exclusive) of the non-silent part, in 10 ms windows.

    Returns ``(0, n)`` when everything is silent.
    """
    samples = array("h")
    samples.frombytes(pcm[:len(pcm) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    n = len(samples)
    windows = range(0, n, SILENCE_WINDOW)

    def loud(w: int) -> bool:
        return max(abs(v) for v in samples[w:w + SILENCE_WINDOW]) >= SILENCE_PEAK

    first = next((w for w in windows if loud(w)), None)
    if first is None:
        return 0, n
    last = next(w for w in reversed(windows) if loud(w))
    return first, min(n, last + SILENCE_WINDOW)


def chunk_onsets(chunk: Chunk, pcm: bytes, offset: int) -> list[int]:
    """Sample onsets of the chunk's tokens, spread over its speech by token weight."""
    if not chunk.tokens:
        return []
    if not chunk.speakable or not pcm:
        return [offset] * len(chunk.tokens)
    begin, end = speech_bounds(pcm)
    weights = [token_weight(t) for t in chunk.tokens]
    total = sum(weights)
    onsets, acc = [], 0
    for w in weights:
        onsets.append(offset + begin + (end - begin) * acc // total)
        acc += w
    return onsets
