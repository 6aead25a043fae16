"""gTTS against a misbehaving fake Google on 127.0.0.1: 429 storms, 5xx, resets, hangs.

Every storm ends in bounded retries with backoff (the engine's sleep is
recorded, not slept), then one clear error line naming the probable cause and
what to do; the old output stays served and no new version appears. A run
that fails half-way is resumed from the cache.
"""
from __future__ import annotations

import os
import re
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.engines import gtts_engine
from app.engines.gtts_http import RPC_PATH, encode_response
from tests.audio_support import tone_mp3
from tests.faults.conftest import SMALL_SLUG, small_source
from tests.faults.fault_support import BuildChecker, assert_one_line_error, cli

RETRIES = 3
CONCURRENCY = 4
TIMEOUT = 0.3
SUMMARY = re.compile(r"\((\d+) synthesised, (\d+) cached\)")


class FakeGoogle(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, answer: bytes):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer = answer
        self.script = lambda n: ("ok",)
        self.count = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.count += 1
            action = self.server.script(self.server.count)
        if self.path != RPC_PATH:
            action = ("status", 404)
        if action[0] == "reset":  # RST instead of an answer
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.request.close()
            self.close_connection = True
            return
        if action[0] == "hang":
            time.sleep(action[1])
            action = ("ok",)
        status, body = (200, encode_response(self.server.answer).encode()) if action[0] == "ok" \
            else (action[1], b"error")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout)


@pytest.fixture(scope="module")
def tone() -> bytes:
    """0.3 s of a tone as 24 kHz MP3, like the audio Google sends."""
    return tone_mp3(0.3)


@pytest.fixture
def fake(tone, monkeypatch):
    server = FakeGoogle(tone)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sleeps: list[float] = []

    class Engine(gtts_engine.GttsEngine):
        def __init__(self, **kwargs):
            super().__init__(base=server.url, timeout=TIMEOUT, retries=RETRIES, concurrency=CONCURRENCY, **kwargs)
            self.sleep = sleeps.append  # recorded, not slept
            self.random = lambda: 1.0  # no jitter: delays are exactly the backoff

    monkeypatch.setattr(gtts_engine, "GttsEngine", Engine)
    server.sleeps = sleeps
    yield server
    server.shutdown()
    server.server_close()


def _state(out) -> tuple:
    versions = sorted(os.listdir(out / ".versions" / SMALL_SLUG))
    return os.readlink(out / SMALL_SLUG), versions, BuildChecker().check(out, SMALL_SLUG)


def _storm(fake, small_out, tmp_path, script, needles):
    fake.script = script
    before = _state(small_out)
    t0 = time.monotonic()
    code, out, err = cli(["build", str(small_source(tmp_path)), "--engine", "gtts", "--out", str(small_out),
                          "--quiet"])
    elapsed = time.monotonic() - t0
    line = assert_one_line_error(code, err)
    for needle in needles:
        assert needle.lower() in line.lower(), f"{needle!r} missing in: {line}"
    assert _state(small_out) == before, "the failed build changed the served output"
    assert fake.count <= CONCURRENCY * (RETRIES + 1), f"{fake.count} requests: retries are not bounded"
    assert len(fake.sleeps) <= CONCURRENCY * RETRIES
    return line, elapsed


def test_429_on_every_call(fake, small_out, tmp_path):
    _storm(fake, small_out, tmp_path, lambda n: ("status", 429), ["429", "wait", "--engine espeak"])
    assert fake.count > 1
    assert sorted(set(fake.sleeps)) == [0.5, 1.0, 2.0], "backoff must double per retry"


def test_5xx_forever(fake, small_out, tmp_path):
    _storm(fake, small_out, tmp_path, lambda n: ("status", 503), ["503", "try again later", "--engine espeak"])
    assert max(fake.sleeps) == 2.0


def test_connection_resets(fake, small_out, tmp_path):
    _storm(fake, small_out, tmp_path, lambda n: ("reset",), ["cannot reach", "--engine espeak"])


def test_hang_past_the_timeout(fake, small_out, tmp_path):
    _, elapsed = _storm(fake, small_out, tmp_path, lambda n: ("hang", 2.0),
                        ["no answer within", "--engine espeak"])
    assert elapsed < (RETRIES + 1) * TIMEOUT * 2 + 10, "a hung server held the build too long"


def test_5xx_burst_is_absorbed_by_retries(fake, small_out, tmp_path):
    fake.script = lambda n: ("status", (500, 502, 503)[n % 3]) if n <= 5 else ("ok",)
    code, out, err = cli(["build", str(small_source(tmp_path)), "--engine", "gtts", "--out", str(small_out),
                          "--quiet"])
    assert code == 0, err
    manifest, _ = BuildChecker().check(small_out, SMALL_SLUG)
    assert manifest["engine"]["name"] == "gtts"
    assert 0 < len(fake.sleeps) <= 5


def test_failed_run_resumes_from_cache(fake, small_out, tmp_path):
    """16 sentences (one cache batch) succeed, then Google rate-limits; the rerun fetches only the rest."""
    fake.script = lambda n: ("ok",) if n <= 16 else ("status", 429)
    argv = ["build", str(small_source(tmp_path)), "--engine", "gtts", "--out", str(small_out), "--quiet"]
    before = _state(small_out)
    code, _, err = cli(argv)
    assert_one_line_error(code, err, "429")
    assert _state(small_out) == before
    fake.script, fake.count = (lambda n: ("ok",)), 0
    code, out, err = cli(argv)
    assert code == 0, err
    synthesised, cached = map(int, SUMMARY.search(out).groups())
    assert cached == 16 and synthesised > 0, out
    assert fake.count == synthesised, "the rerun fetched sentences that were already cached"
