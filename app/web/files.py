"""File routes: audio (inline, with Range), downloads, section ZIP, manifest, timings, VTT.

Only files the manifest names are served; they are looked up by name in the
manifest (see :mod:`app.web.article`). Only GET and HEAD are allowed.
"""
from __future__ import annotations

import os
from typing import BinaryIO

from flask import Blueprint, Response, abort, current_app, request, send_file

from . import labels
from .deploy import accel_response
from ..manifest import BuiltArticle, FoundFile
from .library import get_library
from .texts import ARTICLE_NOT_FOUND, FILE_NOT_FOUND
from .zipstream import stream_zip

bp = Blueprint("files", __name__, url_prefix="/artikel/<slug>")


def _route(rule: str):
    return bp.route(rule, methods=["GET"], provide_automatic_options=False)


def _article(slug: str) -> BuiltArticle:
    found = get_library().get(slug)
    if found is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    return found


def _send(found: FoundFile | None, max_age: int | None, attachment: bool = False) -> Response:
    if found is None:
        abort(404, description=FILE_NOT_FOUND)
    response = accel_response(current_app, found.path, found.mimetype)  # nginx sends it (if configured)
    if response is not None:
        if max_age is not None:
            response.cache_control.public = True
            response.cache_control.max_age = max_age
    else:
        response = send_file(found.path, mimetype=found.mimetype, conditional=True, etag=True,
                             max_age=max_age)
    if max_age is None:
        response.cache_control.no_cache = True
    if attachment:
        response.headers["Content-Disposition"] = labels.content_disposition(found.download_name)
    return response


@_route("/audio/<name>")
def audio(slug: str, name: str):
    return _send(_article(slug).audio(name), current_app.config["AUDIO_MAX_AGE"])


@_route("/download/<name>")
def download(slug: str, name: str):
    return _send(_article(slug).download(name), current_app.config["AUDIO_MAX_AGE"],
                 attachment=True)


@_route("/manifest.json")
def manifest(slug: str):
    return _send(_article(slug).text_file("manifest"), None)


@_route("/zeiten/<name>")
def timings(slug: str, name: str):
    """A section's sentence and word times, derived from the manifest (app/manifest/timings.py)."""
    text = _article(slug).timings(name)
    if text is None:
        abort(404, description=FILE_NOT_FOUND)
    response = Response(text, mimetype="application/json")
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)


@_route("/captions.vtt")
def captions(slug: str):
    return _send(_article(slug).text_file("captions"), None)


@_route("/chapters.vtt")
def chapters(slug: str):
    return _send(_article(slug).text_file("chapters"), None)


def _open_all(paths: list) -> list[BinaryIO]:
    handles: list[BinaryIO] = []
    try:
        for path in paths:
            handles.append(open(path, "rb"))
    except OSError:
        for handle in handles:
            handle.close()
        abort(404, description=FILE_NOT_FOUND)
    return handles


@_route("/abschnitte.zip")
def sections_zip(slug: str):
    article = _article(slug)
    files = article.section_files()
    if not files:
        abort(404, description=FILE_NOT_FOUND)
    handles = _open_all([f.path for f in files])  # opened now: a rebuild cannot mix versions
    entries = [(f.download_name, h, os.fstat(h.fileno()).st_mtime) for f, h in zip(files, handles)]
    response = Response(stream_zip(entries), mimetype="application/zip")
    response.call_on_close(lambda: [h.close() for h in handles])
    response.headers["Content-Disposition"] = labels.content_disposition(article.download_name("zip"))
    response.cache_control.no_cache = True
    return response
