"""Lighthouse (mobile preset: Moto G Power-sized screen, simulated slow 4G and
4x CPU slowdown) on the library and the reader page: performance and
accessibility scores, median of the runs.

Lighthouse is an npm package; it is taken from $VORLESER_LIGHTHOUSE (the CLI),
else from ~/.cache/vorleser-tools/lighthouse (installed there with npm on first
use, as scripts/test.sh does for DAISY Ace), and runs the system Chromium.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from .common import CHROMIUM, BenchError, Context, check, info, log, median

CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def lighthouse_cli() -> Path:
    own = os.environ.get("VORLESER_LIGHTHOUSE")
    if own:
        return Path(own)
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "vorleser-tools" / "lighthouse"
    cli = folder / "node_modules" / ".bin" / "lighthouse"
    if cli.exists():
        return cli
    npm = shutil.which("npm")
    if npm is None:
        raise BenchError("Lighthouse is missing and npm is not installed; install Node.js and npm, "
                         "or point VORLESER_LIGHTHOUSE at a lighthouse CLI")
    log.warning("installing Lighthouse into %s", folder)
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "lighthouse@12"], cwd=folder,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    if proc.returncode != 0 or not cli.exists():
        raise BenchError(f"npm install lighthouse failed: {proc.stderr.strip()[-500:]}")
    return cli


def audit(cli: Path, url: str) -> dict:
    proc = subprocess.run([str(cli), url, "--only-categories=performance,accessibility", "--output=json",
                           "--output-path=stdout", "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if proc.returncode != 0:
        raise BenchError(f"lighthouse {url} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    report = json.loads(proc.stdout)
    if report.get("runtimeError"):
        raise BenchError(f"lighthouse {url}: {report['runtimeError'].get('message')}")
    audits = report["audits"]
    return {"performance": report["categories"]["performance"]["score"] * 100,
            "accessibility": report["categories"]["accessibility"]["score"] * 100,
            **{key: round(audits[key]["numericValue"]) for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")},
            "cumulative-layout-shift": round(audits["cumulative-layout-shift"]["numericValue"], 4),
            "form_factor": report["configSettings"]["formFactor"],
            "throttling": report["configSettings"]["throttlingMethod"]}


def lighthouse(ctx: Context) -> list:
    cli = lighthouse_cli()
    base, slug = ctx.server(), ctx.bundled()["slug"]
    rows = []
    for name, label, url in (("library", "library", f"{base}/"), ("reader", "reader", f"{base}/artikel/{slug}")):
        runs = [audit(cli, url) for _ in range(ctx.runs)]
        perf = median([r["performance"] for r in runs])
        access = median([r["accessibility"] for r in runs])
        metric = "lighthouse" if name == "library" else f"lighthouse.{name}"
        rows += [check(metric, f"Lighthouse mobile performance, {label} (median of {len(runs)})", perf, "", ">=", 98,
                       runs=runs),
                 check(f"lighthouse.{name}.a11y", f"Lighthouse accessibility, {label}", access, "", "==", 100),
                 info(f"lighthouse.{name}.lcp", f"  largest contentful paint, {label} (simulated)",
                      median([r["largest-contentful-paint"] for r in runs]), "ms"),
                 info(f"lighthouse.{name}.tbt", f"  total blocking time, {label} (simulated)",
                      median([r["total-blocking-time"] for r in runs]), "ms")]
    return rows
