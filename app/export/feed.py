"""Podcast feed (RSS 2.0 + iTunes + Podcasting 2.0) and JSON chapters per article.

Both are plain functions of manifest dicts, so the web layer (``/feed.xml``,
``/artikel/<slug>/chapters.json``) and the static site export share them.
``layout`` says where files live below ``base_url``: ``"web"`` for the
Flask routes, ``"site"`` for ``vorleser export site``.
"""
from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import quote, urlsplit

from ..errors import InputError
from .built import build_uuid

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
CHAPTERS_TYPE = "application/json+chapters"
CHAPTERS_VERSION = "1.2.0"
_PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # Podcasting 2.0 podcast:guid
CHANNEL_DESCRIPTION = ("Deutsche Artikel zum Anhören: jeder Artikel als eine Folge, vorgelesen von Vorleser, "
                       "mit Kapitelmarken für jeden Abschnitt.")

for _prefix, _uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
    ET.register_namespace(_prefix, _uri)


def normalize_base_url(base_url: str) -> str:
    """``https://host/path`` -> ``https://host/path/``; anything but an absolute http(s) URL is an InputError."""
    parts = urlsplit(base_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"'{base_url}' is not an absolute http(s) address",
                         "pass the public address, e.g. --base-url https://example.org/vorleser/")
    return base_url if base_url.endswith("/") else base_url + "/"


def article_url(slug: str, layout: str = "web") -> str:
    """The reader page, relative to the base URL."""
    return f"artikel/{quote(slug)}/" if layout == "site" else f"artikel/{quote(slug)}"


def file_url(slug: str, name: str, layout: str = "web") -> str:
    """An audio file of the article, relative to the base URL."""
    if layout == "site":
        return f"artikel/{quote(slug)}/{quote(name)}"
    return f"artikel/{quote(slug)}/audio/{quote(name)}"


def captions_url(slug: str, name: str, layout: str = "web") -> str:
    """The sentence captions (WebVTT), relative to the base URL."""
    if layout == "site":
        return f"artikel/{quote(slug)}/{quote(name)}"
    return f"artikel/{quote(slug)}/captions.vtt"


def chapters_url(slug: str) -> str:
    return f"artikel/{quote(slug)}/chapters.json"


def _built_at(manifest: dict) -> datetime:
    raw = str(manifest.get("built_at") or "")
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _slug(manifest: dict) -> str:
    slug = manifest["article"].get("slug")
    if not slug:
        raise InputError(f"the manifest of '{manifest['article'].get('title')}' has no article.slug",
                         "an older build; rebuild the article with 'vorleser build'")
    return slug


def render_chapters_json(manifest: dict, base_url: str | None = None, *, layout: str = "web") -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0) of the whole-article MP3: one chapter per section.

    With ``base_url`` each chapter links to its section on the reader page."""
    base = normalize_base_url(base_url) if base_url else None
    slug = _slug(manifest)
    chapters = []
    for section in manifest["sections"]:
        chapter = {"startTime": round(section["offset_ms"] / 1000, 3), "title": section["heading"]}
        chapter["endTime"] = round((section["offset_ms"] + section["duration_ms"]) / 1000, 3)
        if base:
            chapter["url"] = f"{base}{article_url(slug, layout)}#abschnitt-{quote(section['id'])}"
        chapters.append(chapter)
    document = {"version": CHAPTERS_VERSION, "title": manifest["article"]["title"], "podcastName": "Vorleser",
                "fileName": manifest["full"]["file"], "chapters": chapters}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sub(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if value is not None:
        element.text = value
    return element


def _episode(channel: ET.Element, manifest: dict, base: str, layout: str) -> None:
    slug, article, full = _slug(manifest), manifest["article"], manifest["full"]
    item = _sub(channel, "item")
    _sub(item, "title", article["title"])
    _sub(item, f"{{{ITUNES}}}title", article["title"])
    _sub(item, "link", base + article_url(slug, layout))
    _sub(item, "description", article.get("teaser") or article["title"])
    _sub(item, "guid", f"urn:uuid:{build_uuid(manifest, 'episode', audio_only=True)}", isPermaLink="false")
    _sub(item, "pubDate", format_datetime(_built_at(manifest).astimezone(timezone.utc), usegmt=True))
    _sub(item, "enclosure", url=base + file_url(slug, full["file"], layout), length=str(full["bytes"]),
         type="audio/mpeg")
    _sub(item, f"{{{ITUNES}}}duration", str(round(full["duration_ms"] / 1000)))
    _sub(item, f"{{{ITUNES}}}episodeType", "full")
    _sub(item, f"{{{ITUNES}}}explicit", "false")
    _sub(item, f"{{{PODCAST}}}chapters", url=base + chapters_url(slug), type=CHAPTERS_TYPE)
    if manifest.get("captions"):
        _sub(item, f"{{{PODCAST}}}transcript", url=base + captions_url(slug, manifest["captions"], layout),
             type="text/vtt", language="de")


def render_feed(articles: list[dict], base_url: str, *, layout: str = "web", image_url: str | None = None) -> str:
    """RSS 2.0 podcast feed of the built articles (manifest dicts), newest first.

    ``base_url`` is the public address of the reader (``https://host/``); the feed itself
    is expected at ``<base_url>feed.xml``."""
    base = normalize_base_url(base_url)
    ordered = sorted(articles, key=_built_at, reverse=True)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", "Vorleser")
    _sub(channel, "link", base)
    _sub(channel, "description", CHANNEL_DESCRIPTION)
    _sub(channel, "language", "de")
    _sub(channel, "generator", "Vorleser")
    if ordered:
        _sub(channel, "lastBuildDate", format_datetime(_built_at(ordered[0]).astimezone(timezone.utc), usegmt=True))
    _sub(channel, f"{{{ATOM}}}link", href=base + "feed.xml", rel="self", type="application/rss+xml")
    _sub(channel, f"{{{ITUNES}}}author", "Vorleser")
    _sub(channel, f"{{{ITUNES}}}summary", CHANNEL_DESCRIPTION)
    _sub(channel, f"{{{ITUNES}}}type", "episodic")
    _sub(channel, f"{{{ITUNES}}}category", None, text="News")
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    if image_url:
        _sub(channel, f"{{{ITUNES}}}image", href=image_url)
    feed_id = (base + "feed.xml").split("://", 1)[1].rstrip("/")
    _sub(channel, f"{{{PODCAST}}}guid", str(uuid.uuid5(_PODCAST_GUID_NS, feed_id)))
    for manifest in ordered:
        _episode(channel, manifest, base, layout)
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
