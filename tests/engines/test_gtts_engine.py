"""gTTS engine against a faked Google endpoint (``responses``): no network."""
from __future__ import annotations

import http.server
import json
import re
import threading
import time
import urllib.parse

import pytest
import requests
import responses

from app import ffmpeg
from app.engines.base import SpeechItem, engine_key
from app.engines.gtts_chunks import MAX_CHARS, split_chunks
from app.engines.gtts_engine import GttsEngine, is_reachable
from app.engines.gtts_http import ENV_URL, encode_response
from app.errors import EngineError

URL = "https://translate.google.de/_/TranslateWebserverUi/data/batchexecute"
LONG = ("Unter großer Geheimhaltung, so berichten es übereinstimmend mehrere Quellen aus Seoul, "
        "hat sich der nordkoreanische Machthaber im Herbst mit dem russischen Präsidenten getroffen.")


def item(text: str) -> SpeechItem:
    return SpeechItem(text, tuple(m.start() for m in re.finditer(r"\S+", text)))


def sent_text(request) -> str:
    """The text inside a batchexecute request body."""
    freq = urllib.parse.parse_qs(request.body)["f.req"][0]
    return json.loads(json.loads(freq)[0][0][1])[0]


def decoded_len(mp3: bytes) -> int:
    return len(ffmpeg.decode_pcm(mp3, 24000, input_format="mp3")) // 2


@pytest.fixture
def rsps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def engine(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    eng = GttsEngine(retries=3, backoff=0.5, max_backoff=1.0)
    eng.sleeps = []
    eng.sleep = eng.sleeps.append
    eng.random = lambda: 0.5
    return eng


def test_success_gives_one_speech_per_item(engine, rsps, tone_mp3):
    rsps.add(responses.POST, URL, body=encode_response(tone_mp3))
    done = []
    speeches = engine.synthesize([item("Das ist ein Test."), item("Noch einer.")], progress=done.append)
    assert done == [1, 1]
    assert [len(s.token_onsets) for s in speeches] == [4, 2]
    for speech in speeches:
        assert speech.sample_rate == 24000 and speech.estimated
        assert speech.samples == decoded_len(tone_mp3)
        assert speech.token_onsets[0] == 0
        assert speech.token_onsets == sorted(speech.token_onsets)
        assert speech.token_onsets[-1] < speech.samples
    assert rsps.calls[0].request.req_kwargs["timeout"] == 10.0
    assert engine.settings == {"lang": "de", "tld": "de", "slow": False, "words": "aligned"}
    assert GttsEngine(align_words=False).settings == {"lang": "de", "tld": "de", "slow": False}
    # a tone is not the text: the words keep the estimate, and say so
    assert all(speech.methods == ["estimated"] * len(speech.token_onsets) for speech in speeches)


def test_abbreviations_preprocessor_does_not_eat_the_period(engine, rsps, tone_mp3):
    rsps.add(responses.POST, URL, body=encode_response(tone_mp3))
    engine.synthesize([item("Das ist fast."), item("Es wird Herbst.")])
    assert sorted(sent_text(c.request) for c in rsps.calls) == ["Das ist fast.", "Es wird Herbst."]


def test_429_then_success_honours_retry_after(engine, rsps, tone_mp3):
    rsps.add(responses.POST, URL, status=429, headers={"Retry-After": "2"})
    rsps.add(responses.POST, URL, body=encode_response(tone_mp3))
    [speech] = engine.synthesize([item("Hallo Welt.")])
    assert speech.samples > 0
    assert len(rsps.calls) == 2
    assert engine.sleeps == [2.0]  # Retry-After beats the jittered 0.25 s


def test_retry_after_is_capped(engine, rsps, tone_mp3):
    rsps.add(responses.POST, URL, status=429, headers={"Retry-After": "3600"})
    rsps.add(responses.POST, URL, body=encode_response(tone_mp3))
    engine.synthesize([item("Hallo Welt.")])
    assert engine.sleeps == [engine.max_retry_after]


def test_5xx_storm_fails_after_bounded_retries(engine, rsps):
    rsps.add(responses.POST, URL, status=503)
    with pytest.raises(EngineError, match="HTTP 503") as err:
        engine.synthesize([item("Hallo Welt.")])
    assert len(rsps.calls) == engine.retries + 1 == 4
    assert engine.sleeps == [0.25, 0.5, 0.5]  # min(1.0, 0.5 * 2**n) * 0.5: full jitter, capped
    assert "espeak" in str(err.value)


def test_rate_limit_exhausted_says_wait_or_use_espeak(engine, rsps):
    rsps.add(responses.POST, URL, status=429)
    with pytest.raises(EngineError) as err:
        engine.synthesize([item("Hallo Welt.")])
    msg = str(err.value)
    assert "rate-limiting" in msg and "HTTP 429" in msg and "wait a few minutes" in msg and "espeak" in msg
    assert len(rsps.calls) == 4


def test_connection_refused_names_offline_and_espeak(engine, rsps):
    rsps.add(responses.POST, URL, body=requests.ConnectionError("Connection refused"))
    with pytest.raises(EngineError) as err:
        engine.synthesize([item("Hallo Welt.")])
    msg = str(err.value)
    assert "cannot reach" in msg and "offline" in msg and "--engine espeak" in msg
    assert len(rsps.calls) == 4


def test_timeout_names_the_limit(engine, rsps):
    engine.timeout = 2.5
    rsps.add(responses.POST, URL, body=requests.ReadTimeout("read timed out"))
    with pytest.raises(EngineError, match=r"no answer within 2\.5s"):
        engine.synthesize([item("Hallo Welt.")])
    assert len(rsps.calls) == 4
    assert all(c.request.req_kwargs["timeout"] == 2.5 for c in rsps.calls)


def test_403_is_not_retried(engine, rsps):
    rsps.add(responses.POST, URL, status=403)
    with pytest.raises(EngineError, match="HTTP 403"):
        engine.synthesize([item("Hallo Welt.")])
    assert len(rsps.calls) == 1 and engine.sleeps == []


def test_answer_without_audio_fails_clearly(engine, rsps):
    rsps.add(responses.POST, URL, body=")]}'\n\n[[\"wrb.fr\",\"jQ1olc\",null]]\n")
    with pytest.raises(EngineError, match="no audio"):
        engine.synthesize([item("Hallo Welt.")])


def test_long_sentence_is_chunked_at_tokens_with_exact_boundary(engine, rsps, tone_mp3, short_mp3):
    first = split_chunks(LONG, item(LONG).token_starts)[0].text

    def reply(request):  # chunk 1 gets the long tone, chunk 2 the short one
        return 200, {}, encode_response(tone_mp3 if sent_text(request) == first else short_mp3)

    rsps.add_callback(responses.POST, URL, callback=reply)
    it = item(LONG)
    [speech] = engine.synthesize([it])
    texts = [sent_text(c.request) for c in rsps.calls]
    assert len(texts) == 2 and all(len(t) <= MAX_CHARS for t in texts)
    assert " ".join(sorted(texts, key=LONG.index)) == LONG
    assert first.endswith("Seoul,")  # break after a phrase pause
    onsets = speech.token_onsets
    assert len(onsets) == len(it.token_starts)
    assert onsets == sorted(onsets) and len(set(onsets)) == len(onsets)
    boundary = len(first.split())
    assert onsets[boundary] == decoded_len(tone_mp3)  # exact: decoded length of chunk 1
    assert speech.samples == decoded_len(tone_mp3) + decoded_len(short_mp3)


def test_single_token_over_100_chars_is_split_by_gtts(engine, rsps, tone_mp3):
    word = "Donaudampfschifffahrts" * 6 + "gesellschaft"
    rsps.add(responses.POST, URL, body=encode_response(tone_mp3))
    [speech] = engine.synthesize([item(f"Die {word} fährt.")])
    assert len(rsps.calls) >= 3  # "Die", the long word in two parts, "fährt."
    assert len(speech.token_onsets) == 3 and speech.token_onsets == sorted(speech.token_onsets)


def test_punctuation_only_item_sends_nothing(engine, rsps):
    done = []
    [speech] = engine.synthesize([SpeechItem("…", (0,))], progress=done.append)
    assert speech.pcm == b"" and speech.token_onsets == [0] and done == [1]
    assert len(rsps.calls) == 0


def test_concurrency_bound_and_input_order(engine, rsps, tone_mp3, short_mp3):
    engine.concurrency = 3
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def reply(request):
        text = sent_text(request)
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.09 - 0.01 * int(text.split()[1]))  # early items answer last
        with lock:
            state["now"] -= 1
        return 200, {}, encode_response(tone_mp3 if int(text.split()[1]) % 2 else short_mp3)

    rsps.add_callback(responses.POST, URL, callback=reply)
    speeches = engine.synthesize([item(f"Satz {n} hier.") for n in range(8)])
    assert state["max"] == 3
    long_, short = decoded_len(tone_mp3), decoded_len(short_mp3)
    assert [s.samples for s in speeches] == [long_ if n % 2 else short for n in range(8)]


def test_failure_cancels_pending_work(engine, rsps):
    engine.concurrency, engine.retries = 1, 0
    rsps.add(responses.POST, URL, status=500)
    with pytest.raises(EngineError, match="HTTP 500"):
        engine.synthesize([item(f"Satz {n}.") for n in range(6)])
    assert len(rsps.calls) == 1


def test_endpoint_override_for_a_local_fake(monkeypatch, rsps, tone_mp3):
    monkeypatch.setenv(ENV_URL, "http://127.0.0.1:8123/")
    rsps.add(responses.POST, "http://127.0.0.1:8123/_/TranslateWebserverUi/data/batchexecute",
             body=encode_response(tone_mp3))
    eng = GttsEngine()
    [speech] = eng.synthesize([item("Hallo.")])
    assert speech.samples > 0
    assert eng.settings["endpoint"] == "http://127.0.0.1:8123"
    monkeypatch.delenv(ENV_URL)
    assert engine_key(eng) != engine_key(GttsEngine())  # fake audio never shares Google's cache


def test_is_reachable(monkeypatch, rsps):
    monkeypatch.delenv(ENV_URL, raising=False)
    rsps.add(responses.HEAD, "https://translate.google.de/", body=requests.ConnectionError("refused"))
    assert is_reachable(timeout=0.5) is False
    rsps.replace(responses.HEAD, "https://translate.google.de/", status=200)
    assert is_reachable(timeout=0.5) is True
    rsps.replace(responses.HEAD, "https://translate.google.de/", status=429)
    assert is_reachable(timeout=0.5) is False
    rsps.replace(responses.HEAD, "https://translate.google.de/", status=405)
    assert is_reachable(timeout=0.5) is True
    assert rsps.calls[-1].request.req_kwargs["timeout"] == 0.5


def test_invalid_settings_raise_engine_error():
    with pytest.raises(EngineError, match="concurrency"):
        GttsEngine(concurrency=0)
    with pytest.raises(EngineError, match="language"):
        GttsEngine(lang="xx-nope")




def test_failure_stops_parallel_retries_and_surfaces_the_real_error(engine, rsps):
    engine.concurrency = 2
    rsps.add(responses.POST, URL, status=503)
    with pytest.raises(EngineError, match="HTTP 503"):
        engine.synthesize([item(f"Satz {n}.") for n in range(6)])
    assert len(rsps.calls) <= 2 * (engine.retries + 1)  # not 6 * 4: pending items never start


def test_real_sleep_is_interrupted_by_a_failure_elsewhere(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    eng = GttsEngine(max_backoff=60.0, backoff=60.0)
    eng.random = lambda: 1.0
    policy = eng._policy(cancelled := threading.Event())
    cancelled.set()
    started = time.monotonic()
    policy.sleep(policy.delay(0, None))  # 60 s unless the cancel wakes it
    assert time.monotonic() - started < 1.0


@pytest.fixture
def local_google(tone_mp3, monkeypatch):
    """A real HTTP server on 127.0.0.1 speaking Google's batchexecute format."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server API)
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            seen.append(urllib.parse.parse_qs(body)["f.req"][0])
            if "Stille" in body:  # answer too late
                time.sleep(0.5)
            data = encode_response(tone_mp3).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", seen
    server.shutdown()
    server.server_close()


def test_real_http_against_local_fake(local_google, tone_mp3):
    url, seen = local_google
    eng = GttsEngine(base=url, timeout=0.2, retries=1)
    eng.sleep = lambda s: None
    speeches = eng.synthesize([item("Das ist fast."), item(LONG)])
    assert [s.samples for s in speeches] == [decoded_len(tone_mp3), 2 * decoded_len(tone_mp3)]
    assert len(seen) == 3
    with pytest.raises(EngineError, match=r"no answer within 0\.2s"):
        eng.synthesize([item("Stille hier.")])
