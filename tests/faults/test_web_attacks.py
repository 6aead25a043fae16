"""Attacks on the reader: path traversal, malformed Range, oversized requests, markup, methods.

Each probe runs against the Flask test client and against the real server
(``vorleser serve``) with raw sockets, so no client library normalises the
path. The markup article is built by the real pipeline from text full of
HTML and JavaScript; Chromium must show it as text and run none of it.
"""
from __future__ import annotations

import http.client
import re
import socket

import pytest

from app import create_app
from app.engines import get_engine
from app.model import RawArticle, RawSection, from_raw
from app.pipeline.build import BuildOptions, build_article
from tests.faults.fault_support import real_server

SLUG = "angriff"
SECRET = "GEHEIM-4711-SCHLUESSEL"
XSS_TITLE = "Angriff <script>window.__pwned=1;alert(1)</script>"
XSS_TEASER = 'Vorspann <img src=x onerror="window.__pwned=2;alert(2)"> Ende.'
XSS_HEADING = "Kapitel <b onmouseover=alert(3)>fett</b>"
XSS_TEXT = ['Ein <a href="javascript:alert(4)">Verweis</a> im Text. Noch ein <svg onload=alert(5)> Satz.',
            "Zum Schluss </p><script>window.__pwned=3</script> und Text."]

TRAVERSALS = [
    "../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252f%252e%252e%252fetc%252fpasswd", "%2fetc%2fpasswd", "/etc/passwd", "//etc/passwd",
    "..%5c..%5c..%5csecret.txt", "..\\..\\..\\secret.txt", "manifest.json%00.mp3", "%00", "x%00/../../secret.txt",
    "%c0%ae%c0%ae%c0%afsecret.txt", "..%c0%af..%c0%afsecret.txt", "%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt",
    "..", "%2e%2e", ".cache", ".versions", "..%2f.cache", "..%2f..%2fsecret.txt", "~root",
    "..%252f..%252fsecret.txt", "%u002e%u002e%u2215secret.txt",
]
FILE_ROUTES = ["/artikel/{slug}/audio/{p}", "/artikel/{slug}/download/{p}", "/artikel/{p}/manifest.json",
               "/artikel/{p}/captions.vtt", "/artikel/{p}/chapters.vtt", "/artikel/{p}/abschnitte.zip",
               "/artikel/{p}/audio/{f}", "/artikel/{p}", "/static/{p}", "/static/css/{p}", "/{p}"]
RANGES = ["bytes=abc", "bytes=5-1", "bytes=--1", "bytes=0-1,5-10", "bytes=0-0,-1,3-4", f"bytes={10 ** 30}-",
          f"bytes=0-{10 ** 30}", "bytes=-0", "bytes=1-2-3", "bits=0-10", "bytes=", "bytes=-", "bytes= 2 - 4 ",
          "bytes=-99999999999999999999", "bytes=0-1" + ",2-3" * 500, "bytes=\u00e4-1"]
METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]


@pytest.fixture(scope="module")
def attack_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("attack")
    (base / "secret.txt").write_text(SECRET, "utf-8")
    audio = base / "audio"
    raw = RawArticle(XSS_TITLE, XSS_TEASER, [RawSection(XSS_HEADING, 2, XSS_TEXT)], "test:angriff")
    build_article(from_raw(raw, SLUG), get_engine("espeak"), BuildOptions(out_dir=audio, quiet=True))
    return audio


@pytest.fixture(scope="module")
def served(attack_dir):
    with real_server(attack_dir) as port:
        yield port


@pytest.fixture(scope="module")
def client(attack_dir):
    return create_app({"TESTING": True, "AUDIO_DIR": attack_dir}).test_client()


def _first_mp3(audio) -> str:
    import json
    return json.loads((audio / SLUG / "manifest.json").read_text("utf-8"))["sections"][0]["file"]


def _paths(audio) -> list[str]:
    mp3 = _first_mp3(audio)
    return [route.format(slug=SLUG, p=p, f=mp3) for route in FILE_ROUTES for p in TRAVERSALS]


def raw_request(port: int, request: bytes, timeout: float = 10) -> tuple[int | None, bytes]:
    """Send bytes as they are; return (status or None if closed without answer, whole response)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                chunks.append(data)
        except (ConnectionResetError, socket.timeout):
            pass
    data = b"".join(chunks)
    match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return (int(match.group(1)) if match else None), data


def _get(path: str, headers: str = "", method: str = "GET") -> bytes:
    return f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n".encode("latin-1")


def test_traversal_test_client(client, attack_dir):
    for path in _paths(attack_dir):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert SECRET.encode() not in response.data and b"root:" not in response.data


def test_traversal_real_server(served, attack_dir):
    for path in _paths(attack_dir):
        status, data = raw_request(served, _get(path))
        assert status == 404, (path, status, data[:200])
        assert SECRET.encode() not in data and b"root:" not in data


def _check_range(status: int, headers: dict, body: bytes, size: int, header: str) -> None:
    assert status in (200, 206, 416), (header, status)
    if status == 206:
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", headers["content-range"])
        assert match, headers["content-range"]
        first, last, total = map(int, match.groups())
        assert total == size and len(body) == last - first + 1, header
    if status == 200:
        assert len(body) == size


def test_malformed_ranges(client, served, attack_dir):
    mp3 = _first_mp3(attack_dir)
    size = (attack_dir / SLUG / mp3).stat().st_size
    path = f"/artikel/{SLUG}/audio/{mp3}"
    for header in RANGES:
        response = client.get(path, headers={"Range": header})
        _check_range(response.status_code, {k.lower(): v for k, v in response.headers.items()},
                     response.data, size, header)
        conn = http.client.HTTPConnection("127.0.0.1", served, timeout=10)
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.putheader("Range", header.encode("utf-8"))
        conn.endheaders()
        reply = conn.getresponse()
        body = reply.read()
        _check_range(reply.status, {k.lower(): v for k, v in reply.getheaders()}, body, size, header)
        conn.close()


def test_oversized_header_and_url(served, attack_dir):
    mp3 = _first_mp3(attack_dir)
    path = f"/artikel/{SLUG}/audio/{mp3}"
    for label, request in [("64 KB header", _get(path, f"X-Gross: {'a' * 65536}\r\n")),
                           ("100 KB URL", _get(path + "?" + "a" * 100_000)),
                           ("100 KB path", _get("/artikel/" + "a" * 100_000))]:
        status, data = raw_request(served, request)
        assert status is None or 400 <= status < 500, f"{label}: answered {status}"


@pytest.mark.parametrize("method", METHODS)
def test_non_get_methods_are_refused(method, client, served, attack_dir):
    mp3 = _first_mp3(attack_dir)
    for path in [f"/artikel/{SLUG}/audio/{mp3}", f"/artikel/{SLUG}/download/{mp3}", f"/artikel/{SLUG}/manifest.json",
                 f"/artikel/{SLUG}/captions.vtt", f"/artikel/{SLUG}/abschnitte.zip"]:
        assert client.open(path, method=method).status_code == 405, (method, path)
        status, _ = raw_request(served, _get(path, "Content-Length: 0\r\n", method))
        assert status == 405, (method, path, status)


def test_markup_is_text_and_csp_blocks_inline_script(served, chromium):
    dialogs, errors, violations = [], [], []
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        for url in (f"http://127.0.0.1:{served}/", f"http://127.0.0.1:{served}/artikel/{SLUG}"):
            response = page.goto(url)
            assert response.status == 200
            assert "script-src 'self'" in response.headers["content-security-policy"]
            page.wait_for_selector("html.js")  # the page's own scripts have run
            assert page.evaluate("() => window.__pwned") is None, "script from the article ran"
            assert page.evaluate("() => document.querySelectorAll('script:not([src])').length") == 0
            assert page.evaluate("() => document.querySelectorAll("
                                 "'[onerror],[onload],[onclick],[onmouseover],img[src=x],b').length") == 0
            assert page.evaluate("() => document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
        text = page.inner_text("body")
        assert "<script>window.__pwned=1;alert(1)</script>" in text, "the title is not shown as text"
        assert 'onerror="window.__pwned=2;alert(2)"' in text
        # an inline script injected into the page is blocked by the CSP
        page.evaluate("""() => { window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));
            const s = document.createElement('script'); s.textContent = 'window.__inline = 1';
            document.body.appendChild(s); }""")
        page.wait_for_function("() => window.__csp.length > 0")  # the violation is reported, the script blocked
        assert page.evaluate("() => window.__inline") is None, "the CSP let an inline script run"
        assert any("script-src" in v for v in page.evaluate("() => window.__csp"))
    finally:
        context.close()
    assert dialogs == [], f"dialogs opened: {dialogs}"
    assert errors == [], f"page errors: {errors}"
