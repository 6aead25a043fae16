"""Peak memory of a cold CLI build in a subprocess: ru_maxrss of that process
(os.wait4) and, sampled every 50 ms, the summed RSS of its process tree
(the build plus its concurrent ffmpeg encoders)."""
from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

from .common import PYTHON, ROOT, BenchError, Context, check


def _tree_rss_kb(pid: int) -> int:
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


# ru_maxrss of a child forked from this (large) process starts at this process's
# RSS (Linux carries the high-water mark over fork and exec), so the build runs
# under a tiny wrapper that forks it and reports the build's own rusage.
WRAPPER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
open(sys.argv[1], "w").write(json.dumps({"code": os.waitstatus_to_exitcode(status), "maxrss_kb": usage.ru_maxrss}))
"""


def peak_build(out: Path, source: str | None, slug: str | None) -> dict:
    cmd = [PYTHON, "-m", "app.cli", "build", "--out", str(out), "--quiet"]
    if source:
        cmd += [source, "--slug", slug]
    report = out.with_suffix(".rusage.json")
    proc = subprocess.Popen([PYTHON, "-c", WRAPPER, str(report), *cmd], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_data, err_data = proc.communicate()
    done.set()
    sampler.join()
    usage = json.loads(report.read_text()) if report.exists() else {"code": proc.returncode}
    if proc.returncode != 0 or usage["code"] != 0:
        raise BenchError(f"build failed (exit {usage['code']}): {err_data.decode(errors='replace')[-800:]}")
    return {"maxrss_mb": usage["maxrss_kb"] / 1024, "tree_peak_mb": peak[0] / 1024,
            "summary": out_data.decode(errors="replace").strip()}


def long_article(ctx: Context, folder: Path, times: int) -> Path:
    """The article text repeated ``times`` times, each copy's headings made distinct."""
    from app.sources import load_source
    raw = load_source(ctx.source()[0])
    lines = [raw.title, raw.teaser or ""]
    for k in range(1, times + 1):
        for section in raw.sections:
            lines.append(f"{section.heading} Teil {k}")
            lines += section.paragraphs
    path = folder / f"lang-{times}x.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def memory(ctx: Context) -> list:
    work = ctx.path("memory")
    factor = 2 if ctx.quick else 10
    spec, slug, _ = ctx.source()
    one = peak_build(work / "one", spec, slug)
    big = peak_build(work / "big", str(long_article(ctx, work, factor)), slug + "-lang")
    ratio = big["maxrss_mb"] / one["maxrss_mb"]
    return [check("memory", "peak RSS of a cold build (bundled article)", one["maxrss_mb"], "MB", "<=", 300,
                  tree_peak_mb=round(one["tree_peak_mb"], 1), summary=one["summary"]),
            check("memory.ratio", f"peak RSS {factor}x article / 1x (<= {factor} = at most linear)", ratio, "x",
                  "<=", factor, big_maxrss_mb=round(big["maxrss_mb"], 1),
                  big_tree_peak_mb=round(big["tree_peak_mb"], 1), summary=big["summary"])]
