"""One parser for web addresses: what a fetch connects to, and what the web form and the API
accept before a job is queued (so a malformed address is refused at once, with the reason,
instead of failing later in a worker).

:func:`web_address` returns (scheme, host in DNS form, port, path with query) or raises
InputError naming the problem. It checks the form only; which hosts and ports a server
may reach is :mod:`.netguard`'s business.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from ..errors import InputError

_EXAMPLE = "write it like https://example.org/artikel"
_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")
_SPACE = re.compile(r"\s")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _malformed(url: str, cause: str = f"the address is incomplete or malformed; {_EXAMPLE}") -> InputError:
    return InputError(f"not a valid web address: {url[:200]}", cause)


def _dns_form(host: str, url: str) -> str:
    if not host.isascii():  # an international name: its ASCII form is what DNS, Host and SNI get
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise _malformed(url, "the host name cannot be written in DNS form; check its spelling") from exc
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise _malformed(url, f"the host name '{host[:100]}' is not a valid name (letters, digits, '-' and "
                              f"dots between them); {_EXAMPLE}")
    return host


def web_address(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an http(s) URL; InputError naming what is wrong."""
    if _CONTROL.search(url.replace("\t", " ")):
        raise _malformed(url, "it contains a control character; copy the address again from the browser's "
                              "address bar")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # "http://[::1", "http://host:99999/"
        raise _malformed(url, f"{exc}; {_EXAMPLE}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"unsupported address {url[:200]}", "only http:// and https:// addresses can be fetched")
    if _SPACE.search(url):
        raise _malformed(url, "it contains a space; copy the address again from the browser's address bar")
    if not parts.hostname:
        raise _malformed(url)
    host = _dns_form(parts.hostname, url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, host, port or (443 if scheme == "https" else 80), path
