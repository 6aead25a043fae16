"""The release as a new user gets it: sdist and wheel, checked, installed with the pip that
ships with Python into a fresh venv, and run from a folder outside the checkout.

Editable installs hide missing package data (templates, static files, the schema), so
this installs the wheel, built from the sdist, as ``pip install vorleser`` would.
"""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support import stop, wait_until_serving

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SLUG = "nordkorea-russland"


def _run(argv: list, cwd: Path, timeout: float = 600, env: dict | None = None) -> str:
    proc = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=env)
    assert proc.returncode == 0, f"{argv[:3]} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=ROOT)  # sdist, then the wheel from it
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pyproject_lists_every_package():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT).parts) for p in [ROOT / "app", *(ROOT / "app").rglob("*")]
             if p.is_dir() and p.name != "__pycache__"}
    assert listed == found | {"app.templates"}, "list every folder of app/ in [tool.setuptools] packages"


def test_sdist_and_wheel_pass_twine_check(dist):
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"], files
    output = _run([sys.executable, "-m", "twine", "check", "--strict", *files], cwd=dist)
    assert output.count("PASSED") == 2, output


def test_wheel_carries_every_file_the_app_reads(dist):
    wheel = next(dist.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "ls-files", "templates", "app/static", "app/articles"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    expected = {("app/" + f) if f.startswith("templates/") else f for f in tracked}
    expected.add("app/manifest/schema.json")
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel: {missing}"
    assert not any(n.startswith(("tests/", "audio/", "scripts/")) for n in names)


def test_wheel_installed_with_bundled_pip_builds_serves_and_exports(dist, tmp_path):
    venv = tmp_path / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    _run([base_python, "-m", "venv", venv], cwd=tmp_path)
    pip_version = _run([venv / "bin" / "python", "-m", "pip", "--version"], cwd=tmp_path)
    wheel = next(dist.glob("*.whl"))
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=tmp_path, timeout=900)
    # what jusText needs through an extra that old pips drop, declared directly
    _run([venv / "bin" / "python", "-c", "import lxml.html.clean, fastjsonschema"], cwd=tmp_path)

    work = tmp_path / "anderswo"  # outside the checkout: nothing may come from the source tree
    work.mkdir()
    vorleser = venv / "bin" / "vorleser"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VORLESER_")}
    env["HOME"] = str(tmp_path / "home")
    assert _run([vorleser, "--version"], cwd=work, env=env).strip() == f"vorleser {wheel.name.split('-')[1]}"
    audio = work / "audio"
    summary = _run([vorleser, "build", "--out", audio, "--quiet"], cwd=work, env=env)
    assert f"{SLUG}: 14 sections" in summary
    _run([vorleser, "export", "epub", SLUG, "--audio-dir", audio, "-o", work / "buch.epub"], cwd=work, env=env)
    assert zipfile.ZipFile(work / "buch.epub").read("mimetype") == b"application/epub+zip"

    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([str(vorleser), "serve", "--port", str(port), "--audio-dir", str(audio)], cwd=work,
                            env=env, stdout=log, stderr=subprocess.STDOUT)

    def output() -> str:
        log.seek(0)
        return log.read()

    try:
        wait_until_serving(proc, f"http://127.0.0.1:{port}/healthz", 60, output)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for path, needle in (("/", "Nordkoreas Unterstützung"), (f"/artikel/{SLUG}", 'lang="de"'),
                             ("/feed.xml", "<enclosure")):
            conn.request("GET", path)
            reply = conn.getresponse()
            body = reply.read().decode("utf-8")
            assert reply.status == 200, (path, reply.status, body[:500])
            assert needle in body, path
        conn.request("GET", f"/artikel/{SLUG}/audio/02-einleitung.mp3", headers={"Range": "bytes=100-1099"})
        reply = conn.getresponse()
        body = reply.read()
        assert reply.status == 206 and len(body) == 1000
        assert reply.getheader("Content-Range").startswith("bytes 100-1099/")
        conn.close()
    finally:
        stop(proc)
        text = output()
        log.close()
    assert "Traceback" not in text, text
    print(f"\ninstalled with {pip_version.strip()}")
