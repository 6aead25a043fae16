"""Running behind nginx: trusted proxy headers, and MP3s handed to nginx by X-Accel-Redirect.

Settings (environment, read by :func:`deploy_settings`):

- ``VORLESER_BEHIND_PROXY=1`` (or the number of proxies): trust X-Forwarded-For/-Proto/-Host
  from that many proxies (werkzeug's ProxyFix). Then the login rate limit counts real client
  addresses and a request that came over https gets Secure cookies.
- ``VORLESER_X_ACCEL=/_vorleser_audio/``: Flask still checks the request (the article and
  file exist, the library is public or the visitor signed in) and answers an MP3 request
  with an empty body and ``X-Accel-Redirect: /_vorleser_audio/<path>``; nginx then sends
  the file itself from an ``internal`` location that aliases the audio folder (with Range,
  ETag and sendfile). See ``docs/nginx-vorleser.conf``.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix


def deploy_settings(environ=os.environ) -> dict:
    out: dict = {}
    proxies = environ.get("VORLESER_BEHIND_PROXY", "").strip()
    if proxies:
        out["PROXY_FIX"] = 1 if proxies.lower() in ("yes", "true") else max(0, int(proxies) if proxies.isdigit() else 1)
    prefix = environ.get("VORLESER_X_ACCEL", "").strip()
    if prefix:
        out["X_ACCEL_PREFIX"] = "/" + prefix.strip("/") + "/"
    return out


def register(app: Flask) -> None:
    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def accel_response(app: Flask, path: Path, mimetype: str) -> Response | None:
    """An X-Accel-Redirect answer for ``path`` (inside the audio folder), or None when it is off
    or the file is not an MP3 in the audio folder."""
    prefix = app.config.get("X_ACCEL_PREFIX")
    if not prefix or mimetype != "audio/mpeg":
        return None
    root = Path(app.config["AUDIO_DIR"]).resolve()
    real = Path(path).resolve()  # the version folder: a rebuild cannot swap the file under nginx
    try:
        relative = real.relative_to(root)
    except ValueError:
        return None
    response = Response(b"", mimetype=mimetype)
    response.headers["X-Accel-Redirect"] = prefix + quote(relative.as_posix())
    return response
