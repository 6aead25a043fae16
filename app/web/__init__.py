"""The reader web app: pages, file routes, error pages, security headers.

``init_app`` wires every part into a Flask app made by :func:`app.create_app`.
"""
from __future__ import annotations

from flask import Flask

from . import assets, bundle, compress, deploy, embed, errors, exports, files, labels, offline, reader, security
from .library import Library


def init_app(app: Flask) -> None:
    app.url_map.merge_slashes = False  # "//" must be a 404, not a redirect to another path
    app.extensions["vorleser_library"] = Library(app.config["AUDIO_DIR"])
    app.register_blueprint(reader.bp)
    app.register_blueprint(files.bp)
    app.register_blueprint(exports.bp)
    from ..accounts.web import init_accounts
    from ..api import register as register_api
    from . import aussprache, editor
    init_accounts(app)
    app.register_blueprint(editor.bp)
    app.register_blueprint(aussprache.bp)
    register_api(app)
    deploy.register(app)
    app.register_blueprint(offline.bp)
    app.register_blueprint(bundle.bp)
    embed.register(app)
    assets.register(app)
    app.add_template_filter(labels.mmss, "mmss")
    app.add_template_filter(labels.size_label, "size_label")
    errors.register(app)
    security.register(app)
    compress.register(app)
