"""Real-browser fixtures: the bundled article is built ONCE per session with
the real CLI, served by the real server in a subprocess, and driven by the
system Chromium through Playwright."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tests.browser.browser_support import PROBE, SLUG, probe_text
from tests.support import stop, wait_until_serving

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(out: Path, *sources: str, slug: str | None = None) -> None:
    """`vorleser build` of ``sources`` (none: the bundled article) into ``out``."""
    args = [*sources, *(["--slug", slug] if slug else [])]
    proc = subprocess.run([sys.executable, "-m", "app.cli", "build", *args, "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory) -> Path:
    """The bundled article, and PROBE, a two-section article that tests may rebuild (offline updates)."""
    out = tmp_path_factory.mktemp("browser-audio")
    build(out)
    source = tmp_path_factory.mktemp("probe") / f"{PROBE}.txt"
    source.write_text(probe_text(1), encoding="utf-8")
    build(out, str(source), slug=PROBE)
    return out


@pytest.fixture(scope="session")
def base_url(audio_dir, tmp_path_factory) -> str:
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir", str(audio_dir)],
            cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(proc, url + "/healthz", 30, log.read_text)
    yield url
    stop(proc)


@pytest.fixture(scope="session")
def manifest(base_url) -> dict:
    with urllib.request.urlopen(f"{base_url}/artikel/{SLUG}/manifest.json") as res:
        return json.load(res)


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def reader(context, base_url):
    """A fresh reader page with the player ready; collects page errors."""
    return open_reader(context, base_url)


def open_reader(context, base_url: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base_url}/artikel/{SLUG}")
    page.wait_for_selector("html.js", timeout=10000)
    return page


@pytest.fixture(scope="session")
def aligned_audio_dir(tmp_path_factory) -> Path:
    """The first five sections of the bundled article read by another eSpeak voice (the
    "narrator", 10 % slower, with a jingle intro), then timed with `vorleser align`."""
    from app.model import from_raw
    from app.sources import load_source
    from tests.align.groundtruth import Narrator, narrate

    work = tmp_path_factory.mktemp("browser-aligned")
    raw = load_source(None)
    raw.sections = raw.sections[:4]
    lines = [raw.title, raw.teaser]
    for section in raw.sections:
        lines += [section.heading, *section.paragraphs]
    source = work / "artikel.txt"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    truth = narrate(from_raw(raw, SLUG), Narrator("browser", tempo=0.9, fmt="wav", snr_db=30.0), work / "sprecher.wav")
    out = work / "audio"
    proc = subprocess.run([sys.executable, "-m", "app.cli", "align", str(source), str(truth.path), "--slug", SLUG,
                           "--out", str(out), "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"align failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return out


@pytest.fixture(scope="session")
def aligned_base_url(aligned_audio_dir, tmp_path_factory) -> str:
    port = _free_port()
    log = tmp_path_factory.mktemp("aligned-server") / "server.log"
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir", str(aligned_audio_dir)],
            cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(proc, url + "/healthz", 30, log.read_text)
    yield url
    stop(proc)
