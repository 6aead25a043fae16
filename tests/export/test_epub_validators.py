"""The EPUBs pass EPUBCheck (0 errors, 0 warnings) and DAISY Ace (0 violations).

The fixtures install a missing validator (EPUBCheck with apt-get when root,
Ace with npm into $VORLESER_ACE_DIR, default .tools/ace; scripts/test.sh installs
both up front). If that is impossible the tests are skipped
with the install command, and FAIL when CI=true.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.export.export_support import require

ROOT = Path(__file__).resolve().parents[2]
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
ACE_DIR = Path(os.environ.get("VORLESER_ACE_DIR") or ROOT / ".tools" / "ace")
ACE_BIN = ACE_DIR / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = Path("/usr/bin/chromium")
EPUBCHECK_INSTALL = "apt-get install -y epubcheck"
ACE_INSTALL = (f"mkdir -p {ACE_DIR} && cd {ACE_DIR} && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 "
               "npm install @daisy/ace-cli @daisy/ace-axe-runner-puppeteer")


def _run(cmd: list[str] | str, timeout: int, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)


@pytest.fixture(scope="session")
def epubcheck() -> list[str]:
    if not EPUBCHECK_JAR.exists() and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        _run(["apt-get", "install", "-y", "epubcheck"], 600, env=env)
    require(EPUBCHECK_JAR.exists() and shutil.which("java") is not None, "EPUBCheck", EPUBCHECK_INSTALL)
    # C1-only JIT and the serial GC: a third of the CPU time for a short run like this.
    return ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK_JAR)]


@pytest.fixture(scope="session")
def ace() -> list[str]:
    if not ACE_BIN.exists() and shutil.which("npm"):
        ACE_DIR.mkdir(parents=True, exist_ok=True)
        _run(ACE_INSTALL, 900, shell=True)
    require(ACE_BIN.exists(), "DAISY Ace", ACE_INSTALL)
    require(CHROMIUM.exists(), "Chromium (for Ace)", "apt-get install -y chromium")
    return [str(ACE_BIN)]


def epubcheck_messages(cmd: list[str], book: Path, tmp_path: Path) -> tuple[dict, list[dict]]:
    report = tmp_path / "epubcheck.json"
    proc = _run([*cmd, str(book), "--json", str(report)], 300)
    if not report.exists():
        pytest.fail(f"EPUBCheck wrote no report ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return data, data.get("messages", [])


def ace_violations(cmd: list[str], book: Path, tmp_path: Path) -> tuple[dict, list[dict]]:
    out = tmp_path / "ace"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    proc = _run([*cmd, "-f", "-s", "-o", str(out), str(book)], 300, env=env)
    report = out / "report.json"
    if not report.exists():
        pytest.fail(f"Ace wrote no report ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    violations = [
        {"file": doc["earl:testSubject"]["url"], "rule": a["earl:test"]["dct:title"],
         "impact": a["earl:test"].get("earl:impact"), "what": a["earl:result"].get("dct:description")}
        for doc in data.get("assertions", []) for a in doc.get("assertions", [])
        if a["earl:result"]["earl:outcome"] == "fail"
    ]
    return data, violations


@pytest.mark.parametrize("which", ["medium_epub", "medium_epub_words"])
def test_epubcheck_reports_no_errors_and_no_warnings(which, epubcheck, request, tmp_path):
    book = request.getfixturevalue(which)
    data, messages = epubcheck_messages(epubcheck, book, tmp_path)
    problems = [m for m in messages if m.get("severity") in ("FATAL", "ERROR", "WARNING")]
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)
    assert data["publication"]["language"] == "de"
    assert data["checker"]["nFatal"] == data["checker"]["nError"] == data["checker"]["nWarning"] == 0


@pytest.mark.parametrize("which", ["medium_epub", "medium_epub_words"])
def test_ace_reports_no_violations(which, ace, request, tmp_path):
    book = request.getfixturevalue(which)
    data, violations = ace_violations(ace, book, tmp_path)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    assert data["earl:result"]["earl:outcome"] == "pass"
    present = set(data["a11y-metadata"]["present"])
    assert {"schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
            "schema:accessibilitySummary", "schema:accessModeSufficient"} <= present
