"""Rewrite the reader's absolute URLs to relative paths inside a static export.

The Flask pages link to routes (``/static/…``, ``/artikel/<slug>/audio/<file>``,
``/artikel/<slug>/download/<file>``, …). In the export every route is a real
file; downloads become links to the same file with a ``download="…"`` name.
An absolute URL this module does not know is an error, so a new route can
never silently break the export.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import quote, unquote, urlsplit

from ..errors import OutputError
from ..manifest.names import safe_filename, section_download_name
from ..manifest.timings import timing_files

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
# URL attributes: the usual ones, and the reader's data attributes that hold URLs (the manifest,
# a section's word times and audio, the service worker, the offline and library pages).
_URL_ATTR = re.compile(
    r'(\s(?:href|src|action|poster|data-(?:manifest|words|src|sw|offline-page|library))=)"([^"]*)"')
_DOWNLOAD_ATTR = re.compile(r'\sdownload(?:="[^"]*")?(?=[\s/>]|$)')
_ARTICLE = re.compile(r"/artikel/([^/]+)(?:/(.*))?")


@dataclass
class SiteLinks:
    """``manifests``: slug -> manifest as exported (with its ``epub`` entry)."""

    manifests: dict[str, dict]
    feed: bool = True  # False: the export has no feed.xml (the pages are rendered without links to it)
    targets: set[str] = field(default_factory=set)  # every site path a page links to

    def _download_name(self, manifest: dict, slug: str, name: str) -> str:
        title = manifest["article"]["title"]
        for section in manifest["sections"]:
            if section["file"] == name:
                return section_download_name(section["index"], section["heading"])
        extension = name.rsplit(".", 1)[-1]
        return safe_filename(title, extension, fallback=slug)

    def _article_target(self, slug: str, rest: str) -> tuple[str, str | None]:
        manifest = self.manifests.get(slug)
        if manifest is None:
            raise KeyError(slug)
        base = f"artikel/{slug}/"
        if rest == "":
            return base + "index.html", None
        kind, _, name = rest.partition("/")
        files = {s["file"] for s in manifest["sections"]} | {manifest["full"]["file"]}
        if manifest.get("epub"):
            files.add(manifest["epub"])
        if kind == "audio" and name in files and not name.endswith(".epub"):
            return base + name, None
        if kind == "download" and name in files:
            return base + name, self._download_name(manifest, slug, name)
        if rest == "e-book.epub" and manifest.get("epub"):  # the EPUB route of the web layer
            return base + manifest["epub"], self._download_name(manifest, slug, manifest["epub"])
        if rest == "abschnitte.zip":
            return base + rest, safe_filename(manifest["article"]["title"], "zip", fallback=slug)
        if rest in ("manifest.json", "chapters.json"):
            return base + rest, None
        if rest == "einbetten":  # the embeddable player
            return base + "einbetten.html", None
        if kind == "zeiten" and name in timing_files(manifest):
            return base + rest, None
        if rest in ("captions.vtt", "chapters.vtt") and manifest.get(rest[:-4]):
            return base + manifest[rest[:-4]], None
        raise KeyError(rest)

    def target(self, url: str) -> tuple[str, str, str | None]:
        """Absolute URL -> (site path, fragment, download name or None)."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        try:
            if path == "/":
                found: tuple[str, str | None] = ("index.html", None)
            elif path in ("/feed.xml", "/sw.js", "/offline.html"):
                found = (path[1:], None)
            elif path.startswith(("/static/", "/js/")) and ".." not in path.split("/"):
                found = (path[1:], None)
            elif match := _ARTICLE.fullmatch(path):
                found = self._article_target(match.group(1), match.group(2) or "")
            else:
                raise KeyError(path)
        except KeyError:
            raise OutputError(f"the page links to {url}, which the static export does not contain",
                              "a new route in the web layer; teach app/export/site_links.py about it") from None
        return found[0], parts.fragment, found[1]

    def _relative(self, url: str, page: str) -> tuple[str, str | None]:
        path, fragment, download = self.target(url)
        self.targets.add(path)
        relative = posixpath.relpath(path, posixpath.dirname(page) or ".")
        relative = quote(relative, safe="/-._~")
        return relative + (f"#{fragment}" if fragment else ""), download

    def rewrite(self, html: str, page: str) -> str:
        """``html`` of the page stored at site path ``page`` with every absolute URL made relative."""

        def tag(match: re.Match) -> str:
            name, attrs = match.group(1), match.group(2) or ""
            download_name: str | None = None

            def attr(m: re.Match) -> str:
                nonlocal download_name
                value = unescape(m.group(2))
                if not value.startswith("/") or value.startswith("//"):
                    return m.group(0)
                relative, download = self._relative(value, page)
                if download and m.group(1).strip() == "href=":
                    download_name = download
                return f'{m.group(1)}"{escape(relative)}"'

            attrs = _URL_ATTR.sub(attr, attrs)
            if name.lower() == "a" and download_name:
                existing = _DOWNLOAD_ATTR.search(attrs)
                if existing is None or "=" not in existing.group(0):
                    named = f' download="{escape(download_name)}"'
                    attrs = _DOWNLOAD_ATTR.sub(named, attrs, count=1) if existing else attrs + named
            return f"<{name}{attrs}>"

        return _TAG.sub(tag, html)
