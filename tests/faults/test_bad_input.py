"""Bad input through ``vorleser build``: exit 2 with one line, or a correct build. Never a traceback.

Small cases live in tests/data/bad/; big ones are generated here. URLs are
served by a local http.server on 127.0.0.1. Builds run in-process through
``app.cli.main`` (an exception escaping it fails the test, as a traceback
would); the PNG case also runs as a real subprocess.

TABLE: case -> expected outcome (exit code, message substring or "builds")
"""
from __future__ import annotations

import collections
import json
import random
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.model import from_raw
from app.sources import load_source
from tests.faults.fault_support import BAD_DIR, ROOT, assert_one_line_error, cli

# (case id, source: file in tests/data/bad, "gen:<name>" or "url:<path>", exit code, substring | "builds")
TABLE = [
    ("empty", "empty.txt", 2, "is empty"),
    ("whitespace-only", "whitespace.txt", 2, "is empty"),
    ("binary-png", "image.txt", 2, "PNG image"),
    ("latin-1-bytes", "latin1.txt", 2, "not valid UTF-8"),
    ("utf-16-bom", "utf16-bom.txt", 0, "builds"),
    ("5000-char-sentence", "gen:long-sentence.txt", 0, "builds"),      # split for synthesis, no text lost
    ("only-headings", "only-headings.md", 0, "builds"),                # title only; empty sections dropped
    ("only-title", "only-title.txt", 0, "builds"),
    ("html-script-onerror-javascript", "script.html", 0, "builds"),   # no script text is spoken
    ("nested-html-10000", "gen:nested.html", 0, "builds"),
    ("page-without-text", "no-text.html", 2, "no article text"),
    ("english-article", "english.txt", 0, "builds"),
    ("url-404", "url:/fehlt", 2, "HTTP 404"),
    ("url-500", "url:/kaputt", 2, "HTTP 500"),
    ("url-redirect-loop", "url:/schleife", 2, "too many redirects"),
    ("url-not-html", "url:/bild.png", 2, "not a web page"),
    ("url-50-mb-body", "url:/riesig", 2, "larger than"),
]
# ("1-mb-paragraph", generated): import + sentence split only (in-process load_source + from_raw),
# all words must survive; synthesising 1 MB would take minutes. See test_one_megabyte_paragraph.

WORD = re.compile(r"\w+")
WORDS = "Regierung Treffen Nordkorea Russland Unterstützung Frieden Wirtschaft Menschen Straße Abkommen".split()


def _generate(name: str, folder: Path) -> Path:
    rng = random.Random(name)
    path = folder / name
    if name == "long-sentence.txt":  # 5,000 characters, no punctuation at all
        sentence = " ".join(rng.choice(WORDS).lower() for _ in range(800))[:5000].rsplit(" ", 1)[0]
        path.write_text(f"Ein sehr langer Satz\nDer Vorspann ist kurz.\nAbschnitt\n{sentence}\n", "utf-8")
    elif name == "nested.html":
        depth = 10_000
        path.write_text("<!doctype html><html lang=\"de\"><head><title>Tief verschachtelt</title></head><body>"
                        + "<div>" * depth + "<p>Ganz tief unten steht ein Satz. Und noch einer.</p>"
                        + "</div>" * depth + "</body></html>", "utf-8")
    return path


class _Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # bodies end when the connection closes: no Content-Length needed

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/schleife":
            self.send_response(302)
            self.send_header("Location", "/schleife")
            self.end_headers()
        elif self.path == "/kaputt":
            self.send_error(500)
        elif self.path == "/bild.png":
            body = (BAD_DIR / "image.txt").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/riesig":  # 50 MB of HTML, no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = b"<p>" + b"Viel Text ohne Ende. " * 3000 + b"</p>\n"
            sent = 0
            try:
                while sent < 50 * 1024 * 1024:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client stopped reading: what we want
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def _input_words(path: Path) -> list[str]:
    data = path.read_bytes()
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8")
    if path.suffix == ".html":
        return []
    return WORD.findall(re.sub(r"^#+", "", text, flags=re.M))


@pytest.mark.parametrize("case, source, code, expected", TABLE, ids=[row[0] for row in TABLE])
def test_bad_input(case, source, code, expected, tmp_path, site, no_proxy):
    if source.startswith("gen:"):
        path = _generate(source[4:], tmp_path)
        spec = str(path)
    elif source.startswith("url:"):
        path, spec = None, site + source[4:]
    else:
        path = BAD_DIR / source
        spec = str(path)
    out = tmp_path / "audio"
    got, stdout, err = cli(["build", spec, "--out", str(out), "--quiet"])
    assert "Traceback" not in err
    if expected != "builds":
        assert_one_line_error(got, err, expected)
        assert not [p for p in out.glob("*") if not p.name.startswith(".")] if out.exists() else True
        return
    assert got == code == 0, err
    slug = stdout.split(":", 1)[0]
    manifest = json.loads((out / slug / "manifest.json").read_text("utf-8"))
    texts = [manifest["article"]["title"]] + [s["text"] for sec in manifest["sections"] for s in sec["sentences"]]
    spoken = collections.Counter(WORD.findall(" ".join(texts)))
    for sec in manifest["sections"]:
        for sentence in sec["sentences"]:
            assert len(sentence["text"]) <= 400, "a sentence was not split for synthesis"
    if case == "only-headings":
        assert manifest["article"]["title"] == "Nur Überschriften"
        return
    if case == "html-script-onerror-javascript":
        joined = " ".join(texts)
        for word in ("Skripte", "normaler", "Verweis", "Klick-Handler"):
            assert word in joined
        for bad in ("alert", "onerror", "javascript", "head-script", "body-script", "color"):
            assert bad not in joined, f"{bad!r} would be read aloud"
        return
    if case == "nested-html-10000":
        assert "Ganz tief unten steht ein Satz." in texts
        return
    missing = collections.Counter(_input_words(path)) - spoken
    assert not missing, f"words lost: {list(missing)[:10]}"


def test_binary_input_in_a_real_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "app.cli", "build", str(BAD_DIR / "image.txt"),
                           "--out", str(tmp_path), "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert_one_line_error(proc.returncode, proc.stderr, "PNG image")
    assert proc.stdout == ""


def test_one_megabyte_paragraph(tmp_path):
    """Import and sentence split of a 1 MB single paragraph: every word survives (no synthesis)."""
    rng = random.Random(1)
    parts, size = [], 0
    while size < 1_000_000:
        parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))) + rng.choice(".,;!?"))
        size += len(parts[-1]) + 1
    paragraph = " ".join(parts)
    path = tmp_path / "megabyte.txt"
    path.write_text(f"Ein Megabyte in einem Absatz\nKurzer Vorspann.\nAbschnitt\n{paragraph}\n", "utf-8")
    article = from_raw(load_source(str(path)), "megabyte")
    body = [s.text for s in article.sections[-1].sentences if s.kind == "text"]
    assert max(len(t) for t in body) <= 400
    assert collections.Counter(WORD.findall(" ".join(body))) == collections.Counter(WORD.findall(paragraph))
