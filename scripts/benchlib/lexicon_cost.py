"""What the pronunciation lexicon adds to a cold build of the bundled article.

Per run, side by side: a cold build without any lexicon, then a cold build
with the default lexicon (each into a fresh folder with an empty cache). In the
second one the lexicon's own work is timed inside the build: loading the
default lexicon (its cache cleared first), applying it to the article, and
writing aussprache.pls with IPA from eSpeak. The target row is that work as a
share of the very build it ran in. The paired ratio of the two whole builds is
shown too, for information: it also holds the different speech (phonemes
instead of letters) and the noise of two builds on a shared machine. --quick
skips the builds without lexicon and that row.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from .common import Context, check, info, median, paired_ratio, timed


def _cold(out: Path, source: str | None, slug: str, with_lexicon: bool, spent: list[float]):
    from app.engines import get_engine
    from app.lexicon import default_lexicon
    from app.model import from_raw
    from app.pipeline.build import BuildOptions, build_article
    from app.sources import load_source

    def run():
        article = from_raw(load_source(source), slug)
        lexicon = None
        if with_lexicon:
            default_lexicon.cache_clear()
            t0 = time.perf_counter()
            lexicon = default_lexicon()
            spent[-1] += time.perf_counter() - t0
        return build_article(article, get_engine("espeak"), BuildOptions(out_dir=out, quiet=True, lexicon=lexicon))

    return timed(run)


def _timing(module, name: str, spent: list[float]):
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[-1] += time.perf_counter() - t0

    setattr(module, name, wrapper)
    return real


def lexicon_cost(ctx: Context) -> list:
    from app.pipeline import build

    spec, slug, _ = ctx.source()
    ctx.article()  # load the libraries before timing anything
    work = ctx.path("lexicon")
    without, with_, spent = [], [], []
    result = None
    for r in range(ctx.runs):
        if not ctx.quick:
            seconds, _ = _cold(work / f"plain{r}", spec, slug, False, spent)
            without.append(seconds)
        spent.append(0.0)
        originals = {name: _timing(build, name, spent) for name in ("apply_lexicon", "write_used_lexicon")}
        try:
            seconds, result = _cold(work / f"lexicon{r}", spec, slug, True, spent)
        finally:
            for name, real in originals.items():
                setattr(build, name, real)
        with_.append(seconds)
        shutil.rmtree(work / f"plain{r}", ignore_errors=True)
        shutil.rmtree(work / f"lexicon{r}", ignore_errors=True)
    share = median([s / w for s, w in zip(spent, with_)])
    usage = result.lexicon
    rows = [check("lexicon", "pronunciation lexicon (load + apply + PLS) / cold build", share, "x", "<=", 0.05,
                  lexicon_s=[round(s, 4) for s in spent], cold_with_lexicon_s=[round(s, 3) for s in with_])]
    if without:
        rows.append(info("lexicon.build_ratio", "cold build with lexicon / without (paired, informational)",
                         paired_ratio(without, with_), "x", cold_without_s=[round(s, 3) for s in without]))
    rows.append(info("lexicon.replaced", "lexicon: spoken forms replaced in the article", usage.replaced, "",
                     graphemes=dict(usage.counts), sentences=len(usage.changed)))
    return rows
