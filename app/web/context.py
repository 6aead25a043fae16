"""Template context for the library and reader pages (see the shared spec).

The manifest is deep-copied before the per-section labels and URLs are
added, so the cached manifest stays as it is on disk.
"""
from __future__ import annotations

import copy

from flask import current_app, url_for

from . import labels
from ..manifest import BuiltArticle
from ..manifest.names import timing_file


def library_entry(article: BuiltArticle) -> dict:
    duration = article.duration_ms
    return {
        "slug": article.slug,
        "title": article.title,
        "teaser": article.teaser,
        "duration_ms": duration,
        "duration_label": labels.mmss(duration),
        "sections": len(article.sections),
        "url": url_for("reader.article", slug=article.slug),
    }


def _file_url(endpoint: str, article: BuiltArticle, name: str) -> str:
    return url_for(endpoint, slug=article.slug, name=name)


def _section_extras(article: BuiltArticle, section: dict, download_name: str) -> dict:
    return {
        "audio_url": _file_url("files.audio", article, section["file"]),
        "download_url": _file_url("files.download", article, section["file"]),
        "timing_url": _file_url("files.timings", article, timing_file(section["file"])),
        "download_name": download_name,
        "size_label": labels.size_label(section["bytes"]),
        "duration_label": labels.mmss(section["duration_ms"]),
        "download_label": labels.download_label(section["bytes"], section["duration_ms"]),
    }


def _urls(article: BuiltArticle) -> dict:
    manifest = article.data
    full = article.full
    slug = article.slug
    return {
        "full_audio": _file_url("files.audio", article, full.file),
        "full_download": _file_url("files.download", article, full.file),
        "full_download_name": full.download_name,
        "full_download_label": labels.download_label(full.bytes, full.duration_ms),
        "zip": url_for("files.sections_zip", slug=slug),
        "manifest": url_for("files.manifest", slug=slug),
        "captions": url_for("files.captions", slug=slug) if manifest.get("captions") else None,
        "chapters": url_for("files.chapters", slug=slug) if manifest.get("chapters") else None,
        "epub": url_for("exports.epub", slug=slug),
        "chapters_json": url_for("exports.chapters_json", slug=slug),
        "library": url_for("reader.library"),
        "sw": url_for("offline.service_worker"),
        "offline_page": url_for("offline.page"),
        "oembed": _oembed_url(slug) if current_app.config.get("OEMBED") else None,
        "page": url_for("reader.article", slug=slug),
    }


def _oembed_url(slug: str) -> str:
    """The oEmbed discovery link of an article's reader page (app/web/embed.py). Its ``url`` is the
    page's path, not its absolute address: the page is cached per build and must not name the host
    of whichever request rendered it first; the endpoint resolves the path against its own host."""
    return url_for("embed.oembed", url=url_for("reader.article", slug=slug), format="json")


def reader_context(article: BuiltArticle) -> dict:
    manifest = copy.deepcopy(article.data)
    for section, audio in zip(manifest["sections"], article.section_audio):
        section.update(_section_extras(article, section, audio.download_name))
    return {"manifest": manifest, "urls": _urls(article), "article_slug": article.slug}
