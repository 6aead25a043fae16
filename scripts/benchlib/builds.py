"""Build timings: cold build vs the physical limit, no-change and one-sentence
edit rebuilds vs cold.

One series runs everything interleaved, per run: limit, cold, no-change,
edit (each build in-process, each cold build into a fresh folder with an
empty cache), so every ratio compares runs taken side by side.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .common import BenchError, Context, check, info, median, paired_ratio, timed


def edited_copy(ctx: Context, folder: Path) -> tuple[Path, str]:
    """A copy of the article text with one sentence of one middle section changed."""
    lines = ctx.source()[2].split("\n")
    body = [i for i, line in enumerate(lines) if i >= 2 and len(line) > 200]
    if not body:
        raise BenchError("the article has no paragraph lines to edit")
    i = body[len(body) // 2]
    match = re.search(r"\w{3,}(?=\.\s)", lines[i])
    if not match:
        raise BenchError(f"no sentence end found in paragraph line {i + 1} of the article")
    before = lines[i][:match.end()]
    lines[i] = before + " heute" + lines[i][match.end():]
    path = folder / "edited.txt"
    path.write_text("\n".join(lines), "utf-8")
    return path, before[-40:] + " heute."


def _limit_items(article):
    """The spoken text of the article, one item per paragraph."""
    from app.engines.base import SpeechItem
    from app.pipeline.build import speech_item
    paragraphs: dict[tuple[str, int], list[str]] = {}
    for section in article.sections:
        for sentence in section.sentences:
            paragraphs.setdefault((section.id, sentence.paragraph), []).append(speech_item(sentence).text)
    items = []
    for parts in paragraphs.values():
        text = " ".join(parts)
        items.append(SpeechItem(text, tuple(m.start() for m in re.finditer(r"\S+", text))))
    return items


def limit_run(ctx: Context, folder: Path) -> float:
    """Physical limit: the same text through libespeak-ng into one PCM, plus one
    libmp3lame encode of that PCM at the build's bitrate and LAME quality."""
    from app.ffmpeg import encode_mp3
    from app.pipeline.build import BuildOptions
    article, engine = ctx.article()
    items = _limit_items(article)
    opt = BuildOptions()

    def run():
        pcm = b"".join(s.pcm for s in engine.synthesize(items))
        encode_mp3(pcm, engine.sample_rate, folder / "limit.mp3", opt.bitrate_kbps, opt.quality)
        return len(pcm)

    seconds, _ = timed(run)
    return seconds


def build_run(out: Path, source: str | None, slug: str):
    """A whole build as the CLI does it (load, model, engine, build), in-process."""
    from app.engines import get_engine
    from app.model import from_raw
    from app.pipeline.build import BuildOptions, build_article
    from app.sources import load_source

    def run():
        raw = load_source(source)
        article = from_raw(raw, slug)
        return build_article(article, get_engine("espeak"), BuildOptions(out_dir=out, quiet=True))

    return timed(run)


def series(ctx: Context) -> dict:
    if "series" in ctx.cache:
        return ctx.cache["series"]
    work = ctx.path("builds")
    edited, edit_note = edited_copy(ctx, work)
    spec, slug, _ = ctx.source()
    ctx.article()  # load the library before timing anything
    s = {"limit": [], "cold": [], "nochange": [], "edit": [], "nochange_result": None, "edit_result": None,
         "edit_note": edit_note}
    for r in range(ctx.runs):
        out = work / f"run{r}"
        s["limit"].append(limit_run(ctx, work))
        seconds, cold = build_run(out, spec, slug)
        s["cold"].append(seconds)
        seconds, s["nochange_result"] = build_run(out, spec, slug)
        s["nochange"].append(seconds)
        seconds, s["edit_result"] = build_run(out, str(edited), slug)
        s["edit"].append(seconds)
        s["cold_result"] = cold
        shutil.rmtree(out, ignore_errors=True)
    ctx.cache["series"] = s
    return s


def _secs(values: list[float]) -> list[float]:
    return [round(v, 3) for v in values]


def cold_build(ctx: Context) -> list:
    s = series(ctx)
    ratio = paired_ratio(s["limit"], s["cold"])
    res = s["cold_result"]
    return [check("cold_build", "cold build / physical limit (eSpeak synth + 1 LAME encode)", ratio, "x", "<=", 1.5,
                  cold_s=_secs(s["cold"]), limit_s=_secs(s["limit"]), median_cold_s=round(median(s["cold"]), 3),
                  median_limit_s=round(median(s["limit"]), 3), sentences=res.sentences, encoded=res.encoded)]


def nochange_rebuild(ctx: Context) -> list:
    s = series(ctx)
    res = s["nochange_result"]
    ratio = paired_ratio(s["cold"], s["nochange"])
    return [check("nochange_rebuild", "no-change rebuild / cold build", ratio, "x", "<=", 0.05,
                  nochange_s=_secs(s["nochange"]), cold_s=_secs(s["cold"])),
            check("nochange_rebuild.synthesised", "no-change rebuild: sentences synthesised",
                  res.synthesised, "", "==", 0),
            check("nochange_rebuild.encoded", "no-change rebuild: files encoded", res.encoded, "", "==", 0)]


def edit_rebuild(ctx: Context) -> list:
    s = series(ctx)
    res = s["edit_result"]
    ratio = paired_ratio(s["cold"], s["edit"])
    return [check("edit_rebuild", "one-sentence edit rebuild / cold build", ratio, "x", "<=", 0.25,
                  edit_s=_secs(s["edit"]), cold_s=_secs(s["cold"]), edited=s["edit_note"]),
            info("edit_rebuild.synthesised", "edit rebuild: sentences synthesised (expect 1)", res.synthesised, ""),
            info("edit_rebuild.encoded", "edit rebuild: files encoded (expect section + full = 2)",
                 res.encoded, "")]
