"""JSON errors: ``{"error": {"code": "...", "message": "..."}}``. The code is stable and
machine-readable; the message is the same one line the CLI prints (what failed, probable cause).

The app's error handlers (:mod:`app.web.errors`) send every error under /api/ here, also for a
path no route of the API matches, so a program never gets an HTML page."""
from __future__ import annotations

import logging

from flask import jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

CODES = {400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
         429: "rate_limited", 500: "internal_error", 503: "queue_unavailable"}
MESSAGES = {400: "invalid request. Probable cause: see /api/v1/openapi.json for what each route takes",
            404: "no such resource. Probable cause: a wrong URL or id",
            405: "method not allowed here. Probable cause: see /api/v1/openapi.json for the methods",
            413: "the request body is too large. Probable cause: more than 1 MB; send the article as a URL "
                 "or shorten it",
            429: "too many requests. Probable cause: a rate limit; wait for the seconds in Retry-After",
            500: "internal error. Probable cause: a bug in Vorleser; please report it",
            503: "the service is unavailable. Probable cause: the build queue cannot be reached; try again "
                 "in a moment"}


def api_error(status: int, code: str, message: str, headers: dict | None = None):
    response = jsonify(error={"code": code, "message": message})
    response.status_code = status
    response.cache_control.no_store = True
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def handle_http_error(error: HTTPException):
    status = error.code or 500
    message = MESSAGES.get(status) or (error.description or "request failed")
    headers = {k: v for k, v in error.get_headers() if k.lower() in ("allow", "retry-after")}
    return api_error(status, CODES.get(status, "error"), message, headers)


def handle_server_error(error: InternalServerError):
    """A bug: logged with its traceback, answered with the fixed one-line message (no details)."""
    original = getattr(error, "original_exception", None)
    if original is not None:
        log.error("unhandled error in the API: %r", original, exc_info=original)
    return api_error(500, CODES[500], MESSAGES[500])


def handle_csrf_error(error: HTTPException):
    """A CSRF failure under /api/: the API's routes are exempt (bearer tokens), so the request
    went to no route of the API; answer that (404, 405) rather than the form check."""
    routing = request.routing_exception
    if isinstance(routing, HTTPException) and (routing.code or 0) >= 400:
        return handle_http_error(routing)
    return api_error(400, "csrf_failed", "the request has no valid CSRF token. Probable cause: the API takes "
                                         "'Authorization: Bearer TOKEN', never a session cookie")
