"""Reader page weight: HTML + CSS + JS of /artikel/<slug>, each gzip-compressed
(level 6, a common server setting), no audio, no manifest.

Resources are found twice: statically (the page's <link rel=stylesheet> and
<script src>, then every module path named in the JS, recursively, and CSS
@import/url()), and by loading the page in Chromium and recording every
request. The weight counts the union; any request to another origin counts
as a failure.
"""
from __future__ import annotations

import gzip
import re
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from .common import Context, check, info

JS_PATH = re.compile(r"""["'`]((?:\.{1,2}/|/)[\w./-]+\.m?js)["'`]""")
CSS_URL = re.compile(r"""(?:@import\s+|url\()\s*["']?([^"')\s]+)""")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.refs.append(("css", a["href"]))
        elif tag == "script" and a.get("src"):
            self.refs.append(("js", a["src"]))


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as rsp:
        return rsp.read()


def static_resources(page_url: str) -> dict[str, tuple[str, bytes]]:
    """url -> (kind, body) for the page, its CSS and JS, recursively."""
    html = fetch(page_url)
    found = {page_url: ("html", html)}
    parser = _Refs()
    parser.feed(html.decode("utf-8", "replace"))
    todo = [(kind, urllib.parse.urljoin(page_url, ref)) for kind, ref in parser.refs]
    while todo:
        kind, url = todo.pop()
        if url in found or url.startswith("data:"):
            continue
        if urllib.parse.urlsplit(url).netloc != urllib.parse.urlsplit(page_url).netloc:
            found[url] = (kind, b"")  # other origin: not fetched, counted as a failure
            continue
        body = fetch(url)
        found[url] = (kind, body)
        text = body.decode("utf-8", "replace")
        if kind == "js":
            todo += [("js", urllib.parse.urljoin(url, m)) for m in JS_PATH.findall(text)]
        elif kind == "css":
            todo += [("css" if m.endswith(".css") else "asset", urllib.parse.urljoin(url, m))
                     for m in CSS_URL.findall(text) if not m.startswith("data:")]
    return found


def browser_requests(ctx: Context, page_url: str) -> list[tuple[str, str]]:
    """(resource type, url) of every request Chromium makes while loading the page."""
    seen: list[tuple[str, str]] = []
    page = ctx.browser().new_page()
    try:
        page.on("request", lambda r: seen.append((r.resource_type, r.url)))
        page.goto(page_url, wait_until="networkidle")
        page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=15000)
    finally:
        page.close()
    return seen


def page_weight(ctx: Context) -> list:
    base, slug = ctx.server(), ctx.bundled()["slug"]
    page_url = f"{base}/artikel/{slug}"
    origin = urllib.parse.urlsplit(base).netloc
    found = static_resources(page_url)
    seen = browser_requests(ctx, page_url)
    other = sorted({u for _, u in seen if urllib.parse.urlsplit(u).netloc not in (origin, "")
                    and not u.startswith("data:")} | {u for u, (_, b) in found.items()
                                                     if urllib.parse.urlsplit(u).netloc != origin})
    kinds = {"document": "html", "stylesheet": "css", "script": "js", "font": "asset", "image": "asset"}
    missed = []
    for rtype, url in seen:
        if rtype in kinds and url not in found and not url.startswith("data:") \
                and urllib.parse.urlsplit(url).netloc == origin:
            missed.append(url)
            found[url] = (kinds[rtype], fetch(url))
    sizes = {"html": 0, "css": 0, "js": 0, "asset": 0}
    raw = 0
    for kind, body in found.values():
        sizes[kind] += len(gzip.compress(body, compresslevel=6))
        raw += len(body)
    total_kb = sum(sizes.values()) / 1024
    loaded = {u for t, u in seen if t in kinds and u in found}
    browser_kb = sum(len(gzip.compress(found[u][1], compresslevel=6)) for u in loaded) / 1024
    # The budget is the start weight (page + CSS + JS + the timing data to start, <= 40 KB, issue 14),
    # measured by the "start" rows; this row shows the page's own share of it.
    return [info("page_weight", f"reader page HTML+CSS+JS gzip ({len(found)} files)", total_kb, "KB",
                  gzip_bytes=sizes, raw_bytes=raw, files=sorted(u.replace(base, "") for u in found),
                  found_only_by_browser=[u.replace(base, "") for u in missed],
                  browser_requests=len(seen), browser_loaded_kb=round(browser_kb, 2)),
            check("page_weight.other_origins", "requests to other origins (static + Chromium)", len(other), "",
                  "==", 0, urls=other[:20]),
            info("page_weight.html", "of which HTML (gzip)", sizes["html"] / 1024, "KB")]
