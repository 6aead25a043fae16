"""Offline listening: the service worker and the page it shows offline.

The worker is served at ``/sw.js``, the top of the site, so its scope covers
the library and every article page (a worker's scope is the folder of its
script). The page itself (js/offline.js) saves an article into the Cache API;
the worker only answers from those caches when the network fails, Range
requests on saved MP3s included (see static/js/sw.js).
"""
from __future__ import annotations

import mimetypes

from flask import Blueprint, render_template, send_from_directory

from .assets import JS_DIR

bp = Blueprint("offline", __name__)

# Python's table does not know the Web App Manifest's extension (static/app.webmanifest).
mimetypes.add_type("application/manifest+json", ".webmanifest")


def _route(rule: str):
    return bp.route(rule, methods=["GET"], provide_automatic_options=False)


@_route("/sw.js")
def service_worker():
    response = send_from_directory(JS_DIR, "sw.js", mimetype="text/javascript", max_age=0)
    response.cache_control.no_cache = True  # a new worker must be seen on the next visit
    return response


@_route("/offline.html")
def page():
    """What the worker shows for a page that was not saved, while the network is gone."""
    return render_template("offline.html")
