"""Routes for the exports: the podcast feed, JSON chapters and the EPUB."""
from __future__ import annotations

import logging

from flask import Blueprint, Response, abort, current_app, send_file, url_for

from ..errors import InputError, OutputError
from ..export.epub import cached_epub
from ..export.feed import render_chapters_json, render_feed
from . import labels
from .library import get_library
from .texts import ARTICLE_NOT_FOUND, EPUB_NOT_FOUND

log = logging.getLogger(__name__)
bp = Blueprint("exports", __name__)


def _route(rule: str):
    return bp.route(rule, methods=["GET"], provide_automatic_options=False)


class FlaskLinks:
    """The feed's links: absolute URLs of this app's own routes."""

    def home(self) -> str:
        return url_for("reader.library", _external=True)

    def feed(self) -> str:
        return url_for("exports.feed", _external=True)

    def page(self, slug: str) -> str:
        return url_for("reader.article", slug=slug, _external=True)

    def section(self, slug: str, section_id: str) -> str:
        return url_for("reader.article", slug=slug, _anchor=f"abschnitt-{section_id}", _external=True)

    def audio(self, slug: str, name: str) -> str:
        return url_for("files.audio", slug=slug, name=name, _external=True)

    def captions(self, slug: str, name: str) -> str:
        return url_for("files.captions", slug=slug, _external=True)

    def chapters_json(self, slug: str) -> str:
        return url_for("exports.chapters_json", slug=slug, _external=True)


@_route("/feed.xml")
def feed():
    response = Response(render_feed(get_library().articles(), FlaskLinks()), mimetype="application/rss+xml")
    response.cache_control.no_cache = True
    return response


@_route("/artikel/<slug>/chapters.json")
def chapters_json(slug: str):
    article = get_library().get(slug)
    if article is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    response = Response(render_chapters_json(article, FlaskLinks()), mimetype="application/json+chapters")
    response.cache_control.no_cache = True
    return response


@_route("/artikel/<slug>/e-book.epub")
def epub(slug: str):
    if get_library().get(slug) is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    try:
        path, name = cached_epub(current_app.config["AUDIO_DIR"], slug, current_app.config.get("EXPORT_CACHE"))
    except InputError:
        abort(404, description=EPUB_NOT_FOUND)
    except OutputError as exc:
        log.error("cannot write the EPUB of %s: %s", slug, exc)
        abort(503, description="Das E-Book kann gerade nicht erstellt werden.")
    response = send_file(path, mimetype="application/epub+zip", conditional=True, etag=True, max_age=3600)
    response.headers["Content-Disposition"] = labels.content_disposition(name)
    return response
