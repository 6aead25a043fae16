"""Helpers for the fault tests: run the CLI, start the real server, check a served build.

A served build is checked through ``<audio>/<slug>/`` exactly as the reader sees
it: the folder holds only the files its manifest names (no temp or partial
files), every size matches, and every MP3 decodes to the manifest's duration.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import select
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from app.checkpoints import ENV as CHECKPOINTS_ENV
from app.ffmpeg import decode_pcm
from tests.support import stop, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
BAD_DIR = ROOT / "tests" / "data" / "bad"
SLUG = "nordkorea-russland"
BUNDLED = ROOT / "app" / "articles" / f"{SLUG}.txt"
FRAME_MS = 53  # one MPEG-1 layer III frame (1152 samples) at 22.05 kHz
FRAME_SAMPLES = 1152
IN_CI = os.environ.get("CI") == "true"


def cli(argv: list[str]) -> tuple[int, str, str]:
    """Run ``app.cli.main`` in-process; return (exit code, stdout, stderr incl. log lines).

    An exception escaping ``main`` is a bug (the user would see a traceback),
    so it is not caught here: the calling test fails with it."""
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(err)  # what logging.basicConfig would print to stderr
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("vorleser: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        root.removeHandler(handler)
    return code, out.getvalue(), err.getvalue()


@dataclass
class HeldBuild:
    """A CLI subprocess that stops at named checkpoints (see app/checkpoints.py).

    ``reached`` is the checkpoint it is held at, or None when it ended without
    reaching one. While held, send it a signal, or :meth:`release` it."""

    proc: subprocess.Popen
    reached: str | None
    go_fd: int
    reached_fd: int

    @classmethod
    def start(cls, argv: list[str], checkpoints: list[str], timeout: float = 180) -> "HeldBuild":
        reached_r, reached_w = os.pipe()
        go_r, go_w = os.pipe()
        env = {**os.environ, CHECKPOINTS_ENV: f"{reached_w}:{go_r}:{','.join(checkpoints)}"}
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True, pass_fds=(reached_w, go_r), env=env)
        os.close(reached_w)
        os.close(go_r)
        build = cls(proc, None, go_w, reached_r)
        if checkpoints:
            build.reached = build._wait(timeout)
        return build

    def _wait(self, timeout: float) -> str | None:
        line = b""
        while not line.endswith(b"\n"):
            ready, _, _ = select.select([self.reached_fd], [], [], timeout)
            if not ready:
                self.proc.kill()
                raise TimeoutError(f"no checkpoint within {timeout} s")
            chunk = os.read(self.reached_fd, 64)
            if not chunk:  # the build ended (or died) without reaching a checkpoint
                return None
            line += chunk
        return line.decode().strip()

    def release(self) -> None:
        """Let the held build go on."""
        with contextlib.suppress(BrokenPipeError):
            os.write(self.go_fd, b"\n")

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read() if self.proc.stderr else ""

    def close(self) -> None:
        for fd in (self.go_fd, self.reached_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


def assert_one_line_error(code: int, err: str, needle: str = "") -> str:
    """Exit 2, exactly one stderr line starting 'vorleser: error:', no traceback."""
    assert "Traceback" not in err, err
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert code == 2, f"exit {code}, stderr: {err!r}"
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {lines}"
    assert lines[0].startswith("vorleser: error:"), lines[0]
    assert needle.lower() in lines[0].lower(), f"{needle!r} not in {lines[0]!r}"
    return lines[0]


def copy_build(src: Path, dst: Path) -> Path:
    """Copy an audio folder (cache, versions, symlinks) so a test may change it."""
    shutil.copytree(src, dst, symlinks=True)
    return dst


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def manifest_files(manifest: dict) -> dict[str, dict]:
    """File name -> its manifest entry (MP3s) or {} (side files)."""
    files = {s["file"]: s for s in manifest["sections"]}
    files[manifest["full"]["file"]] = manifest["full"]
    for key in ("captions", "chapters", "lexicon"):
        if manifest.get(key):
            files[manifest[key]] = {}
    files["manifest.json"] = {}
    return files


class BuildChecker:
    """Checks served builds; remembers decoded MP3s by checksum so identical files decode once."""

    def __init__(self) -> None:
        self.samples: dict[str, int] = {}  # sha256 -> decoded sample count
        self.digests: dict[tuple, str] = {}  # (dev, inode, size, mtime) -> sha256; any write changes mtime
        self.decoded = 0

    def digest(self, path: Path) -> str:
        info = path.stat()
        key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if key not in self.digests:
            self.digests[key] = sha256(path)
        return self.digests[key]

    def check(self, out_dir: Path, slug: str) -> tuple[dict, dict[str, str]]:
        """Check ``out_dir/slug`` as served; return (manifest, {file: sha256})."""
        link = out_dir / slug
        assert link.is_symlink(), f"{link} is not the version symlink"
        target = link.resolve()
        assert target.is_dir() and not target.name.endswith(".partial"), target
        manifest = json.loads((link / "manifest.json").read_text("utf-8"))
        files = manifest_files(manifest)
        listing = set(os.listdir(link))
        assert listing == set(files), f"unexpected files served: {sorted(listing ^ set(files))}"
        rate = manifest["audio"]["sample_rate"]
        digests, todo = {}, []
        for name, entry in files.items():
            path = link / name
            assert path.is_file() and not path.is_symlink(), name
            if not entry:
                assert path.stat().st_size > 0, name
                continue
            assert path.stat().st_size == entry["bytes"], f"{name}: size differs from the manifest"
            digests[name] = self.digest(path)
            if digests[name] not in self.samples:
                todo.append((name, path, entry))
        for vtt in (manifest["captions"], manifest["chapters"]):
            assert (link / vtt).read_text("utf-8").startswith("WEBVTT"), vtt
        with ThreadPoolExecutor(max_workers=2) as pool:  # two ffmpeg decoders at once
            decoded = list(pool.map(lambda t: len(decode_pcm(t[1], rate)) // 2, todo))
        for (name, _, entry), samples in zip(todo, decoded):
            self.decoded += 1
            self.samples[digests[name]] = samples
            assert abs(samples * 1000 / rate - entry["duration_ms"]) <= FRAME_MS, \
                f"{name}: decodes to {samples} samples, manifest says {entry['duration_ms']} ms"
            if "samples" in entry:
                assert abs(samples - entry["samples"]) <= FRAME_SAMPLES, name
        return manifest, digests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def real_server(audio_dir: Path):
    """``vorleser serve`` in a subprocess on a free port; yields the port."""
    port = free_port()
    log = open(audio_dir.parent / f"server-{port}.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port),
                             "--audio-dir", str(audio_dir)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    def output() -> str:
        log.seek(0)
        return log.read()

    try:
        wait_until_serving(proc, f"http://127.0.0.1:{port}/healthz", 30, output)
        yield port
    finally:
        stop(proc)
        text = output()
        log.close()
        assert "Traceback" not in text, text
