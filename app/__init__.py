"""Vorleser: German articles as timed speech, and an accessible reader page.

``create_app`` is the Flask application factory (``flask --app app run``).
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from .paths import PACKAGE_DIR, audio_dir, instance_dir

# templates/ lives at the top of the repository and ships in the wheel as app/templates.
TEMPLATE_DIR = next((d for d in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates") if d.is_dir()),
                    PACKAGE_DIR / "templates")
STATIC_DIR = PACKAGE_DIR / "static"


def create_app(config: dict | None = None) -> Flask:
    """Build the reader application.

    ``config`` overrides the defaults, e.g. ``{"AUDIO_DIR": tmp, "TESTING": True}``.
    ``TEMPLATE_FOLDER`` may point at another template directory (tests). ``INSTANCE_DIR``
    holds the secret key (made on first start), accounts, tokens and the embedded queue.
    """
    from . import envconfig
    from .accounts.web import settings_from_env
    from .web.deploy import deploy_settings

    app = Flask(__name__, template_folder=str(TEMPLATE_DIR), static_folder=str(STATIC_DIR))
    app.config.from_mapping(
        AUDIO_DIR=audio_dir(),
        INSTANCE_DIR=instance_dir(),
        MAX_CONTENT_LENGTH=1024 * 1024,  # an uploaded or pasted article; the API's JSON body
        AUDIO_MAX_AGE=3600,
        JSON_AS_ASCII=False,
        FEED=True,  # link the podcast feed (the static export turns it off without --base-url)
    )
    app.config.update(settings_from_env())
    envconfig.check_web()  # deploy_settings parses these on its own; a bad value stops here with one line
    app.config.update(deploy_settings())
    if config:
        app.config.update(config)
    app.config["AUDIO_DIR"] = Path(app.config["AUDIO_DIR"])
    app.config["INSTANCE_DIR"] = Path(app.config["INSTANCE_DIR"])
    if not app.config.get("SECRET_KEY"):
        from .accounts.secret import secret_key
        app.config["SECRET_KEY"] = os.environ.get("VORLESER_SECRET_KEY") or secret_key(app.config["INSTANCE_DIR"])
    if app.config.get("TEMPLATE_FOLDER"):
        # Must happen before the first render: Flask caches its template loader.
        app.template_folder = str(app.config["TEMPLATE_FOLDER"])

    from .web import init_app
    init_app(app)
    return app
