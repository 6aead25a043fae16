"""Pages: the library (``/``), the reader (``/artikel/<slug>``) and ``/healthz``."""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template

from .context import library_entry, reader_context
from .library import get_library
from .texts import ARTICLE_NOT_FOUND

bp = Blueprint("reader", __name__)


@bp.get("/")
def library():
    entries = [library_entry(a) for a in get_library().articles()]
    return render_template("library.html", articles=entries)


@bp.get("/artikel/<slug>")
def article(slug: str):
    found = get_library().get(slug)
    if found is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    page = found.memo.get("reader.html")
    if page is None:  # rendered once per build: the page depends only on the manifest
        page = found.memo["reader.html"] = render_template("reader.html", **reader_context(found))
    return page


@bp.get("/healthz")
def healthz():
    response = jsonify(status="ok", articles=len(get_library().articles()))
    response.cache_control.no_store = True
    return response
