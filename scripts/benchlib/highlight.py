"""Highlight lag in headless Chromium: the real server, the real reader page,
playback started with the player's own button; a requestAnimationFrame loop
injected into the page samples (audio.currentTime, highlighted word) every
frame. Lag of word w = media time of the first frame showing w - w.begin_ms.
Playback is repeated once per run (a new page each time), alternating with
the reader before issue 14 (start.BEFORE) on the same build; the figures are the
medians over runs, and per run the frame gaps over 50 ms are reported, since
a starved renderer on a loaded machine shows up as lag.

js/sync.js marks what is heard half a frame after the frame starts (the frame
is shown about one frame later), so a word may appear up to half a frame
before its time: the min row shows that side.

The current word is read either from a span.w.cur inside the sentence element
or from the CSS custom highlight "w" (both ways app/static/js/words.js has
used), as its character offset in the sentence, and mapped to the manifest
word covering that character.
"""
from __future__ import annotations

import math

from .common import BenchError, Context, check, info, median

# Samples every animation frame for `ms` of wall time; a MutationObserver also
# records the media time at which each word span got the class "cur".
SAMPLER = """
(ms) => new Promise((resolve) => {
  const audio = document.querySelector("#player audio");
  const samples = [], marks = [];
  // The current word as [sentence id, code-point offset of its start in the sentence text]:
  // a span.w.cur (class-based marking) or the CSS custom highlight "w" (Highlight API).
  const at = (s, node, off) => {
    const r = document.createRange(); r.setStart(s, 0); r.setEnd(node, off);
    return [s.id, Array.from(r.toString()).length];
  };
  const which = (w) => {
    const s = w.parentElement.closest("[id]");
    return s ? at(s, w, 0) : [null, -1];
  };
  const current = () => {
    const w = document.querySelector("span.w.cur");
    if (w) return which(w);
    const h = globalThis.CSS && CSS.highlights && CSS.highlights.get("w");
    if (h && h.size) {
      const r = h.values().next().value;
      const s = (r.startContainer.parentElement || r.startContainer).closest("[id]");
      if (s) return at(s, r.startContainer, r.startOffset);
    }
    return [null, -1];
  };
  const src = () => (audio.currentSrc || "").split("/").pop();
  const obs = new MutationObserver((list) => {
    for (const m of list) {
      if (m.target.classList.contains("w") && m.target.classList.contains("cur")) {
        marks.push([audio.currentTime * 1000, src(), ...which(m.target)]);
      }
    }
  });
  obs.observe(document.querySelector("article"), {subtree: true, attributes: true, attributeFilter: ["class"]});
  const t0 = performance.now();
  function frame(now) {
    samples.push([audio.currentTime * 1000, src(), ...current(), audio.paused, now]);
    if (now - t0 < ms) requestAnimationFrame(frame);
    else { obs.disconnect(); resolve({samples, marks}); }
  }
  requestAnimationFrame(frame);
})
"""


def word_table(manifest: dict) -> tuple[dict, dict]:
    """words: (sentence id, word index) -> (section file, begin_ms); chars: (sentence id,
    code-point offset) -> (sentence id, word index) for every character a word covers."""
    words, chars = {}, {}
    for section in manifest["sections"]:
        for sentence in section["sentences"]:
            for k, w in enumerate(sentence.get("words", [])):
                if w["end"] <= w["start"]:
                    continue
                words[(sentence["id"], k)] = (section["file"], w["begin_ms"])
                for c in range(w["start"], w["end"]):
                    chars.setdefault((sentence["id"], c), (sentence["id"], k))
    return words, chars


def lags(points: list, tables: tuple[dict, dict]) -> tuple[list[float], int]:
    """First appearance of each word minus its begin; and the words never shown.

    points: [media_ms, file, sentence_id, char offset, ...]. Only words whose
    begin lies inside the sampled span of their file are counted."""
    words, chars = tables
    span: dict[str, list[float]] = {}
    first: dict[tuple[str, int], float] = {}
    for t, file, sid, off, *_ in points:
        lo_hi = span.setdefault(file, [t, t])
        lo_hi[0], lo_hi[1] = min(lo_hi[0], t), max(lo_hi[1], t)
        key = chars.get((sid, off))
        if key is not None and words[key][0] == file and key not in first:
            first[key] = t
    out, missed = [], 0
    for key, (file, begin) in words.items():
        if file not in span or not (span[file][0] + 20 < begin < span[file][1] - 50):
            continue
        if key in first:
            out.append(first[key] - begin)
        else:
            missed += 1
    return sorted(out), missed


def pct(values: list[float], p: float) -> float:
    if not values:
        raise BenchError("no word highlight was seen during playback")
    return values[min(len(values) - 1, max(0, math.ceil(p / 100 * len(values)) - 1))]


def highlight_lag(ctx: Context) -> list:
    from .start import before_server
    base, b = ctx.server(), ctx.bundled()
    seconds = 5 if ctx.quick else 20
    table = word_table(b["manifest"])
    new, old = f"{base}/artikel/{b['slug']}", f"{before_server(ctx)}/artikel/{b['slug']}"
    runs, before = [], []
    for i in range(ctx.runs):  # interleaved with the reader before issue 14, on the same build
        for url, into in ([(new, runs), (old, before)] if i % 2 == 0 else [(old, before), (new, runs)]):
            into.append(_one_run(ctx, url, seconds, table))
    p95, p50, worst, earliest = (median([r[k] for r in runs]) for k in ("p95", "p50", "max", "min"))
    return [check("highlight_lag", f"word highlight lag p95 ({seconds} s playback, per frame, median of "
                  f"{len(runs)})", p95, "ms", "<=", 20, runs=runs),
            info("highlight_lag.p50", "word highlight lag p50", p50, "ms"),
            info("highlight_lag.max", "word highlight lag max", worst, "ms"),
            info("highlight_lag.min", "word highlight lag min (negative: shown before the word starts)", earliest,
                 "ms"),
            info("highlight_lag.before", "  p95 of the reader before issue 14 (interleaved runs)",
                 median([r["p95"] for r in before]), "ms", runs=before),
            info("highlight_lag.before_p50", "  p50 of the reader before issue 14", median([r["p50"] for r in before]),
                 "ms")]


def _one_run(ctx: Context, url: str, seconds: int, table: dict) -> dict:
    page = ctx.browser().new_page()
    try:
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=15000)
        region = page.get_by_role("region", name="Wiedergabe")
        region.locator(".p-play").click()
        page.wait_for_function("() => { const a = document.querySelector('#player audio');"
                               " return a && !a.paused && a.currentTime > 0; }", timeout=15000)
        got = page.evaluate(SAMPLER, seconds * 1000)
    finally:
        page.close()
    frame_lags, missed = lags(got["samples"], table)
    mark_lags, _ = lags(got["marks"], table)
    playing = [s for s in got["samples"] if not s[4]]
    media_s = (max(s[0] for s in playing) - min(s[0] for s in playing)) / 1000 if playing else 0
    gaps = [b[5] - a[5] for a, b in zip(got["samples"], got["samples"][1:])]
    return {"p50": round(pct(frame_lags, 50), 1), "p95": round(pct(frame_lags, 95), 1),
            "max": round(frame_lags[-1], 1), "min": round(frame_lags[0], 1), "words": len(frame_lags),
            "missed_words": missed, "frames": len(got["samples"]), "media_seconds_sampled": round(media_s, 1),
            "frame_gaps_over_50ms": sum(g > 50 for g in gaps),
            "longest_frame_gap_ms": round(max(gaps), 1) if gaps else None,
            "dom_change_p50_ms": round(pct(mark_lags, 50), 1) if mark_lags else None,
            "dom_change_p95_ms": round(pct(mark_lags, 95), 1) if mark_lags else None,
            "page_errors": errors[:5]}
