"""German error pages (templates/404.html with ``message``); never a traceback.

If the template itself fails, a minimal built-in page is sent instead.
"""
from __future__ import annotations

import logging

from flask import Flask, render_template
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError

from .texts import PAGE_NOT_FOUND

log = logging.getLogger(__name__)

MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    404: PAGE_NOT_FOUND,
    405: "Diese Anfrage ist hier nicht erlaubt. Erlaubt sind nur GET und HEAD.",
    413: "Die Anfrage ist zu groß.",
    416: "Der angeforderte Bereich liegt außerhalb der Datei.",
    500: "Ein interner Fehler ist aufgetreten. Bitte später noch einmal versuchen.",
}
FALLBACK = ('<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fehler {code}'
            '</title></head><body><main><h1>Fehler {code}</h1><p>{message}</p>'
            '<p><a href="/">Zur Übersicht</a></p></main></body></html>')


def german_message(error: HTTPException) -> str:
    """Our own German description if the code set one, else the German default."""
    own = error.description if error.description != type(error).description else None
    return own or MESSAGES.get(error.code or 500, "Die Anfrage konnte nicht bearbeitet werden.")


def _page(code: int, message: str) -> str:
    try:
        return render_template("404.html", message=message, status=code)
    except Exception:  # a broken/missing template must not turn an error page into a 500
        log.exception("error template 404.html failed; sending the built-in page")
        return FALLBACK.format(code=code, message=escape(message))


def handle_http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return _page(error.code, german_message(error)), error.code, headers


def handle_server_error(error: InternalServerError):
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.error("unhandled error: %r", original, exc_info=original)
    return _page(500, MESSAGES[500]), 500


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_server_error)
