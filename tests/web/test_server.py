"""serve(): waitress with the right app; one real run over HTTP on 127.0.0.1."""
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
import waitress

from pathlib import Path

from app.web import server

from tests.faults.fault_support import free_port
from tests.support import stop, wait_until_serving
from tests.web.web_support import SLUG

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_serve_uses_waitress_and_prints_url(monkeypatch, built_dir, capsys):
    calls = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.append((app, kw)))
    server.serve(port=5123, audio_dir=built_dir, threads=3)
    app, kwargs = calls[0]
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 5123 and kwargs["threads"] == 3
    assert app.config["AUDIO_DIR"] == built_dir
    assert not app.debug
    assert "http://127.0.0.1:5123/" in capsys.readouterr().out


@pytest.fixture
def running_server(built_dir, tmp_path):
    """``vorleser serve`` in a subprocess (the real command), without queue workers."""
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "0",
                             "--audio-dir", str(built_dir)], cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)

    def output() -> str:
        log.seek(0)
        return log.read()

    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(proc, base + "/healthz", 30, output)
        yield base
    finally:
        stop(proc)
        log.close()


def test_real_server_serves_ranges(running_server, built_dir):
    url = f"{running_server}/artikel/{SLUG}/audio/01-titel.mp3"
    request = urllib.request.Request(url, headers={"Range": "bytes=10-19"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 206
        assert response.read() == (built_dir / SLUG / "01-titel.mp3").read_bytes()[10:20]
        assert response.headers["Content-Security-Policy"]
    with urllib.request.urlopen(f"{running_server}/healthz", timeout=5) as response:
        assert b'"articles":2' in response.read().replace(b" ", b"")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{running_server}/artikel/{SLUG}/audio/..%2f..%2fetc%2fpasswd",
                               timeout=5)
    assert error.value.code == 404
