"""Instant start (issue 14): how soon after DOMContentLoaded the reader page is
a player (html.js), with and without 4x CPU throttling (CDP
Emulation.setCPUThrottlingRate); whether anything moves while the page loads
and enhances itself (cumulative layout shift, Layout Instability API); and
what the start costs (page, CSS, JS and the timing data needed to start,
gzip).

"Before" is the reader as it was before issue 14 (commit BEFORE: main.js
awaited the whole manifest, then loaded its modules in a chain), taken from
git and served side by side on the same build; loads of both alternate (new
old, old new, ...), half of them at 1280 x 900, half at 360 x 740, each in a
fresh browser context (empty cache). The time to the player from navigation
start is compared as a paired ratio; the ready-after-DOMContentLoaded figures
are medians of each. A second pair measures what app/web/bundle.py chose:
the page with its modules joined into one script against the same page
loading every module through modulepreload links (the HTML handed to the
browser by the bench in both cases). Layout shift is also measured for a
reader who stored 150 % text and the dark theme.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import tarfile
import urllib.parse

from .common import PYTHON, ROOT, BenchError, Context, check, free_port, info, median, paired_ratio, wait_http
from .weight import fetch, static_resources

BEFORE = "bc759a0"  # the last commit before issue 14 (main of 2026-12-02)
VIEWPORTS = [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]

# Before any page script: the moment html gets the class "js", and every layout shift.
INIT_JS = """(() => {
  window.__ready = null; window.__cls = 0;
  new MutationObserver(() => {
    const root = document.documentElement;
    if (window.__ready === null && root && root.classList.contains('js')) window.__ready = performance.now();
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ['class']});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({type: 'layout-shift', buffered: true});
})();"""

# After the load event: two frames and an idle period (deferred work has run), then the figures.
SETTLED_JS = """async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => (window.requestIdleCallback || setTimeout)(r, {timeout: 2000}));
  const nav = performance.getEntriesByType('navigation')[0];
  return {ready: window.__ready, dcl: nav.domContentLoadedEventStart, cls: window.__cls};
}"""


def before_server(ctx: Context) -> str:
    """Base URL of the reader at commit BEFORE, serving the same build (started once)."""
    if "before_server" in ctx.cache:
        return ctx.cache["before_server"]
    folder = ctx.path("before")
    try:
        tar = subprocess.run(["git", "archive", BEFORE, "app", "templates"], cwd=ROOT, capture_output=True,
                             check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise BenchError(f"cannot take the reader of commit {BEFORE} from git: {exc}") from exc
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        archive.extractall(folder, filter="data")
    port = free_port()
    log_path = ctx.tmp / "before-server.log"
    logf = open(log_path, "wb")
    # cwd first on sys.path: `python -m app.cli` imports the old package from the archive.
    proc = subprocess.Popen([PYTHON, "-m", "app.cli", "serve", "--port", str(port),
                             "--audio-dir", str(ctx.bundled()["dir"])], cwd=folder, stdout=logf,
                            stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    from .common import _stop
    ctx.stack.callback(_stop, proc, logf)
    base = f"http://127.0.0.1:{port}"
    wait_http(base + "/healthz", proc, log_path)
    ctx.cache["before_server"] = base
    return base


def as_modules(html: str) -> str:
    """The reader page loading its ES modules one by one, all announced by modulepreload links,
    instead of the one joined file: what app/web/bundle.py replaced."""
    from app.web.assets import closure
    links = "".join(f'<link rel="modulepreload" href="/static/js/{name}">\n' for name in closure(("reader-page.js",)))
    script = '<script type="module" src="/js/reader-page.js"></script>'
    if script not in html:
        raise BenchError("the reader page does not load /js/reader-page.js")
    return html.replace(script, f'<script type="module" src="/static/js/reader-page.js"></script>\n{links}')


def load(ctx: Context, url: str, rate: int, viewport: dict, rewrite=None, stored: dict | None = None) -> dict:
    """One load in a fresh context: ready and DOMContentLoaded (ms since navigation start) and CLS.
    ``rewrite``: the page's HTML is fetched and handed to the browser changed by this function;
    ``stored``: reader settings in localStorage before the page loads."""
    context = ctx.browser().new_context(viewport=viewport)
    try:
        if stored:
            context.add_init_script(f"localStorage.setItem('vorleser:settings', {json.dumps(json.dumps(stored))});")
        context.add_init_script(INIT_JS)
        if rewrite is not None:
            def serve(route):
                got = route.fetch()
                route.fulfill(response=got, body=rewrite(got.text()))
            context.route(url, serve)
        page = context.new_page()
        if rate > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(url)
        page.wait_for_selector("html.js", state="attached", timeout=30000)
        page.wait_for_load_state("load")
        got = page.evaluate(SETTLED_JS)
    finally:
        context.close()
    if got["ready"] is None:
        raise BenchError(f"{url}: html.js was set before the init script could see it")
    return got


def start_weight(ctx: Context, page_url: str, manifest_url: str | None) -> tuple[float, dict]:
    """KB gzip of the page, its CSS and JS, plus what it needs to start: the first section's
    timing file (data-words), or for the reader before issue 14 the whole manifest."""
    found = static_resources(page_url)
    parts = {u.rsplit("/", 1)[-1] or "page": len(gzip.compress(body, 6)) for u, (_, body) in found.items()}
    html = found[page_url][1].decode("utf-8", "replace")
    marker = 'data-words="'
    if marker in html:
        extra = urllib.parse.urljoin(page_url, html.split(marker, 1)[1].split('"', 1)[0])
    elif manifest_url:
        extra = manifest_url
    else:
        raise BenchError(f"{page_url} names no timing data")
    parts["timing:" + extra.rsplit("/", 1)[-1]] = len(gzip.compress(fetch(extra), 6))
    return sum(parts.values()) / 1024, parts


def closure_of_reader() -> tuple[str, ...]:
    from app.web.assets import closure
    return (*closure(("reader-page.js",)), "reader-page.js")


def start(ctx: Context) -> list:
    slug = ctx.bundled()["slug"]
    new = f"{ctx.server()}/artikel/{slug}"
    old = f"{before_server(ctx)}/artikel/{slug}"
    n = 1 if ctx.quick else 10
    runs: dict[tuple[str, int], list[dict]] = {}
    same = lambda html: html  # noqa: E731 (both variants of the one-file/modules pair get routed HTML)
    variants = [("new", new, None), ("old", old, None)]
    if not ctx.quick:
        variants += [("file", new, same), ("modules", new, as_modules)]
    for rate in (1, 4):
        for i in range(n):
            viewport = VIEWPORTS[i % 2]
            for name, url, rewrite in (variants if i % 2 == 0 else variants[::-1]):
                runs.setdefault((name, rate), []).append(load(ctx, url, rate, viewport, rewrite))

    def after_dcl(name: str, rate: int) -> float:
        return median([r["ready"] - r["dcl"] for r in runs[(name, rate)]])

    def ratio(rate: int, base: str = "old", subject: str = "new") -> float:
        return paired_ratio([r["ready"] for r in runs[(base, rate)]], [r["ready"] for r in runs[(subject, rate)]])

    # A reader who chose large text and a theme: the page must not jump to them either.
    stored = {"size": "150", "theme": "dark"}
    for rate in (1, 4):
        for name, url in (("new", new), ("old", old)):
            runs[(f"{name}-stored", rate)] = [load(ctx, url, rate, VIEWPORTS[i % 2], stored=stored)
                                              for i in range(max(1, n // 5))]
    cls_new = max(r["cls"] for key, rs in runs.items() if key[0] in ("new", "file", "modules", "new-stored")
                  for r in rs)
    cls_old = max(r["cls"] for key, rs in runs.items() if key[0] in ("old", "old-stored") for r in rs)
    cls_loads = sum(len(rs) for key, rs in runs.items() if not key[0].startswith("old"))
    weight, parts = start_weight(ctx, new, None)
    weight_old, parts_old = start_weight(ctx, old, f"{old}/manifest.json")
    rows = []
    for rate, metric, what in ((1, "start", ""), (4, "start.throttled", ", 4x CPU throttling")):
        rows += [
            check(metric, f"player ready after DOMContentLoaded (median of {n}{what})", after_dcl("new", rate), "ms",
                  "<=", 100, loads=[{k: round(v, 1) for k, v in r.items()} for r in runs[("new", rate)]]),
            info(f"{metric}.before", f"  the same before issue 14{what}", after_dcl("old", rate), "ms",
                 loads=[{k: round(v, 1) for k, v in r.items()} for r in runs[("old", rate)]]),
            info(f"{metric}.ratio", f"  navigation start to player, now / before (paired{what})", ratio(rate), "x"),
        ]
        if ("file", rate) in runs:
            rows.append(info(f"{metric}.bundle", f"  one joined script / {len(closure_of_reader())} preloaded modules"
                             f" (paired{what})", ratio(rate, "modules", "file"), "x"))
    rows += [
        check("start.cls", f"layout shift while loading and enhancing (max of {cls_loads} loads)", cls_new, "",
              "<=", 0.02),
        info("start.cls.before", "  the same before issue 14", cls_old, ""),
        check("start.weight", "start weight: page + CSS + JS + timing data to start, gzip", weight, "KB", "<=", 40,
              files=parts),
        info("start.weight.before", "  before: page + CSS + JS + the whole manifest, gzip", weight_old, "KB",
             files=parts_old),
    ]
    return rows
