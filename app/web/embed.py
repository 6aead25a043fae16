"""The embeddable player for publishers' pages and its oEmbed endpoint.

- ``/artikel/<slug>/einbetten``: a compact player for an ``<iframe>``; only
  this route may be framed, by the origins in ``EMBED_ORIGINS`` (from
  ``$VORLESER_EMBED_ORIGINS``, a space- or comma-separated list, default ``*``);
  every other route keeps ``frame-ancestors 'none'`` (see :mod:`.security`).
- ``/oembed?url=…&format=json``: oEmbed 1.0 (type ``rich``) for the reader and
  embed URLs of this site, so a CMS that speaks oEmbed embeds the player when
  someone pastes the article's address (or a path, which the reader page's
  discovery link uses: that page is cached and names no host). 404 for a URL
  that is not one of our articles, 501 for any format but JSON, as the spec says.
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, jsonify, render_template, request, url_for
from markupsafe import escape

from ..errors import VorleserError
from .context import reader_context
from .library import get_library
from .texts import ARTICLE_NOT_FOUND, OEMBED_FORMAT, OEMBED_URL_MISSING

bp = Blueprint("embed", __name__)

WIDTH, HEIGHT = 480, 400  # what the player needs for its controls and a few sections
MIN_WIDTH, MIN_HEIGHT = 280, 240
_ORIGIN = re.compile(r"https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?")
_PAGE = re.compile(r"/artikel/([a-z0-9][a-z0-9-]{0,80})(?:/|/einbetten/?)?")


class EmbedConfigError(VorleserError):
    """VORLESER_EMBED_ORIGINS holds something that is not an origin."""


def parse_origins(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``"https://a.de https://b.de"`` -> the sources for ``frame-ancestors`` (``*`` or origins)."""
    items = value if isinstance(value, (list, tuple)) else re.split(r"[\s,]+", value)
    origins = tuple(i.strip().rstrip("/") for i in items if i.strip())
    for origin in origins:
        if origin not in ("*", "'self'") and not _ORIGIN.fullmatch(origin):
            raise EmbedConfigError(f"VORLESER_EMBED_ORIGINS: '{origin}' is not an origin",
                                   "list origins like https://zeitung.example (scheme and host, no path), "
                                   "separated by spaces or commas, or * for any site")
    if not origins:
        raise EmbedConfigError("VORLESER_EMBED_ORIGINS is empty",
                               "name the sites that may embed the player, or * for any site")
    return origins


def _route(rule: str):
    return bp.route(rule, methods=["GET"], provide_automatic_options=False)


def _article(slug: str):
    found = get_library().get(slug)
    if found is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    return found


@_route("/artikel/<slug>/einbetten")
def page(slug: str):
    found = _article(slug)
    html = found.memo.get("embed.html")
    if html is None:  # like the reader page: rendered once per build
        html = found.memo["embed.html"] = render_template("embed.html", **reader_context(found))
    return html


def _size(name: str, default: int, least: int) -> int:
    raw = request.args.get(name, "")
    if not raw.isdigit():
        return default
    return max(least, min(default, int(raw)))


def _slug_of(url: str) -> str | None:
    """The article an address names: absolute on this host, or a path (the discovery link's form)."""
    parts = urlsplit(url)
    is_path = url.startswith("/") and not url.startswith("//")
    if not is_path and (parts.scheme not in ("http", "https") or parts.netloc != request.host):
        return None
    found = _PAGE.fullmatch(parts.path)
    return found.group(1) if found else None


@_route("/oembed")
def oembed():
    if request.args.get("format", "json") != "json":
        abort(501, description=OEMBED_FORMAT)
    url = request.args.get("url", "")
    if not url:
        abort(400, description=OEMBED_URL_MISSING)
    slug = _slug_of(url)
    if slug is None:
        abort(404, description=ARTICLE_NOT_FOUND)
    article = _article(slug)
    width, height = _size("maxwidth", WIDTH, MIN_WIDTH), _size("maxheight", HEIGHT, MIN_HEIGHT)
    src = url_for("embed.page", slug=slug, _external=True)
    title = f"Vorleser: {article.title}"
    html = (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" height="{height}" '
            f'loading="lazy"></iframe>')
    response = jsonify(version="1.0", type="rich", provider_name="Vorleser",
                       provider_url=url_for("reader.library", _external=True), title=article.title,
                       html=html, width=width, height=height, cache_age=3600)
    response.cache_control.max_age = 3600
    return response


def register(app: Flask) -> None:
    app.config.setdefault("EMBED_ORIGINS", os.environ.get("VORLESER_EMBED_ORIGINS", "*"))
    app.config["EMBED_ORIGINS"] = parse_origins(app.config["EMBED_ORIGINS"])
    app.config.setdefault("OEMBED", True)  # the static export has no oEmbed endpoint
    app.register_blueprint(bp)
