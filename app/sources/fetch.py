"""Download a web page: every hop's address checked, the connection pinned to it.

Each hop (the first request and every redirect, at most ``policy.max_redirects``)
is parsed, its host resolved once and every address checked against the
:class:`~app.sources.netguard.FetchPolicy`; the connection then goes to that
checked address (urllib3 with the IP as the pool host), so a DNS answer that
changes between check and connect cannot point it elsewhere. For https the
TLS handshake still names the host (SNI) and the certificate is verified
against the host name. The body is streamed and counted after decompression;
connect and read timeouts, an overall deadline and a content-type check apply.
The deadline cuts the connection itself (a server that sends a byte now and then
keeps every single read within the read timeout, in the headers or the body).
No proxy from the environment is used (it would connect where we did not check).
"""
from __future__ import annotations

import contextlib
import logging
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (ConnectTimeoutError, DecodeError, HTTPError, NewConnectionError, ReadTimeoutError,
                                SSLError)

from ..errors import InputError
from .address import web_address
from .netguard import FetchPolicy, resolve

log = logging.getLogger(__name__)

USER_AGENT = "Vorleser/0.1"
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SAVE_HINT = "save the page in your browser (Ctrl+S) and pass the .html file instead"
_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
          "text/markdown": "markdown", "text/x-markdown": "markdown"}
_HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Language": "de,en;q=0.5", "Accept-Encoding": "gzip, deflate"}


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


def _check_status(code: int, url: str) -> None:
    if code < 400:
        return
    if code >= 500:
        cause = f"the server has a problem; try again later or {_SAVE_HINT}"
    elif code in (401, 403, 451):
        cause = f"the site refuses automated readers or needs a login; {_SAVE_HINT}"
    else:
        cause = f"the page does not exist; check the address or {_SAVE_HINT}"
    raise InputError(f"HTTP {code} for URL {url}", cause)


def _too_big(url: str, limit: int) -> InputError:
    return InputError(f"page is larger than {limit // (1024 * 1024)} MB: {url}",
                      f"this is not a single article; {_SAVE_HINT}")


class _Deadline:
    """Shuts the current connection down when the whole download has taken too long."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                self._cut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._cut()

    def _cut(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once

    def cancel(self) -> None:
        self._timer.cancel()
        self.watch(None)


def _too_slow(url: str) -> InputError:
    return InputError(f"download of {url} took too long",
                      f"the server is very slow; try again later or {_SAVE_HINT}")


def _read_body(resp, url: str, deadline: float, limit: int) -> bytes:
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise _too_big(url, limit)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.stream(_CHUNK, decode_content=True):  # counted after decompression
        size += len(chunk)
        if size > limit:
            raise _too_big(url, limit)
        if time.monotonic() > deadline:
            raise _too_slow(url)
        chunks.append(chunk)
    return b"".join(chunks)


def _pool(scheme: str, host: str, ip, port: int, timeout: urllib3.Timeout, watchdog: _Deadline):
    if scheme == "https":
        context = ssl.create_default_context()
        pool = urllib3.HTTPSConnectionPool(str(ip), port, timeout=timeout, retries=False, maxsize=1,
                                           server_hostname=host, assert_hostname=host, ssl_context=context,
                                           cert_reqs="CERT_REQUIRED")
    else:
        pool = urllib3.HTTPConnectionPool(str(ip), port, timeout=timeout, retries=False, maxsize=1)
    base = pool.ConnectionCls

    class Watched(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    pool.ConnectionCls = Watched
    return pool


def _host_header(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if port == (443 if scheme == "https" else 80) else f"{shown}:{port}"


def _hop(url: str, policy: FetchPolicy, timeout: urllib3.Timeout, watchdog: _Deadline):
    """One request to ``url`` through a checked address; returns (pool, response)."""
    scheme, host, port, path = web_address(url)
    addresses = resolve(host, port, policy)
    last: Exception | None = None
    for ip in addresses:
        pool = _pool(scheme, host, ip, port, timeout, watchdog)
        try:
            resp = pool.urlopen("GET", path, headers={**_HEADERS, "Host": _host_header(host, port, scheme)},
                                redirect=False, retries=False, preload_content=False, decode_content=True,
                                assert_same_host=False)
            return pool, resp
        except (NewConnectionError, ConnectTimeoutError) as exc:
            pool.close()
            last = exc  # try the next checked address
    raise last  # type: ignore[misc]


def fetch(url: str, timeout: float = 15.0, policy: FetchPolicy | None = None) -> Page:
    """GET ``url`` and return its body; every failure raises InputError with a one-line message.
    The whole download, redirects included, ends after 4 x ``timeout`` seconds."""
    policy = policy or FetchPolicy.local()
    watchdog = _Deadline(4 * timeout)
    try:
        page = _fetch(url, timeout, policy, watchdog)
    except InputError as exc:
        if watchdog.expired:  # the cut connection surfaced as some other error
            raise _too_slow(url) from exc
        raise
    finally:
        watchdog.cancel()
    if watchdog.expired:  # the cut looked like the end of the body
        raise _too_slow(url)
    return page


def _fetch(url: str, timeout: float, policy: FetchPolicy, watchdog: _Deadline) -> Page:
    deadline = time.monotonic() + 4 * timeout
    tmo = urllib3.Timeout(connect=min(timeout, policy.connect_timeout), read=timeout)
    current = url
    try:
        for _hop_no in range(policy.max_redirects + 1):
            pool, resp = _hop(current, policy, tmo, watchdog)
            try:
                if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                    # a space in a Location header: sent as a browser would (%20), not refused
                    current = urljoin(current, resp.headers["Location"].strip().replace(" ", "%20"))
                    continue
                _check_status(resp.status, url)
                mime, charset = _content_type(resp.headers.get("Content-Type", ""))
                kind = _TYPES.get(mime) if mime else "html"
                if kind is None:
                    raise InputError(f"URL {url} is not a web page but {mime}",
                                     f"the address points to a {mime} file; pass the address of an HTML article page")
                body = _read_body(resp, url, deadline, policy.max_bytes)
            finally:
                watchdog.watch(None)  # before the socket closes
                resp.release_conn()
                pool.close()
            log.info("fetched %s (%d bytes, %s)", current, len(body), kind)
            return Page(url=current, body=body, kind=kind, charset=charset)
    except NewConnectionError as exc:  # (a subclass of ConnectTimeoutError in urllib3 2)
        log.debug("fetch %s failed: %r", url, exc)
        raise InputError(f"could not reach {url}",
                         "check the address or your connection; use a saved file instead") from exc
    except (ConnectTimeoutError, ReadTimeoutError, TimeoutError) as exc:
        raise InputError(f"no answer from {url} within {timeout:g} s",
                         f"the server is slow or unreachable; try again later or {_SAVE_HINT}") from exc
    except SSLError as exc:
        raise InputError(f"secure connection to {url} failed (TLS/SSL error)",
                         f"the site's certificate is not trusted; {_SAVE_HINT}") from exc
    except DecodeError as exc:
        raise InputError(f"the page at {url} could not be decompressed",
                         f"the server sent broken compressed data; {_SAVE_HINT}") from exc
    except (HTTPError, OSError) as exc:
        if isinstance(getattr(exc, "reason", None), (ConnectTimeoutError, ReadTimeoutError)):
            raise InputError(f"no answer from {url} within {timeout:g} s",
                             f"the server is slow or unreachable; try again later or {_SAVE_HINT}") from exc
        log.debug("fetch %s failed: %r", url, exc)
        raise InputError(f"could not reach {url}",
                         "check the address or your connection; use a saved file instead") from exc
    raise InputError(f"too many redirects (more than {policy.max_redirects}) for URL {url}",
                     f"the site redirects in a loop (often a cookie or consent wall); {_SAVE_HINT}")
