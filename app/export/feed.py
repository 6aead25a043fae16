"""Podcast feed (RSS 2.0 + iTunes + Podcasting 2.0) and JSON chapters per article.

Both are plain functions of built articles, so the web layer (``/feed.xml``,
``/artikel/<slug>/chapters.json``) and the static site export share them; each
passes its own :class:`Links`, since each lays its files out differently.
"""
from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Protocol
from urllib.parse import urlsplit

from ..errors import InputError
from ..manifest import BuiltArticle

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


class Links(Protocol):
    """Absolute URLs of an article's parts: the web app and the static site lay them out differently."""

    def home(self) -> str: ...
    def feed(self) -> str: ...
    def page(self, slug: str) -> str: ...
    def section(self, slug: str, section_id: str) -> str: ...
    def audio(self, slug: str, name: str) -> str: ...
    def captions(self, slug: str, name: str) -> str: ...
    def chapters_json(self, slug: str) -> str: ...


def _built_at(article: BuiltArticle) -> datetime:
    return datetime.strptime(article.built_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def render_chapters_json(article: BuiltArticle, links: Links | None = None) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0) of the whole-article MP3: one chapter per section.

    With ``links`` each chapter links to its section on the reader page."""
    chapters = []
    for section in article.sections:
        chapter = {"startTime": round(section["offset_ms"] / 1000, 3), "title": section["heading"]}
        chapter["endTime"] = round((section["offset_ms"] + section["duration_ms"]) / 1000, 3)
        if links:
            chapter["url"] = links.section(article.slug, section["id"])
        chapters.append(chapter)
    document = {"version": CHAPTERS_VERSION, "title": article.title, "podcastName": "Vorleser",
                "fileName": article.full.file, "chapters": chapters}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sub(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if value is not None:
        element.text = value
    return element


def _episode(channel: ET.Element, article: BuiltArticle, links: Links) -> None:
    slug, full = article.slug, article.full
    item = _sub(channel, "item")
    _sub(item, "title", article.title)
    _sub(item, f"{{{ITUNES}}}title", article.title)
    _sub(item, "link", links.page(slug))
    _sub(item, "description", article.teaser or article.title)
    _sub(item, "guid", f"urn:uuid:{article.uuid('episode', audio_only=True)}", isPermaLink="false")
    _sub(item, "pubDate", format_datetime(_built_at(article), usegmt=True))
    _sub(item, "enclosure", url=links.audio(slug, full.file), length=str(full.bytes), type="audio/mpeg")
    _sub(item, f"{{{ITUNES}}}duration", str(round(full.duration_ms / 1000)))
    _sub(item, f"{{{ITUNES}}}episodeType", "full")
    _sub(item, f"{{{ITUNES}}}explicit", "false")
    _sub(item, f"{{{PODCAST}}}chapters", url=links.chapters_json(slug), type=CHAPTERS_TYPE)
    captions = article.data.get("captions")
    if captions:
        _sub(item, f"{{{PODCAST}}}transcript", url=links.captions(slug, captions), type="text/vtt", language="de")


def render_feed(articles: list[BuiltArticle], links: Links, *, image_url: str | None = None) -> str:
    """RSS 2.0 podcast feed of the built articles, newest first; ``links.feed()`` is its own address."""
    ordered = sorted(articles, key=_built_at, reverse=True)
    feed_url = links.feed()
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", "Vorleser")
    _sub(channel, "link", links.home())
    _sub(channel, "description", CHANNEL_DESCRIPTION)
    _sub(channel, "language", "de")
    _sub(channel, "generator", "Vorleser")
    if ordered:
        _sub(channel, "lastBuildDate", format_datetime(_built_at(ordered[0]), usegmt=True))
    _sub(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    _sub(channel, f"{{{ITUNES}}}author", "Vorleser")
    _sub(channel, f"{{{ITUNES}}}summary", CHANNEL_DESCRIPTION)
    _sub(channel, f"{{{ITUNES}}}type", "episodic")
    _sub(channel, f"{{{ITUNES}}}category", None, text="News")
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    if image_url:
        _sub(channel, f"{{{ITUNES}}}image", href=image_url)
    feed_id = feed_url.split("://", 1)[1].rstrip("/")
    _sub(channel, f"{{{PODCAST}}}guid", str(uuid.uuid5(_PODCAST_GUID_NS, feed_id)))
    for article in ordered:
        _episode(channel, article, links)
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
