"""Shared pieces of the benchmark: result rows, paired timing, the bundled
article, a real server in a subprocess, free ports.

Every timing is a ratio against a baseline run in the same invocation, taken
as the median of per-pair ratios with baseline and subject runs interleaved
(A B A B A B), because the machine is shared and noisy.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
log = logging.getLogger("bench")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]
QUICK_SECTIONS = 1  # --quick builds only the title section and the first section(s)


class BenchError(Exception):
    """A measurement could not be taken; the message says what and why."""


@dataclass
class Row:
    metric: str  # metric id (first row of a metric) or "id.part" for extra rows
    label: str
    measured: float | None
    unit: str
    target: str = ""  # e.g. "<= 1.5"; empty = informational
    ok: bool | None = None
    details: dict = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.measured is None:
            return "ERROR"
        return "-" if self.ok is None else ("PASS" if self.ok else "FAIL")

    def as_dict(self) -> dict:
        return {"metric": self.metric, "label": self.label, "measured": self.measured, "unit": self.unit,
                "target": self.target, "status": self.status, "details": self.details}


def check(metric: str, label: str, value: float, unit: str, op: str, limit: float, **details) -> Row:
    """A row with a target: op is '<=' or '>=' (or '==')."""
    ok = {"<=": value <= limit, ">=": value >= limit, "==": value == limit}[op]
    return Row(metric, label, round(value, 4), unit, f"{op} {limit:g}", ok, details)


def info(metric: str, label: str, value: float, unit: str, **details) -> Row:
    return Row(metric, label, round(value, 4), unit, "", None, details)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def paired_ratio(base: list[float], subject: list[float]) -> float:
    """Median of per-pair ratios subject_i / base_i (pairs ran side by side)."""
    return median([s / b for b, s in zip(base, subject)])


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen | None, log_path: Path | None, timeout: float = 40.0) -> None:
    """Wait until ``url`` answers 200; fail with the server's output if it dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            tail = log_path.read_text("utf-8", "replace")[-2000:] if log_path else ""
            raise BenchError(f"server exited with code {proc.returncode} before answering {url}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as rsp:
                if rsp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"{url} did not answer within {timeout:.0f} s")


class Context:
    """Options plus lazily created shared resources, cleaned up at the end."""

    def __init__(self, quick: bool, runs: int, keep: bool = False):
        self.quick, self.runs = quick, runs
        self.tmp = Path(tempfile.mkdtemp(prefix="vorleser-bench-"))
        self.stack = contextlib.ExitStack()
        self.cache: dict = {}
        self.keep = keep

    def close(self) -> None:
        self.stack.close()
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name: str) -> Path:
        p = self.tmp / name
        p.mkdir(parents=True, exist_ok=True)
        return p

    # -- the bundled article ---------------------------------------------------------------
    def source(self) -> tuple[str | None, str, str]:
        """(source spec for load_source, slug, text) of the article under test: the
        bundled article; with --quick its first QUICK_SECTIONS sections only
        (a text file, built under the bundled slug)."""
        if "source" not in self.cache:
            from app.sources import load_source, suggest_slug
            from app.sources.load import DEFAULT_ARTICLE
            text = DEFAULT_ARTICLE.read_text("utf-8")
            slug = suggest_slug(None, load_source(None))
            spec = None
            if self.quick:
                raw = load_source(None)
                lines = [raw.title, raw.teaser]
                for section in raw.sections[:QUICK_SECTIONS]:
                    lines += [section.heading, *section.paragraphs]
                text = "\n".join(lines) + "\n"
                spec = str(self.path("source") / f"{slug}.txt")
                Path(spec).write_text(text, "utf-8")
            self.cache["source"] = (spec, slug, text)
        return self.cache["source"]

    def article(self):
        """(article, engine) for the article under test, loaded once."""
        if "article" not in self.cache:
            from app.engines import get_engine
            from app.model import from_raw
            from app.sources import load_source
            spec, slug, _ = self.source()
            self.cache["article"] = (from_raw(load_source(spec), slug), get_engine("espeak"))
        return self.cache["article"]

    def bundled(self) -> dict:
        """The bundled article built once in-process with the encoder wrapped so
        that the exact PCM of every MP3 is kept: {"dir", "slug", "manifest", "pcm"}."""
        if "bundled" not in self.cache:
            from app.pipeline import encode as enc
            from app.pipeline.build import BuildOptions, build_article
            article, engine = self.article()
            out = self.path("served")
            captured: dict[str, tuple[bytes, int]] = {}
            real = enc.encode_mp3

            def spy(chunks, rate, path, *a, **k):
                data = b"".join(chunks)
                captured[Path(path).name.strip(".").removesuffix(".tmp")] = (data, rate)
                return real(data, rate, path, *a, **k)

            enc.encode_mp3 = spy
            try:
                build_article(article, engine, BuildOptions(out_dir=out, quiet=True))
            finally:
                enc.encode_mp3 = real
            manifest = json.loads((out / article.slug / "manifest.json").read_text("utf-8"))
            self.cache["bundled"] = {"dir": out, "slug": article.slug, "manifest": manifest, "pcm": captured}
        return self.cache["bundled"]

    def browser(self):
        """Headless Chromium via Playwright, launched once (closed at the end)."""
        if "browser" not in self.cache:
            from playwright.sync_api import sync_playwright
            if not Path(CHROMIUM).exists():
                raise BenchError(f"{CHROMIUM} is missing; install it with 'apt-get install -y chromium'")
            pw = sync_playwright().start()
            self.stack.callback(pw.stop)
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            self.stack.callback(browser.close)
            self.cache["browser"] = browser
        return self.cache["browser"]

    def server(self) -> str:
        """Base URL of `python -m app.cli serve` on the bundled build (started once)."""
        if "server" not in self.cache:
            b = self.bundled()
            port = free_port()
            log_path = self.tmp / "server.log"
            logf = open(log_path, "wb")
            proc = subprocess.Popen([PYTHON, "-m", "app.cli", "serve", "--port", str(port),
                                     "--audio-dir", str(b["dir"])], cwd=ROOT, stdout=logf,
                                    stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
            self.stack.callback(_stop, proc, logf)
            base = f"http://127.0.0.1:{port}"
            wait_http(base + "/healthz", proc, log_path)
            self.cache["server"] = base
        return self.cache["server"]


def _stop(proc: subprocess.Popen, logf) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    logf.close()
