"""Title and description of an HTML page, cleaned of site-name suffixes."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from ..text.plain import squash

log = logging.getLogger(__name__)

# " | Site" and " » Site" are nearly always site suffixes; " - Site" and
# " – Site" only when the part names the site.
_ALWAYS = re.compile(r"\s+(?:\||»|::|·|•)\s+")
_MAYBE = re.compile(r"\s+[-–—]\s+")


@dataclass
class PageMeta:
    title: str = ""
    description: str = ""
    sitename: str = ""


def _names_site(part: str, sitename: str, hostname: str) -> bool:
    low = part.lower()
    site = sitename.lower()
    host = hostname.lower().removeprefix("www.")
    base = host.split(".")[0] if host else ""
    return bool(
        (site and (low in site or site in low))
        or (host and host in low.replace(" ", ""))
        or (base and len(base) > 2 and low.replace(" ", "").startswith(base))
        or re.search(r"\.(de|com|org|net|at|ch)\b", low)
    )


def clean_title(title: str, sitename: str = "", hostname: str = "") -> str:
    """'Artikel | Zeitung' -> 'Artikel'; keep ' - ' unless it names the site."""
    title = squash(title)
    parts = _ALWAYS.split(title)
    parts = [p for p in parts if not _names_site(p, sitename, hostname)] or parts
    longest = max(parts, key=len)
    title = parts[0] if len(parts[0]) >= 0.5 * len(longest) else longest
    # pieces between " - " separators, as (start, end) spans into the title
    cuts = [0, *(x for m in _MAYBE.finditer(title) for x in m.span()), len(title)]
    spans = list(zip(cuts[::2], cuts[1::2]))
    while len(spans) > 1 and _names_site(title[slice(*spans[-1])], sitename, hostname):
        spans.pop()
    while len(spans) > 1 and _names_site(title[slice(*spans[0])], sitename, hostname):
        spans.pop(0)
    return title[spans[0][0]:spans[-1][1]].strip() or title


def _soup_meta(html: str) -> PageMeta:
    """Fallback when trafilatura cannot read the metadata."""
    head = html[:200_000]
    soup = BeautifulSoup(head, "html.parser")

    def content(**attrs: str) -> str:
        tag = soup.find("meta", attrs=attrs)
        return squash(tag.get("content")) if tag and tag.get("content") else ""

    title = content(property="og:title") or squash(soup.title.string if soup.title else "")
    description = content(property="og:description") or content(name="description")
    return PageMeta(title, description, content(property="og:site_name"))


def page_meta(html: str, url: str | None = None) -> PageMeta:
    """Title, description and site name from the page's metadata."""
    hostname = re.sub(r"^https?://([^/:]+).*$", r"\1", url or "")
    meta = PageMeta()
    import trafilatura  # imported when a page is read: text and Markdown builds do not need it

    try:
        doc = trafilatura.extract_metadata(html, default_url=url)
    except (RecursionError, ValueError, TypeError) as exc:
        log.warning("trafilatura could not read the metadata (%s); using a simple parser", exc)
        doc = None
    if doc is not None:
        meta = PageMeta(squash(doc.title), squash(doc.description), squash(doc.sitename))
        hostname = hostname or squash(doc.hostname)
    if not meta.title:
        try:
            fallback = _soup_meta(html)
        except RecursionError:
            fallback = PageMeta()
        meta = PageMeta(fallback.title, meta.description or fallback.description,
                        meta.sitename or fallback.sitename)
    meta.title = clean_title(meta.title, meta.sitename, hostname)
    return meta
