"""Which ES modules a page needs, for ``<link rel="modulepreload">``.

A page's entry module either imports its behaviours statically
(``reader-page.js``, ``embed-page.js``) or is ``main.js``, which loads the
behaviours of each ``data-module`` name from its ``MODULES`` map. This module
reads those files and follows every static import, so a page asks the browser
for all of its modules at once instead of discovering them one import level
at a time.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, url_for

from ..errors import VorleserError

log = logging.getLogger(__name__)

JS_DIR = Path(__file__).resolve().parent.parent / "static" / "js"
_MAP = re.compile(r"const MODULES = \{(.*?)\};", re.S)
_ENTRY = re.compile(r"""^\s*([a-z-]+)\s*:\s*\[([^\]]*)\]""", re.M)
_PATH = re.compile(r"""["']\./([\w-]+\.js)["']""")
_IMPORT = re.compile(r"""^\s*import\s[^;]*?from\s+["']\./([\w-]+\.js)["']""", re.M)


class AssetError(VorleserError):
    """static/js/main.js or a module it names is missing or unreadable."""


def _read(name: str) -> str:
    try:
        return (JS_DIR / name).read_text("utf-8")
    except OSError as exc:
        raise AssetError(f"cannot read static/js/{name}", "a broken installation; reinstall Vorleser") from exc


@lru_cache(maxsize=None)
def module_map() -> dict[str, tuple[str, ...]]:
    """data-module name -> module files, as main.js lists them."""
    found = _MAP.search(_read("main.js"))
    if found is None:
        raise AssetError("static/js/main.js has no MODULES map", "a broken installation; reinstall Vorleser")
    return {m.group(1): tuple(_PATH.findall(m.group(2))) for m in _ENTRY.finditer(found.group(1))}


@lru_cache(maxsize=None)
def closure(names: tuple[str, ...]) -> tuple[str, ...]:
    """Every module a page needs besides its entry, in a stable order. ``names``: the entry
    module (``reader-page.js``: its static imports) and/or ``data-module`` names of main.js's map."""
    todo: list[str] = []
    entries = {n for n in names if n.endswith(".js")}
    for name in names:
        todo += _IMPORT.findall(_read(name)) if name in entries else list(module_map().get(name, ()))
    seen: list[str] = []
    while todo:
        file = todo.pop(0)
        if file in seen or file in entries:
            continue
        seen.append(file)
        todo += _IMPORT.findall(_read(file))
    return tuple(seen)


def preload_urls(*names: str) -> list[str]:
    """URLs for the modulepreload links of a page (see :func:`closure`)."""
    return [url_for("static", filename=f"js/{file}") for file in closure(tuple(names))]


def register(app: Flask) -> None:
    app.jinja_env.globals["preload_urls"] = preload_urls
