"""Fixtures for the source tests: the shared HTML corpus and a local web server."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "html"


def corpus_dir() -> Path:
    """The shared corpus beside the repo; missing -> fail in CI, skip elsewhere."""
    if not (CORPUS / "expectations.json").is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"HTML corpus missing at {CORPUS} (CI=true)")
        pytest.skip(f"HTML corpus missing at {CORPUS}")
    return CORPUS


def corpus_expectations() -> dict[str, dict]:
    if not (CORPUS / "expectations.json").is_file():
        return {}
    data = json.loads((CORPUS / "expectations.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def article_text(raw) -> str:
    parts = [raw.title, raw.teaser]
    for section in raw.sections:
        parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n".join(parts)


SMALL_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Kleiner Testartikel | Testzeitung</title>
<meta name="description" content="Ein kurzer Vorspann zum Test.">
<script>var geheim = "SKRIPTINHALT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Kleiner Testartikel</h1>
<p>Der erste Absatz des Artikels erzählt von Pjöngjang und Moskau. Er ist lang genug, damit die
Extraktion ihn als Haupttext erkennt, und er enthält ein paar Sätze mehr als nötig.</p>
<h2>Was steckt dahinter?</h2>
<p>Im zweiten Absatz steht der Code &lt;script&gt;alert(1)&lt;/script&gt; als sichtbarer Text.
Auch dieser Absatz hat mehrere Sätze, damit er nicht als Rauschen gilt.</p>
<noscript>NOSCRIPTINHALT</noscript>
<ul><li>Erster Punkt der Liste mit etwas Text.</li><li>Zweiter Punkt der Liste mit Text.</li></ul>
</article><footer>Impressum Datenschutz</footer></body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        path = self.path.split("?", 1)[0]
        try:
            self._route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size cap)

    def _route(self, path: str) -> None:
        if path.startswith("/corpus/"):
            file = CORPUS / path.removeprefix("/corpus/")
            self._send(200, file.read_bytes(), "text/html")
        elif path == "/small":
            self._send(200, SMALL_PAGE.encode("utf-8"))
        elif path == "/ua":
            ua = self.headers.get("User-Agent", "")
            page = SMALL_PAGE.replace("Pjöngjang", f"Kennung {ua} Kennung")
            self._send(200, page.encode("utf-8"))
        elif path == "/latin1":
            page = SMALL_PAGE.replace('<meta charset="utf-8">', "")
            self._send(200, page.encode("latin-1", "replace"), "text/html; charset=ISO-8859-1")
        elif path == "/text":
            body = "Titel aus Text\nVorspann.\nÜberschrift\nEin Absatz mit Umlauten: äöü.\n"
            self._send(200, body.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/redirect":
            self._send(302, b"", headers={"Location": "/small"})
        elif path == "/loop":
            self._send(302, b"", headers={"Location": "/loop"})
        elif path == "/missing":
            self._send(404, b"<html><body>Nicht gefunden</body></html>")
        elif path == "/broken":
            self._send(500, b"<html><body>Serverfehler</body></html>")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/huge-declared":
            self._send(200, b"<html></html>", headers={"Content-Length": str(50 * 1024 * 1024)})
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
            for _ in range(11 * 1024 * 1024 // len(chunk) + 2):
                self.wfile.write(chunk)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, SMALL_PAGE.encode("utf-8"))
        elif path == "/empty":
            self._send(200, b"<html><head><title>Leer</title></head><body><nav>Men\xc3\xbc</nav></body></html>")
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="session")
def http_base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
