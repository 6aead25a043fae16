"""Typed settings from the environment (``VORLESER_*``).

Each reader returns the value or the default for an unset or empty variable, and raises
:class:`ConfigError` for a value it cannot use: one line naming the variable, the value and
what is expected, so a command stops at its start instead of ending in a traceback later.
"""
from __future__ import annotations

import os
import re
from typing import Mapping

from .errors import VorleserError

TRUE = ("1", "true", "yes", "ja", "on")
FALSE = ("0", "false", "no", "nein", "off")


class ConfigError(VorleserError):
    """An environment variable holds a value Vorleser cannot use."""

    def __init__(self, name: str, value: str, expected: str):
        self.name, self.value = name, value
        super().__init__(f"{name}={value!r} is not valid: expected {expected}; "
                         "correct the environment variable or unset it for the default")


def _raw(name: str, environ: Mapping[str, str] | None) -> str:
    return (os.environ if environ is None else environ).get(name, "").strip()


def text(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    """The stripped value, or ``default`` when unset or empty."""
    return _raw(name, environ) or default


def number(name: str, default: int, *, minimum: int = 1, maximum: int | None = None, what: str = "a whole number",
           environ: Mapping[str, str] | None = None) -> int:
    """A whole number from ``minimum`` to ``maximum``; ``what`` says what it counts."""
    raw = _raw(name, environ)
    if not raw:
        return default
    upper = f" and at most {maximum}" if maximum is not None else ""
    expected = f"{what}, {minimum} or more{upper}"
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, raw, expected) from None
    if value < minimum or (maximum is not None and value > maximum):
        raise ConfigError(name, raw, expected)
    return value


def seconds(name: str, default: float, *, minimum: float = 1.0,
            environ: Mapping[str, str] | None = None) -> float:
    """A number of seconds (decimals allowed), ``minimum`` or more."""
    raw = _raw(name, environ)
    if not raw:
        return default
    expected = f"a number of seconds, {minimum:g} or more (e.g. {default:g})"
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(name, raw, expected) from None
    if not value >= minimum or value == float("inf"):  # also refuses nan
        raise ConfigError(name, raw, expected)
    return value


def flag(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """On or off: 1/true/yes/ja/on or 0/false/no/nein/off (any case). Anything else is an
    error, so a typo never silently leaves, say, a private library public."""
    raw = _raw(name, environ)
    if not raw:
        return default
    if raw.lower() in TRUE:
        return True
    if raw.lower() in FALSE:
        return False
    raise ConfigError(name, raw, "1 to switch it on or 0 to switch it off (also true/false, yes/no, ja/nein, on/off)")


def ports(name: str, default: frozenset[int], environ: Mapping[str, str] | None = None) -> frozenset[int]:
    """A comma-separated list of TCP ports, e.g. ``80,443,8080``."""
    raw = _raw(name, environ)
    if not raw:
        return default
    items = [p for p in raw.replace(" ", "").split(",") if p]
    if not items or not all(p.isdigit() and 1 <= int(p) <= 65535 for p in items):
        raise ConfigError(name, raw, "port numbers from 1 to 65535 separated by commas, e.g. 80,443,8080")
    return frozenset(int(p) for p in items)


QUEUE_SCHEMES = ("redis://", "rediss://", "unix://")


def queue_url(name: str = "VORLESER_QUEUE", environ: Mapping[str, str] | None = None) -> str:
    """The build queue: "" (or ``sqlite``) for the embedded queue, else a Redis URL."""
    raw = _raw(name, environ)
    if raw in ("", "sqlite") or (raw.startswith(QUEUE_SCHEMES) and len(raw) > raw.index("//") + 2):
        return raw
    shown = re.sub(r"//[^/@?#]*@", "//***@", raw)  # never print a password
    raise ConfigError(name, shown, "nothing (or sqlite) for the embedded queue, or a Redis URL such as "
                                   "redis://HOST:6379/0 (also rediss://, unix://)")


def rate_limit(name: str, default: str, environ: Mapping[str, str] | None = None) -> str:
    """Rate limits in Flask-Limiter's notation, checked with its parser (the ``limits`` library),
    e.g. ``10 per minute;100 per hour``. A limit of 0 would lock everyone out and is refused."""
    from limits import parse_many

    raw = _raw(name, environ)
    if not raw:
        return default
    expected = ("limits like '10 per minute' or '10 per minute;100 per hour' (each 1 or more; "
                "per second, minute, hour, day, month or year)")
    try:
        parsed = parse_many(raw)
    except ValueError:
        raise ConfigError(name, raw, expected) from None
    if not parsed or any(item.amount < 1 for item in parsed):
        raise ConfigError(name, raw, expected)
    return raw


def limiter_storage(name: str, environ: Mapping[str, str] | None = None) -> str:
    """A storage URI for Flask-Limiter (the ``limits`` library), e.g. ``redis://host:6379/1``; "" if unset."""
    from limits.storage import SCHEMES

    raw = _raw(name, environ)
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if not raw or (scheme in SCHEMES and not scheme.startswith("async+")):
        return raw
    shown = re.sub(r"//[^/@?#]*@", "//***@", raw)
    raise ConfigError(name, shown, "a storage URI of the limits library such as redis://HOST:6379/1 or memory://")


def proxy_count(name: str = "VORLESER_BEHIND_PROXY", environ: Mapping[str, str] | None = None) -> int:
    """How many proxies in front are trusted: a whole number, or yes/true for 1."""
    raw = _raw(name, environ)
    if not raw:
        return 0
    if raw.lower() in ("yes", "true"):
        return 1
    if raw.isdigit() and int(raw) <= 10:
        return int(raw)
    raise ConfigError(name, raw, "the number of proxies in front of Vorleser, from 0 (none) to 10: 1 for one "
                                 "nginx (yes and true also mean 1)")


def url_path_prefix(name: str, environ: Mapping[str, str] | None = None) -> str:
    """A URL path prefix such as ``/_vorleser_audio/`` ("" if unset)."""
    raw = _raw(name, environ)
    if not raw or re.fullmatch(r"/?[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*/?", raw):
        return raw
    raise ConfigError(name, raw, "a URL path prefix such as /_vorleser_audio/ (letters, digits, '-', '_', '.', "
                                 "'~' and '/')")


def http_url(name: str, environ: Mapping[str, str] | None = None) -> str:
    """An http(s) base address such as ``http://127.0.0.1:8080`` ("" if unset)."""
    raw = _raw(name, environ)
    if not raw or re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", raw):
        return raw
    raise ConfigError(name, raw, "an http:// or https:// address such as http://127.0.0.1:8080")


def check_web(environ: Mapping[str, str] | None = None) -> None:
    """Check the web settings that app/web reads on its own (proxy hops, X-Accel prefix), so a
    bad value stops ``create_app`` with one line before the web code parses it."""
    proxy_count("VORLESER_BEHIND_PROXY", environ)
    url_path_prefix("VORLESER_X_ACCEL", environ)
