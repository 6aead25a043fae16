"""Pick the reader for a source spec: bundled article, file or URL."""
from __future__ import annotations

import codecs
import logging
import os
import re
from importlib.resources import files
from pathlib import Path

from ..errors import InputError
from ..model import RawArticle, slugify
from .decode import decode_bytes, read_file, sniff_meta_charset
from .fetch import fetch
from .netguard import FetchPolicy
from .html import looks_like_html, parse_html
from .markdown import parse_markdown
from .plaintext import parse_text

log = logging.getLogger(__name__)

DEFAULT_NAME = "nordkorea-russland.txt"
DEFAULT_ARTICLE = Path(str(files("app").joinpath("articles", DEFAULT_NAME)))
BUNDLED_PREFIX = "bundled:"

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _fallback_title(name: str) -> str:
    words = re.sub(r"[-_.]+", " ", Path(name).stem).strip()
    return words[:1].upper() + words[1:] if words else "Artikel"


def _parse(text: str, kind: str, source: str, name: str, url: str | None = None) -> RawArticle:
    log.debug("reading %s as %s", name, kind)
    if kind == "html" or (kind == "text" and looks_like_html(text)):
        return parse_html(text, source, name=name, url=url)
    title = _fallback_title(name)
    if kind == "markdown":
        return parse_markdown(text, source, fallback_title=title, name=name)
    return parse_text(text, source, fallback_title=title)


def _kind_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in _MD_SUFFIXES else "text"


def _load_bundled(name: str) -> RawArticle:
    resource = files("app").joinpath("articles", name)
    if "/" in name or "\\" in name or not resource.is_file():
        raise InputError(f"no bundled article named {name!r}",
                         "only the files in app/articles are bundled; "
                         f"leave the source out for {DEFAULT_NAME}")
    text = decode_bytes(resource.read_bytes(), name)
    return _parse(text, _kind_for(Path(name)), f"{BUNDLED_PREFIX}{name}", name)


def _load_file(path: Path) -> RawArticle:
    path = path.expanduser()
    data = read_file(path)
    kind = _kind_for(path)
    if kind == "text" and looks_like_html(data.removeprefix(codecs.BOM_UTF8)[:4096].decode("latin-1")):
        kind = "html"
    declared = sniff_meta_charset(data) if kind == "html" else None
    text = decode_bytes(data, str(path), declared)
    return _parse(text, kind, f"file:{path.resolve()}", str(path))


def _load_url(url: str, timeout: float, policy: FetchPolicy | None) -> RawArticle:
    page = fetch(url, timeout=timeout, policy=policy)
    declared = page.charset or (sniff_meta_charset(page.body) if page.kind == "html" else None)
    text = decode_bytes(page.body, url, declared)
    name = Path(re.sub(r"[?#].*$", "", page.url).rstrip("/")).name or "artikel"
    return _parse(text, page.kind, f"url:{url}", name if page.kind != "html" else url, url=page.url)


def load_source(spec: str | os.PathLike[str] | None, *, timeout: float = 15.0,
                policy: FetchPolicy | None = None) -> RawArticle:
    """Load an article: None -> bundled default, http(s) URL, or a file path. ``policy`` limits
    where a URL may be fetched from (default: the command line's, any address)."""
    if spec is None:
        return _load_bundled(DEFAULT_NAME)
    spec = os.fspath(spec).strip()
    if not spec:
        raise InputError("the source is empty", "an empty string was given; "
                         "pass a file path or an https:// address, or leave it out")
    if spec.startswith(BUNDLED_PREFIX):
        return _load_bundled(spec[len(BUNDLED_PREFIX):])
    if _is_url(spec):
        return _load_url(spec, timeout, policy)
    if _SCHEME.match(spec):
        raise InputError(f"unsupported address {spec}", "only http:// and https:// addresses can be fetched; "
                                                        "pass a local file as a plain path")
    return _load_file(Path(spec))


def suggest_slug(spec: str | os.PathLike[str] | None, raw: RawArticle) -> str:
    """A slug for the output folder: file stem, bundled name, or the URL's title."""
    if spec is None:
        return slugify(Path(DEFAULT_NAME).stem)
    spec = os.fspath(spec).strip()
    if spec.startswith(BUNDLED_PREFIX):
        return slugify(Path(spec[len(BUNDLED_PREFIX):]).stem)
    if _is_url(spec):
        tail = Path(re.sub(r"[?#].*$", "", spec).rstrip("/")).stem
        return slugify(raw.title or tail)
    return slugify(Path(spec).expanduser().stem)


UPLOAD_KINDS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}


def load_text(text: str, kind: str, name: str = "text") -> RawArticle:
    """An article from text sent to the web app or the API (``kind``: text, markdown or html).
    HTML is parsed for its text, never rendered. ``name`` appears only in messages."""
    if kind not in ("text", "markdown", "html"):
        raise InputError(f"unknown text kind {kind!r}", "send text, markdown or html")
    text = decode_bytes(text.encode("utf-8", "surrogatepass"), name)
    return _parse(text, kind, f"{kind}:{name}", name)


def load_upload(data: bytes, filename: str) -> RawArticle:
    """An uploaded file: only .txt, .md and .html; the name picks the reader and appears in
    messages, it is never used as a path."""
    suffix = Path(filename.replace("\\", "/").rsplit("/", 1)[-1]).suffix.lower()
    kind = UPLOAD_KINDS.get(suffix)
    if kind is None:
        raise InputError(f"files of type {suffix or '(none)'} cannot be read",
                         "upload a .txt, .md or .html file with the article")
    name = Path(filename.replace("\\", "/").rsplit("/", 1)[-1]).name[:100] or f"upload{suffix}"
    declared = sniff_meta_charset(data) if kind == "html" else None
    text = decode_bytes(data, name, declared)
    return _parse(text, kind, f"upload:{name}", name)
