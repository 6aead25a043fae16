"""Smoke run of scripts/bench.py --quick: it runs to the end and measures every
metric but the slow ones. Only that is asserted, never a timing (the machine is shared)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from bench import METRICS, SLOW  # noqa: E402


@pytest.mark.bench
def test_quick_bench_measures_every_metric(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=170)  # a hang guard, not a timing: the queue rows start Redis, workers and nginx
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out.read_text("utf-8"))
    assert data["quick"] is True
    for metric in set(METRICS) - SLOW:  # SLOW ones (Lighthouse) run only in a full bench
        row = data["metrics"].get(metric)
        assert row is not None, f"{metric} missing from the results"
        assert isinstance(row["measured"], (int, float)), f"{metric}: {row['details'].get('error')}"
        # a row with a target is judged; an informational row (no target) shows "-"
        expected = ("PASS", "FAIL") if row["target"] else ("-",)
        assert row["status"] in expected, f"{metric}: {row['status']} (target {row['target']!r})"
        judged = [r for key, r in data["metrics"].items() if key.split(".")[0] == metric and r["target"]]
        assert judged, f"{metric}: no row with a target"
