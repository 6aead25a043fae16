"""Forced alignment (`vorleser align`): accuracy against generated ground truth, the
character estimate on the same recordings, refusal, speed and memory.

Each narrator (tests/align/groundtruth.py) reads the article under test with
another eSpeak voice, rate and pitch, 20 dB SNR noise, a 3 s jingle, loudness
changes, long pauses and an ffmpeg atempo stretch; the true word times are its
own eSpeak word events scaled by the stretch. `vorleser align` runs on each
recording as a real CLI process (under a small wrapper that reports its
rusage), so the speed and memory rows are those of the command a user runs.
"""
from __future__ import annotations

import json
import re
import subprocess
import threading
from pathlib import Path

import numpy as np

from .common import PYTHON, ROOT, BenchError, Context, check, info
from .memory import WRAPPER, _tree_rss_kb


def _narrators(ctx: Context):
    from tests.align.groundtruth import NARRATORS
    return NARRATORS[:1] if ctx.quick else NARRATORS


def _source(ctx: Context) -> tuple[str, str]:
    spec, slug, _ = ctx.source()
    return (spec or "bundled:nordkorea-russland.txt"), slug


def _run_align(ctx: Context, recording: Path, out: Path) -> dict:
    """`vorleser align` in a subprocess: exit code, output, wall time (from the summary), peak RSS."""
    spec, slug = _source(ctx)
    cmd = [PYTHON, "-m", "app.cli", "align", spec, str(recording), "--out", str(out), "--quiet", "--slug", slug]
    report = out.with_suffix(".rusage.json")
    proc = subprocess.Popen([PYTHON, "-c", WRAPPER, str(report), *cmd], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()

    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    done.set()
    sampler.join()
    usage = json.loads(report.read_text()) if report.exists() else {"code": proc.returncode, "maxrss_kb": 0}
    text = stdout.decode(errors="replace")
    found = re.search(r"aligned in ([\d.]+) s, .* ([\d.]+) s -> ", text)
    return {"code": usage["code"], "stdout": text, "stderr": stderr.decode(errors="replace").strip(),
            "maxrss_mb": usage["maxrss_kb"] / 1024, "tree_peak_mb": peak[0] / 1024,
            "align_s": float(found.group(1)) if found else None, "total_s": float(found.group(2)) if found else None}


def _measure(ctx: Context, narrator, work: Path) -> dict:
    from tests.align.accuracy import estimate_errors, in_order, onset_errors, section_errors
    from tests.align.groundtruth import narrate

    article, _ = ctx.article()
    truth = narrate(article, narrator, work / f"{narrator.name}.{narrator.fmt}")
    out = work / f"out-{narrator.name}"
    run = _run_align(ctx, truth.path, out)
    if run["code"] != 0:
        raise BenchError(f"align failed on {narrator.name} (exit {run['code']}): {run['stderr'][-600:]}")
    manifest = json.loads((out / article.slug / "manifest.json").read_text("utf-8"))
    errors = np.abs(onset_errors(manifest, truth)) * 1000
    estimate = np.abs(estimate_errors(article, truth)) * 1000
    return {"name": narrator.name, "seconds": truth.duration_s, "n": int(len(errors)),
            "p50": float(np.percentile(errors, 50)), "p95": float(np.percentile(errors, 95)),
            "max": float(errors.max()), "in_order": in_order(manifest),
            "sections_max": float(np.abs(section_errors(manifest, truth)).max() * 1000),
            "estimate_p50": float(np.percentile(estimate, 50)), "estimate_p95": float(np.percentile(estimate, 95)),
            "methods": _methods(manifest), **{k: run[k] for k in ("align_s", "total_s", "maxrss_mb", "tree_peak_mb")}}


def _methods(manifest: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for section in manifest["sections"]:
        for sentence in section["sentences"]:
            for word in sentence["words"]:
                counts[word["method"]] = counts.get(word["method"], 0) + 1
    return counts


def _refusal(ctx: Context, work: Path) -> dict:
    """A recording with one paragraph left out: align must fail naming that section and
    paragraph, and write nothing; the per-section confidences come from the same alignment."""
    from app.align.aligner import align_part
    from app.align.recording import read_recording
    from app.align.reference import ReferenceBuilder
    from app.align.run import AlignOptions, align_article
    from app.engines.espeak import EspeakEngine
    from app.errors import AlignError
    from tests.align.groundtruth import NARRATORS, narrate, without

    article, _ = ctx.article()
    section = 0 if ctx.quick else 5  # --quick: the teaser (its other section has one paragraph only)
    truth = narrate(article, without(NARRATORS[0], section, 1), work / "ohne-absatz.mp3")
    out = work / "out-refusal"
    try:
        align_article(article, [truth.path], AlignOptions(out_dir=out, quiet=True))
        line, failed = "aligned without complaint", False
    except AlignError as exc:
        line, failed = str(exc), True
    engine = EspeakEngine()
    ref = ReferenceBuilder(article, engine, out / ".cache").build(list(range(len(article.sections))))
    scores = align_part(ref, read_recording(truth.path, engine.sample_rate).pcm, engine.sample_rate).scores
    heading = article.sections[section].heading
    refused = failed and f"'{heading}'" in line and "paragraph 1 not found" in line and not (out / article.slug).exists()
    others = [s.confidence for s in scores if s.section != section]
    return {"refused": refused, "message": line, "confidence": scores[section].confidence,
            "others_min": min(others) if others else None, "wrongly_refused": sum(s.refused for s in scores) - 1}


def align_accuracy(ctx: Context) -> list:
    work = ctx.path("align-accuracy")
    results = [_measure(ctx, n, work) for n in _narrators(ctx)]
    rows = []
    for r in results:
        details = {k: (round(v, 1) if isinstance(v, float) else v) for k, v in r.items()}
        rows.append(check(f"align_accuracy.p50.{r['name']}", f"align word onset error p50, {r['name']}",
                          r["p50"], "ms", "<=", 25, **details))
        rows.append(check(f"align_accuracy.p95.{r['name']}", f"align word onset error p95, {r['name']}",
                          r["p95"], "ms", "<=", 80))
        rows.append(info(f"align_accuracy.max.{r['name']}", f"align word onset error max, {r['name']}",
                         r["max"], "ms"))
        rows.append(check(f"align_accuracy.sections.{r['name']}", f"align section start error max, {r['name']}",
                          r["sections_max"], "ms", "<=", 100))
    rows[0].metric = "align_accuracy"  # the first row carries the metric id
    rows.append(check("align_accuracy.order", f"align words out of order ({len(results)} recordings)",
                      sum(not r["in_order"] for r in results), "", "==", 0))
    ratio = min(r["estimate_p95"] / r["p95"] for r in results)
    rows.append(check("align_accuracy.vs_estimate", "char estimate p95 / aligner p95 (worst recording)",
                      ratio, "x", ">=", 3, estimate_p95={r["name"]: round(r["estimate_p95"], 1) for r in results},
                      estimate_p50={r["name"]: round(r["estimate_p50"], 1) for r in results}))
    refusal = _refusal(ctx, work)
    rows.append(check("align_accuracy.refusal", "align refuses a recording missing one paragraph (1 = yes)",
                      float(refusal["refused"]), "", "==", 1, message=refusal["message"]))
    rows.append(info("align_accuracy.refusal_confidence", "confidence of the section missing a paragraph",
                     refusal["confidence"], ""))
    if refusal["others_min"] is not None:
        rows.append(info("align_accuracy.refusal_others", "lowest confidence of the other sections (same run)",
                         refusal["others_min"], "", wrongly_refused=refusal["wrongly_refused"]))
    speed = max(r["align_s"] / r["seconds"] for r in results)
    rows.append(check("align_accuracy.speed", "align time / recording duration (worst recording)",
                      speed, "x", "<=", 0.03, **{r["name"]: f"{r['align_s']:.1f} s for {r['seconds']:.0f} s"
                                                  for r in results}))
    rows.append(info("align_accuracy.command", "whole align command (with encoding) / recording duration",
                     max(r["total_s"] / r["seconds"] for r in results), "x"))
    rows.append(check("align_accuracy.memory", "peak RSS of vorleser align (largest recording)",
                      max(r["maxrss_mb"] for r in results), "MB", "<=", 400,
                      tree_peak_mb=round(max(r["tree_peak_mb"] for r in results), 1)))
    return rows
