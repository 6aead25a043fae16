"""Routes for the exports: the podcast feed, JSON chapters and the EPUB."""
from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, request, send_file

from ..errors import InputError, OutputError
from . import labels
from .library import get_library

log = logging.getLogger(__name__)
bp = Blueprint("exports", __name__)


def _route(rule: str):
    return bp.route(rule, methods=["GET"], provide_automatic_options=False)


@_route("/feed.xml")
def feed():
    from ..export.feed import render_feed  # imported late: app.export uses app.web's validators
    manifests = [a.manifest for a in get_library().articles()]
    response = Response(render_feed(manifests, request.url_root), mimetype="application/rss+xml")
    response.cache_control.no_cache = True
    return response


@_route("/artikel/<slug>/chapters.json")
def chapters_json(slug: str):
    from ..export.feed import render_chapters_json
    article = get_library().get(slug)
    if article is None:
        abort(404, description="Diesen Artikel gibt es nicht oder er wird gerade erstellt.")
    response = Response(render_chapters_json(article.manifest, request.url_root), mimetype="application/json+chapters")
    response.cache_control.no_cache = True
    return response


@_route("/artikel/<slug>/e-book.epub")
def epub(slug: str):
    from ..export.epub import cached_epub
    if get_library().get(slug) is None:
        abort(404, description="Diesen Artikel gibt es nicht oder er wird gerade erstellt.")
    try:
        path, name = cached_epub(current_app.config["AUDIO_DIR"], slug, current_app.config.get("EXPORT_CACHE"))
    except InputError:
        abort(404, description="Dieses E-Book gibt es nicht oder es wird gerade erstellt.")
    except OutputError as exc:
        log.error("cannot write the EPUB of %s: %s", slug, exc)
        abort(503, description="Das E-Book kann gerade nicht erstellt werden.")
    response = send_file(path, mimetype="application/epub+zip", conditional=True, etag=True, max_age=3600)
    response.headers["Content-Disposition"] = labels.content_disposition(name)
    return response
