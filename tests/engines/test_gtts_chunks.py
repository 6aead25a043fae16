"""Chunking at token boundaries and onset estimation for gTTS."""
from __future__ import annotations

import re
import struct

import pytest

from app.engines.gtts_chunks import MAX_CHARS, Chunk, chunk_onsets, speech_bounds, split_chunks
from app.errors import EngineError


def starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def test_short_sentence_is_one_chunk():
    [chunk] = split_chunks("Das ist fast.", starts("Das ist fast."))
    assert chunk.text == "Das ist fast." and chunk.tokens == ("Das ", "ist ", "fast.")


@pytest.mark.parametrize("words", [30, 57, 120])
def test_chunks_fit_and_cover_every_token(words):
    text = " ".join(f"Wort{n}" + ("," if n % 7 == 6 else "") for n in range(words)) + "."
    chunks = split_chunks(text, starts(text))
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    assert sum(len(c.tokens) for c in chunks) == words
    assert " ".join(c.text for c in chunks) == text


def test_prefers_a_break_after_a_comma():
    text = ("Eins zwei drei vier fünf sechs sieben acht, neun zehn elf zwölf dreizehn vierzehn fünfzehn "
            "sechzehn siebzehn achtzehn.")
    assert len(text) > MAX_CHARS
    first = split_chunks(text, starts(text))[0]
    assert first.text.endswith("acht,")


def test_overlong_token_is_its_own_chunk():
    word = "x" * 150
    chunks = split_chunks(f"Ein {word} hier.", starts(f"Ein {word} hier."))
    assert [c.text for c in chunks] == ["Ein", word, "hier."]


def test_prefix_before_first_token_joins_first_chunk():
    [chunk] = split_chunks("„Hallo“, sagt sie.", [1, 9, 14])
    assert chunk.text == "„Hallo“, sagt sie." and len(chunk.tokens) == 3


def test_text_without_tokens():
    assert split_chunks("", []) == []
    assert split_chunks("Hm.", []) == [Chunk("Hm.", ())]


@pytest.mark.parametrize("bad", [[3, 1], [0, 99]])
def test_invalid_offsets_raise(bad):
    with pytest.raises(EngineError, match="invalid token offsets"):
        split_chunks("Das ist gut.", bad)


def test_speech_bounds_skip_silence():
    pcm = struct.pack("<2400h", *([0] * 480 + [3000] * 960 + [0] * 960))
    assert speech_bounds(pcm) == (480, 1440)
    assert speech_bounds(b"\0" * 800) == (0, 400)


def test_onsets_follow_token_length_inside_speech():
    pcm = struct.pack("<4800h", *([0] * 240 + [3000] * 4320 + [0] * 240))
    chunk = Chunk("A Bbbbbbbbbbbbbbbbbb C", ("A ", "Bbbbbbbbbbbbbbbbbb ", "C"))
    onsets = chunk_onsets(chunk, pcm, offset=1000)
    assert onsets[0] == 1000 + 240
    assert onsets[1] - onsets[0] < onsets[2] - onsets[1]
    assert onsets[2] < 1000 + 4560


def test_silent_chunk_puts_all_onsets_at_its_start():
    assert chunk_onsets(Chunk("…", ("…",)), b"", offset=77) == [77]
