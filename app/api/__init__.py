"""The JSON API under /api/v1 for programs (a newsroom CMS): bearer tokens, JSON errors, and
its OpenAPI description (``openapi.py``, served at /api/v1/openapi.json; a test checks every
route and response against it)."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from ..accounts.web import csrf
    from .routes import bp

    csrf.exempt(bp)  # bearer tokens, never cookies: no cross-site request can carry one
    app.register_blueprint(bp)
