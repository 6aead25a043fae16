"""A library of 50 small articles: one `vorleser build FOLDER` builds them all
in parallel, and the library page lists every one of them."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import create_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
COUNT = 50
CITIES = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Kiel", "Mainz", "Erfurt"]


def article_text(n: int) -> str:
    city = CITIES[n % len(CITIES)]
    return (f"Bericht Nummer {n + 1} aus {city}\n"
            f"Ein kurzer Vorspann zum Bericht aus {city}.\n"
            "Der Anlass\n"
            f"In {city} trafen sich am Montag {n + 3} Fachleute. Sie sprachen über den Verkehr.\n"
            "Der Ausblick\n"
            "Im nächsten Jahr soll es ein weiteres Treffen geben.\n")


def test_fifty_articles_build_in_parallel_and_fill_the_library(tmp_path):
    sources = tmp_path / "quellen"
    sources.mkdir()
    for n in range(COUNT):
        (sources / f"bericht-{n + 1:02d}.txt").write_text(article_text(n), encoding="utf-8")
    out = tmp_path / "audio"
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "app.cli", "build", str(sources), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    seconds = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr[-3000:]
    manifests = sorted(out.glob("*/manifest.json"))
    assert len(manifests) == COUNT
    for path in manifests:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        assert len(manifest["sections"]) == 3 and manifest["duration_ms"] > 3000
    print(f"\n{COUNT} articles in {seconds:.1f} s = {seconds / COUNT:.2f} s per article")

    client = create_app({"AUDIO_DIR": out, "TESTING": True}).test_client()
    html = client.get("/").get_data(as_text=True)
    links = set(re.findall(r'href="(/artikel/[a-z0-9-]+)"', html))
    assert len(links) == COUNT
    for n in range(COUNT):
        assert f"Bericht Nummer {n + 1} aus" in html
