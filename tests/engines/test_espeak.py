"""eSpeak NG through ctypes: real synthesis, exact word onsets."""
from __future__ import annotations

import pytest

from app.engines.base import SpeechItem
from app.engines.espeak import EspeakEngine, map_onsets
from app.errors import EngineError


def _item(text: str) -> SpeechItem:
    starts, pos = [], 0
    for word in text.split(" "):
        starts.append(pos)
        pos += len(word) + 1
    return SpeechItem(text, tuple(starts))


def test_german_sentence_has_audio_and_one_onset_per_word():
    engine = EspeakEngine()
    item = _item("Das ist zum Beispiel ein Test am ersten Mai.")
    speech = engine.synthesize([item])[0]
    assert speech.sample_rate == engine.sample_rate == 22050
    assert speech.samples > engine.sample_rate  # more than a second of speech
    assert len(speech.token_onsets) == len(item.token_starts)
    assert speech.token_onsets[0] == 0
    assert speech.token_onsets == sorted(speech.token_onsets)
    assert speech.token_onsets[-1] < speech.samples
    assert not speech.estimated


def test_rate_changes_duration():
    item = _item("Eine etwas längere Aussage, damit die Sprechgeschwindigkeit messbar wird.")
    slow = EspeakEngine(rate=120).synthesize([item])[0].samples
    fast = EspeakEngine(rate=300).synthesize([item])[0].samples
    assert fast < slow * 0.7


def test_rate_and_pitch_out_of_range_are_clear_errors():
    with pytest.raises(EngineError, match="--rate"):
        EspeakEngine(rate=5)
    with pytest.raises(EngineError, match="--pitch between 0 and 99"):
        EspeakEngine(pitch=500)


def test_settings_name_everything_that_changes_output():
    assert EspeakEngine(rate=160, pitch=40).settings["rate"] == 160
    assert EspeakEngine(rate=160, pitch=40).settings["pitch"] == 40


def test_event_pointing_at_space_goes_to_next_word():
    item = _item("zum Beispiel ein Test")
    # eSpeak reported one event at the space before "ein" (position 13, 1-based)
    onsets = map_onsets(item, [(1, 0, 0), (5, 4000, 180), (13, 9000, 408), (18, 12000, 544)], 20000, 22050)
    assert onsets == [0, 4000, 9000, 12000]


def test_missing_events_are_interpolated_monotonically():
    item = _item("Ukraine-Krieg und noch mehr")
    onsets = map_onsets(item, [(1, 0, 0), (19, 10000, 453)], 16000, 22050)
    assert onsets[0] == 0 and onsets[2] == 10000
    assert 0 < onsets[1] < 10000
    assert onsets[2] < onsets[3] < 16000


def test_cache_key_follows_the_library_actually_loaded(monkeypatch):
    from app.engines import engine_key
    from app.engines import espeak

    engine = espeak.EspeakEngine()
    assert engine.settings["library"] == f"libespeak-ng {espeak.library_version()}"
    assert espeak.library_version()[0].isdigit()
    before = engine_key(engine)
    monkeypatch.setitem(espeak._state, "version", "1.51")  # as if a system library of another version loaded
    assert engine.settings["library"] == "libespeak-ng 1.51"
    assert engine_key(engine) != before
