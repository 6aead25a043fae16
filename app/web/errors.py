"""German error pages (templates/fehler.html: a title, one heading, the message and a link back
to the library); never a traceback. Under /api/ every error is JSON (:mod:`app.api.errors`),
also for a path no route matches and for a failed CSRF check.

If the template itself fails, a minimal built-in page is sent instead.
"""
from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError

from .texts import CSRF_EXPIRED, PAGE_NOT_FOUND

log = logging.getLogger(__name__)

TITLES = {
    400: "Ungültige Anfrage",
    401: "Anmeldung nötig",
    403: "Kein Zugriff",
    404: "Seite nicht gefunden",
    405: "Anfrage nicht erlaubt",
    409: "Gerade nicht möglich",
    413: "Anfrage zu groß",
    416: "Bereich nicht verfügbar",
    429: "Zu viele Anfragen",
    500: "Interner Fehler",
    503: "Vorübergehend nicht verfügbar",
}
MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    401: "Bitte melden Sie sich an.",
    403: "Sie dürfen diese Seite nicht aufrufen.",
    404: PAGE_NOT_FOUND,
    405: "Diese Anfrage ist hier nicht erlaubt.",
    409: "Das geht im Moment nicht. Bitte laden Sie die Seite neu und versuchen Sie es dann erneut.",
    413: "Die Anfrage ist zu groß.",
    416: "Der angeforderte Bereich liegt außerhalb der Datei.",
    429: "Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
    500: "Ein interner Fehler ist aufgetreten. Bitte später noch einmal versuchen.",
    503: "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.",
}
FALLBACK = ('<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fehler {code} – Vorleser'
            '</title></head><body><main><h1>Fehler {code}</h1><p>{message}</p>'
            '<p><a href="/">Zur Bibliothek</a></p></main></body></html>')


def german_message(error: HTTPException) -> str:
    """Our own German description if the code set one, else the German default."""
    own = error.description if error.description != type(error).description else None
    if own is None and error.code == 405 and getattr(error, "valid_methods", None):
        *rest, last = sorted(error.valid_methods)
        return f"{MESSAGES[405]} Erlaubt sind nur {' und '.join(filter(None, [', '.join(rest), last]))}."
    return own or MESSAGES.get(error.code or 500, "Die Anfrage konnte nicht bearbeitet werden.")


def title_for(code: int) -> str:
    return TITLES.get(code) or ("Fehler" if code < 500 else "Serverfehler")


def _page(code: int, message: str) -> str:
    try:
        return render_template("fehler.html", title=title_for(code), message=message, status=code)
    except Exception:  # a broken/missing template must not turn an error page into a 500
        log.exception("error template fehler.html failed; sending the built-in page")
        return FALLBACK.format(code=code, message=escape(message))


def _in_api() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def handle_http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    if _in_api():
        from ..api.errors import handle_http_error as api_http_error
        return api_http_error(error)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return _page(error.code, german_message(error)), error.code, headers


def handle_csrf_error(error: CSRFError):
    """A form whose CSRF token is missing, expired or from another session: 400, in German."""
    if _in_api():
        from ..api.errors import handle_csrf_error as api_csrf_error
        return api_csrf_error(error)
    log.info("CSRF check failed for %s %s: %s", request.method, request.path, error.description)
    return _page(400, CSRF_EXPIRED), 400


def handle_server_error(error: InternalServerError):
    if _in_api():
        from ..api.errors import handle_server_error as api_server_error
        return api_server_error(error)
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.error("unhandled error: %r", original, exc_info=original)
    return _page(500, MESSAGES[500]), 500


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_server_error)
