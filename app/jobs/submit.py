"""Turn what a form or the API sent into a job (only the shape is checked here; reading the
source, with its one-line errors, happens in the worker, exactly as ``vorleser build`` does)."""
from __future__ import annotations

import base64
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..errors import InputError
from ..sources.address import web_address
from ..sources.load import UPLOAD_KINDS
from .model import ENGINES, Job

MAX_URL = 2000


def check_engine(engine: str | None) -> str:
    engine = (engine or "espeak").strip()
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}", f"choose one of {', '.join(ENGINES)}")
    return engine


def url_source(url: str) -> dict:
    """A URL job, if the address is a well-formed http(s) address (the fetch's own parser decides:
    :func:`app.sources.address.web_address`); whether its host may be fetched is checked when it is."""
    url = _unicode((url or "").strip(), "address")
    if len(url) > MAX_URL:
        raise InputError(f"not a valid web address: it has {len(url)} characters",
                         f"an address may have at most {MAX_URL}; send the article's address without "
                         "tracking parameters, or its text")
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        netloc = ""  # malformed: web_address says why
    if "@" in netloc:  # never kept, shown or logged; the server does not sign in to sites anyway
        raise InputError("the address contains a user name or password",
                         "send the address without 'name:password@'; the server fetches only public pages")
    web_address(url)
    return {"type": "url", "url": url}


def _unicode(text: str, what: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"the {what} contains an invalid character at position {exc.start}",
                         "it holds an unpaired surrogate (broken UTF-16); send valid UTF-8 text") from exc
    return text


def text_source(text: str, fmt: str = "text") -> dict:
    if fmt not in ("text", "markdown", "html"):
        raise InputError(f"unknown text format {fmt!r}", "choose text, markdown or html")
    return {"type": "text", "text": _unicode(text or "", "text"), "format": fmt}


def upload_source(data: bytes, filename: str) -> dict:
    """An uploaded file: its name only picks the reader (.txt, .md, .html) and is shown; never a path."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name[:100]
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_KINDS:
        raise InputError(f"files of type {suffix or '(none)'} cannot be read",
                         "upload a .txt, .md or .html file with the article")
    return {"type": "upload", "name": name, "data": base64.b64encode(data).decode("ascii")}


def rebuild_source(slug: str) -> dict:
    return {"type": "rebuild", "slug": slug}


def new_job(source: dict, engine: str | None = None, title: str | None = None, by: str = "") -> Job:
    title = _unicode(" ".join((title or "").split())[:300], "title") or None
    job = Job.new(source, check_engine(engine), title, by)
    if source["type"] == "rebuild":
        job.slug = source["slug"]
    return job
