"""Download a web page with requests: timeout, redirect and size limits."""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass

import requests

from ..errors import InputError

log = logging.getLogger(__name__)

USER_AGENT = "Vorleser/0.1"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024
_SAVE_HINT = "save the page in your browser (Ctrl+S) and pass the .html file instead"
_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
          "text/markdown": "markdown", "text/x-markdown": "markdown"}


@dataclass
class Page:
    url: str          # after redirects
    body: bytes
    kind: str         # "html", "text" or "markdown"
    charset: str | None


def _content_type(header: str) -> tuple[str, str | None]:
    mime = header.split(";", 1)[0].strip().lower()
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", header, re.I)
    return mime, match.group(1).lower() if match else None


def _check_status(resp: requests.Response, url: str) -> None:
    code = resp.status_code
    if code < 400:
        return
    if code >= 500:
        cause = f"the server has a problem; try again later or {_SAVE_HINT}"
    elif code in (401, 403, 451):
        cause = f"the site refuses automated readers or needs a login; {_SAVE_HINT}"
    else:
        cause = f"the page does not exist; check the address or {_SAVE_HINT}"
    raise InputError(f"HTTP {code} for URL {url}", cause)


def _read_body(resp: requests.Response, url: str, deadline: float) -> bytes:
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise InputError(f"page is larger than {MAX_BYTES // (1024 * 1024)} MB: {url}",
                         f"this is not a single article; {_SAVE_HINT}")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_content(_CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(f"page is larger than {MAX_BYTES // (1024 * 1024)} MB: {url}",
                             f"this is not a single article; {_SAVE_HINT}")
        if time.monotonic() > deadline:
            raise InputError(f"download of {url} took too long",
                             f"the server is very slow; try again later or {_SAVE_HINT}")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, timeout: float = 15.0) -> Page:
    """GET ``url`` and return its body; every failure raises InputError."""
    deadline = time.monotonic() + 4 * timeout
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers.update({
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Language": "de,en;q=0.5",
        })
        try:
            with session.get(url, timeout=(timeout, timeout), stream=True) as resp:
                _check_status(resp, url)
                mime, charset = _content_type(resp.headers.get("Content-Type", ""))
                kind = _TYPES.get(mime) if mime else "html"
                if kind is None:
                    raise InputError(f"URL {url} is not a web page but {mime}",
                                     f"the address points to a {mime} file; "
                                     "pass the address of an HTML article page")
                body = _read_body(resp, url, deadline)
                final_url = resp.url
        except requests.TooManyRedirects as exc:
            raise InputError(f"too many redirects (more than {MAX_REDIRECTS}) for URL {url}",
                             "the site redirects in a loop (often a cookie or consent wall); "
                             f"{_SAVE_HINT}") from exc
        except requests.Timeout as exc:
            raise InputError(f"no answer from {url} within {timeout:g} s",
                             "the server is slow or unreachable; "
                             f"try again later or {_SAVE_HINT}") from exc
        except requests.exceptions.SSLError as exc:
            raise InputError(f"secure connection to {url} failed (TLS/SSL error)",
                             f"the site's certificate is not trusted; {_SAVE_HINT}") from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema) as exc:
            raise InputError(f"not a valid web address: {url}",
                             "the address is incomplete or malformed; "
                             "write it like https://example.org/artikel") from exc
        except requests.RequestException as exc:
            log.debug("fetch %s failed: %r", url, exc)
            raise InputError(f"could not reach {url}",
                             "check the address or your connection; use a saved file instead") from exc
    log.info("fetched %s (%d bytes, %s)", final_url, len(body), kind)
    return Page(url=final_url, body=body, kind=kind, charset=charset)
