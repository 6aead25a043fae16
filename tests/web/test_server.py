"""serve(): waitress with the right app; one real run over HTTP on 127.0.0.1."""
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import waitress

from pathlib import Path

from app.web import server

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


def test_main_parses_options(monkeypatch, tmp_path, capsys):
    calls = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.append((app, kw)))
    assert server.main(["--host", "::1", "--port", "8081", "--audio-dir", str(tmp_path / "neu")]) == 0
    app, kwargs = calls[0]
    assert (kwargs["host"], kwargs["port"]) == ("::1", 8081)
    captured = capsys.readouterr()
    assert "http://[::1]:8081/" in captured.out
    assert "does not exist yet" in captured.err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def running_server(built_dir):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.web.server", "--port", str(port),
                             "--audio-dir", str(built_dir)], cwd=REPO_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"server did not start:\n{proc.communicate()[0]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


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
