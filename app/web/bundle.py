"""One script per page entry: the entry's ES modules joined into one module.

Issue 14 measured it: on ``vorleser serve`` the reader page became a player
sooner with its modules in one file than with two dozen modules fetched in
parallel through ``<link rel="modulepreload">`` (fewer requests competing
with the page and its CSS at start), and Lighthouse's simulated mobile
network agreed. The sources stay one module per behaviour in
``static/js/``; this joins an entry (``reader-page.js``, ``embed-page.js``)
and everything it imports, in the order the browser would evaluate them,
each module in its own function scope, whole-line comments left out. It
understands exactly the import
and export forms the project writes and refuses any other, so a new form
fails loudly in the tests instead of silently at runtime::

    import { a, b as c } from "./x.js";      import * as ns from "./x.js";
    export function|async function|class|const NAME

Served at ``/js/<entry>`` (``no-cache`` with an ETag); the static export
writes the same files to ``js/``.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from flask import Blueprint, Response, abort, request

from .assets import JS_DIR, AssetError, _read

ENTRIES = ("reader-page.js", "embed-page.js")

_NAMED = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w-]+\.js)";[ \t]*$', re.M)
_STAR = re.compile(r'^import\s*\*\s*as\s+(\w+)\s+from\s*"\./([\w-]+\.js)";[ \t]*$', re.M)
_EXPORT = re.compile(r"^export\s+((?:async\s+)?function|class|const)\s+(\w+)", re.M)
_LEFT = re.compile(r"^\s*(?:import|export)\b.*$", re.M)
_BINDING = re.compile(r"^(\w+)(?:\s+as\s+(\w+))?$")
# Whole-line comments only ("// ..." and one-line "/** ... */"): what the browser never needs.
_COMMENT_LINE = re.compile(r"^[ \t]*(?://[^\n]*|/\*\*[^\n]*?\*/[ \t]*)\n", re.M)

bp = Blueprint("bundle", __name__)


def _imports(source: str) -> list[str]:
    return [m.group(2) for m in _NAMED.finditer(source)] + [m.group(2) for m in _STAR.finditer(source)]


def _order(entry: str) -> list[str]:
    """Modules in evaluation order: each after everything it imports (depth first, in import order)."""
    done: list[str] = []
    active: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in active:
            raise AssetError(f"static/js: import cycle {' -> '.join([*active, name])}",
                             "the bundler (app/web/bundle.py) needs modules without cycles")
        active.append(name)
        source = _read(name)
        for dep in sorted(_imports(source), key=source.index):
            visit(dep)
        active.pop()
        done.append(name)

    visit(entry)
    return done


def _named(match: re.Match) -> str:
    parts = []
    for item in (i.strip() for i in match.group(1).split(",") if i.strip()):
        binding = _BINDING.fullmatch(item)
        if binding is None:
            raise AssetError(f"static/js: cannot bundle the import '{item}'", "write 'name' or 'name as other'")
        name, alias = binding.groups()
        parts.append(f"{name}: {alias}" if alias else name)
    return f'const {{ {", ".join(parts)} }} = __vorleser["{match.group(2)}"];'


def _module(name: str) -> str:
    source = _COMMENT_LINE.sub("", _read(name))
    body = _NAMED.sub(_named, source)
    body = _STAR.sub(lambda m: f'const {m.group(1)} = __vorleser["{m.group(2)}"];', body)
    exported = [m.group(2) for m in _EXPORT.finditer(body)]
    body = _EXPORT.sub(lambda m: f"{m.group(1)} {m.group(2)}", body)
    left = _LEFT.search(body)
    if left:
        raise AssetError(f"static/js/{name}: cannot bundle '{left.group(0).strip()}'",
                         "use the import and export forms listed in app/web/bundle.py")
    return (f'__vorleser["{name}"] = (() => {{\n{body.rstrip()}\n'
            f'return {{ {", ".join(exported)} }};\n}})();\n')


def _stamp() -> tuple:
    """The modification times of every module: a request stats the folder, it parses nothing."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in JS_DIR.glob("*.js")))


@lru_cache(maxsize=16)
def _bundle(entry: str, stamp: tuple) -> tuple[str, str]:
    """The joined module and its ETag; built again only when a module changes."""
    parts = [f"// {entry} and the modules it imports, joined by app/web/bundle.py; the sources are in static/js/.\n",
             "const __vorleser = {};\n"]
    parts += [_module(name) for name in _order(entry)]
    text = "".join(parts)
    return text, hashlib.sha1(text.encode("utf-8")).hexdigest()


def bundle(entry: str) -> str:
    """The JavaScript of ``entry`` and its imports as one module (rebuilt when a source changes)."""
    if entry not in ENTRIES:
        raise AssetError(f"'{entry}' is not a page entry", f"choose one of {', '.join(ENTRIES)}")
    return _bundle(entry, _stamp())[0]


@bp.route("/js/<name>", methods=["GET"], provide_automatic_options=False)
def script(name: str):
    if name not in ENTRIES:
        abort(404)
    text, etag = _bundle(name, _stamp())
    response = Response(text, mimetype="text/javascript")
    response.cache_control.no_cache = True
    response.set_etag(etag)
    return response.make_conditional(request)
