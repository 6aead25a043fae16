"""Security headers on every response (pages, files, static assets, errors)."""
from __future__ import annotations

from flask import Flask, Response, current_app, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


# Routes other sites may put in an <iframe> (the embeddable player); their frame-ancestors
# come from the EMBED_ORIGINS setting (app/web/embed.py). Every other route: 'none'.
FRAMEABLE = frozenset({"embed.page"})


def frame_csp(origins: tuple[str, ...]) -> str:
    return CSP.replace("frame-ancestors 'none'", "frame-ancestors " + " ".join(origins))


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers[name] = value
    if request.endpoint in FRAMEABLE:
        response.headers["Content-Security-Policy"] = frame_csp(current_app.config["EMBED_ORIGINS"])
        del response.headers["X-Frame-Options"]  # superseded by frame-ancestors; DENY would block the embed
    return response


def register(app: Flask) -> None:
    app.after_request(add_security_headers)
