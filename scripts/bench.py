#!/usr/bin/env python3
"""Vorleser benchmark: build speed, rebuilds, gTTS, highlight lag, MP3
alignment, page weight, the reader's start (time to player, layout shift,
start weight), Lighthouse scores, server load, memory and the pronunciation
lexicon's cost, each against a target.

Every timing is a ratio against a baseline measured side by side in the same
invocation (median of per-pair ratios, runs interleaved A B A B A B), never a
bare time: the machine is small, shared and noisy.

    .venv/bin/python scripts/bench.py                 # full run (several minutes)
    .venv/bin/python scripts/bench.py --quick         # smoke version (1 run each, small loads, no Lighthouse)
    .venv/bin/python scripts/bench.py --only cold_build,memory --runs 5

Prints a table (metric, measured, target, PASS/FAIL), writes the same as JSON
(default bench-results.json in the repository root) and exits 0 unless the
command line itself is wrong. A metric that could not be measured shows ERROR.
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import json
import logging
import os
import platform
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib.common import Context, Row  # noqa: E402

# metric id -> (module in benchlib, function, label used when it fails)
METRICS = {
    "cold_build": ("builds", "cold_build", "cold build / physical limit"),
    "nochange_rebuild": ("builds", "nochange_rebuild", "no-change rebuild / cold build"),
    "edit_rebuild": ("builds", "edit_rebuild", "one-sentence edit rebuild / cold build"),
    "gtts": ("gtts_bench", "gtts", "gTTS engine / plain gTTS per section"),
    "highlight_lag": ("highlight", "highlight_lag", "highlight lag p95"),
    "mp3_alignment": ("align", "mp3_alignment", "max |offset| decoded MP3 vs source PCM"),
    "page_weight": ("weight", "page_weight", "reader page weight (gzip)"),
    "start": ("start", "start", "player ready after DOMContentLoaded"),
    "lighthouse": ("lighthouse", "lighthouse", "Lighthouse mobile scores"),
    "server_load": ("load", "server_load", "server under load"),
    "memory": ("memory", "memory", "peak RSS of a cold build"),
    "lexicon": ("lexicon_cost", "lexicon_cost", "pronunciation lexicon / cold build"),
    "queue_scaling": ("queue_bench", "queue_scaling", "queue: 2 workers / 1 worker"),
    "queue_latency": ("queue_bench", "queue_latency", "queue: submission to fertig - CLI build"),
    "xaccel": ("xaccel", "xaccel", "MP3 Range mix via nginx + X-Accel / nginx"),
    "queue_faults": ("queue_bench", "queue_faults", "queue faults: jobs completed"),
    "align_accuracy": ("align_accuracy", "align_accuracy", "forced alignment (vorleser align)"),
}
# Too slow for --quick (the smoke test runs that): measured only in a full run or when named in --only.
SLOW = {"lighthouse"}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="bench.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fast smoke version: 1 run each, short durations, small loads")
    p.add_argument("--only", metavar="METRIC[,METRIC]", help=f"run only these metrics: {', '.join(METRICS)}")
    p.add_argument("--runs", type=int, metavar="N", help="runs per timing (default 3, --quick 1)")
    p.add_argument("--json", metavar="PATH", default=str(ROOT / "bench-results.json"),
                   help="where to write the results (default bench-results.json in the repo root)")
    p.add_argument("--keep", action="store_true", help="keep the temporary work folder (for debugging)")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress")
    ns = p.parse_args(argv)
    if ns.only:
        wanted = [m.strip() for m in ns.only.split(",") if m.strip()]
        unknown = [m for m in wanted if m not in METRICS]
        if unknown:
            p.error(f"unknown metric(s) {', '.join(unknown)}; choose from {', '.join(METRICS)}")
        ns.only = wanted
    else:
        ns.only = [m for m in METRICS if not (ns.quick and m in SLOW)]
    if ns.runs is None:
        ns.runs = 1 if ns.quick else 3
    if ns.runs < 1:
        p.error("--runs must be 1 or more")
    return ns


def run_metric(metric: str, ctx: Context) -> tuple[list[Row], float]:
    module, func, label = METRICS[metric]
    t0 = time.monotonic()
    try:
        rows = getattr(importlib.import_module(f"benchlib.{module}"), func)(ctx)
    except Exception as exc:  # one failed metric must not hide the others
        logging.getLogger("bench").debug("metric %s failed", metric, exc_info=True)
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows = [Row(metric, label, None, "", "", None, {"error": tb})]
    return rows, time.monotonic() - t0


def fmt_value(row: Row) -> str:
    if row.measured is None:
        return "-"
    v = row.measured
    text = f"{v:.3f}" if abs(v) < 10 and v != int(v) else f"{v:,.1f}".removesuffix(".0")
    return f"{text} {row.unit}".strip()


def table(rows: list[Row]) -> str:
    head = ("metric", "measured", "target", "result")
    lines = [(r.label, fmt_value(r), f"{r.target} {r.unit}".strip() if r.target else "", r.status) for r in rows]
    widths = [max(len(x[i]) for x in [head, *lines]) for i in range(4)]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths)), "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths)) for line in lines]
    for r in rows:
        if r.measured is None:
            out.append(f"ERROR {r.metric}: {r.details.get('error')}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ns = parse_args(argv)
    logging.basicConfig(level=logging.INFO if ns.verbose else logging.WARNING, format="bench: %(message)s")
    ctx = Context(quick=ns.quick, runs=ns.runs, keep=ns.keep)
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    try:
        for metric in ns.only:
            print(f"bench: {metric} ...", file=sys.stderr, flush=True)
            got, seconds[metric] = run_metric(metric, ctx)
            rows += got
    finally:
        ctx.close()
    print(table(rows))
    result = {
        "schema": "vorleser-bench/1",
        "when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "quick": ns.quick, "runs": ns.runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg": list(os.getloadavg())},
        "seconds": {k: round(v, 1) for k, v in seconds.items()},
        "metrics": {r.metric: r.as_dict() for r in rows},
    }
    Path(ns.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"bench: results written to {ns.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
