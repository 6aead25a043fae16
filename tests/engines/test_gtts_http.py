"""Google TTS protocol helpers: bodies, answers, Retry-After, backoff."""
from __future__ import annotations

import email.utils
import time

from app.engines.gtts_http import RetryPolicy, base_url, encode_response, parse_audio, request_bodies
from app.engines.gtts_http import retry_after_seconds


def test_response_roundtrip(tone_mp3):
    assert parse_audio(encode_response(tone_mp3)) == tone_mp3
    assert parse_audio(")]}'\n\n[[\"di\",12]]\n") == b""


def test_bodies_keep_sentence_final_period_and_skip_empty_text():
    [body] = request_bodies("Das ist fast.", "de", "de", False)
    assert "fast." in body.replace("%20", " ").replace("%2E", ".")
    assert request_bodies("", "de", "de", False) == []


def test_base_url(monkeypatch):
    monkeypatch.delenv("VORLESER_GTTS_URL", raising=False)
    assert base_url("de") == "https://translate.google.de"
    monkeypatch.setenv("VORLESER_GTTS_URL", "http://127.0.0.1:9/")
    assert base_url("de") == "http://127.0.0.1:9"
    assert base_url("de", "http://127.0.0.1:7") == "http://127.0.0.1:7"


def test_retry_after_forms():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    later = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= retry_after_seconds(later) <= 61


def test_backoff_is_full_jitter_and_capped():
    policy = RetryPolicy(10.0, 5, 0.5, 8.0, 30.0, sleep=lambda s: None, random=lambda: 1.0)
    assert [policy.delay(n, None) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    policy.random = lambda: 0.0
    assert policy.delay(3, None) == 0.0
    assert policy.delay(0, 100.0) == 30.0
