"""German error pages (templates/fehler.html: a title, one heading, the message and a link back
to the library); never a traceback. Under /api/ every error is JSON (:mod:`app.api.errors`),
also for a path no route matches and for a failed CSRF check. A queue that cannot be reached
(:class:`~app.jobs.queue.QueueUnavailable`) is a 503 naming the problem, on pages and in the API.

If the template itself fails, a minimal built-in page is sent instead.
"""
from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from redis.exceptions import RedisError
from werkzeug.exceptions import HTTPException, InternalServerError

from ..api import errors as api_errors
from ..jobs.queue import QueueUnavailable
from .texts import CSRF_EXPIRED, PAGE_NOT_FOUND, queue_unavailable

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
RETRY_AFTER = 30  # seconds, on a 503 of the queue
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
        return api_errors.handle_http_error(error)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return _page(error.code, german_message(error)), error.code, headers


def handle_csrf_error(error: CSRFError):
    """A form whose CSRF token is missing, expired or from another session: 400, in German."""
    if _in_api():
        return api_errors.handle_csrf_error(error)
    log.info("CSRF check failed for %s %s: %s", request.method, request.path, error.description)
    return _page(400, CSRF_EXPIRED), 400


def handle_queue_unavailable(error: Exception):
    """The build queue (Redis, or the embedded queue's files) cannot be reached: 503, never a traceback.
    Redis's own errors that got past the job store (an article lock) are answered the same way."""
    if not isinstance(error, QueueUnavailable):
        error = QueueUnavailable("the build queue cannot be reached", f"Redis: {error}; try again in a moment")
    log.warning("queue unavailable for %s %s: %s", request.method, request.path, error)
    if _in_api():
        return api_errors.api_error(503, "queue_unavailable", str(error), {"Retry-After": str(RETRY_AFTER)})
    return _page(503, queue_unavailable(error)), 503, {"Retry-After": str(RETRY_AFTER)}


def handle_server_error(error: InternalServerError):
    if _in_api():
        return api_errors.handle_server_error(error)
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.error("unhandled error: %r", original, exc_info=original)
    return _page(500, MESSAGES[500]), 500


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(QueueUnavailable, handle_queue_unavailable)
    app.register_error_handler(RedisError, handle_queue_unavailable)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_server_error)
