"""Library management: delete an article, and read it back as a source for a rebuild.

A narrator's recording (an article made by ``vorleser align``) is never read back as a
source nor overwritten by a job: :class:`~app.errors.RecordedArticleError`."""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

from ..errors import InputError, ManifestError, OutputError, RecordedArticleError
from ..manifest import BuiltArticle, is_slug, load, read, refuse_recorded  # noqa: F401 (re-exported)
from ..model import RawArticle, RawSection
from ..pipeline.versions import Versions

log = logging.getLogger(__name__)


class ArticleNotFound(InputError):
    """No built article has this slug."""


def built(audio_dir: Path, slug: str) -> BuiltArticle:
    if not is_slug(slug):
        raise ArticleNotFound(f"no article named {slug!r}", "check the name in the library")
    try:
        return load(audio_dir, slug)
    except InputError as exc:
        raise ArticleNotFound(f"no article named {slug!r}", "check the name in the library") from exc


def delete_article(audio_dir: Path, slug: str) -> None:
    """Remove the article from the library: the link first (it disappears at once), then its
    versions. The sentence cache is kept, so building it again is fast. The caller holds the
    article's queue lock; the build's own lock is taken here so a hand-started build cannot
    be running."""
    built(audio_dir, slug)
    versions = Versions(audio_dir, slug)
    with versions.lock():
        link = Path(audio_dir) / slug
        try:
            if link.is_symlink() or link.is_file():
                link.unlink()
            elif link.is_dir():
                shutil.rmtree(link)
        except OSError as exc:
            raise OutputError(f"cannot remove the article '{slug}'",
                              f"{exc.strerror}; check the permissions of {audio_dir}") from exc
        shutil.rmtree(versions.root, ignore_errors=True)
    with contextlib.suppress(OSError):
        os.unlink(versions.root.parent / f"{slug}.lock")
    log.info("deleted article %s", slug)


def _paragraphs(section: dict) -> list[str]:
    grouped: dict[int, list[str]] = {}
    for sentence in section.get("sentences", []):
        if sentence.get("kind") == "heading":
            continue
        grouped.setdefault(int(sentence.get("paragraph", 1)), []).append(sentence["text"])
    return [" ".join(parts) for _, parts in sorted(grouped.items())]


def raw_from_manifest(article: BuiltArticle) -> RawArticle:
    """The article's text as a source again (title, teaser, headings, paragraphs), for a rebuild
    with another engine or lexicon. It works for every source, also pasted text that was not kept,
    but never for a narrator's recording (:class:`RecordedArticleError`)."""
    if article.recorded:
        raise RecordedArticleError(article.slug)
    sections = article.sections
    first = _paragraphs(sections[0]) if sections else []
    teaser = article.teaser
    lead = first[1:] if teaser and first and first[0] == teaser else first
    raw_sections = [RawSection(article.title, 2, lead)] if lead else []
    for section in sections[1:]:
        raw_sections.append(RawSection(section["heading"], int(section.get("level", 2)), _paragraphs(section)))
    source = article.data.get("article", {}).get("source") or f"rebuild:{article.slug}"
    return RawArticle(title=article.title, teaser=teaser, sections=raw_sections, source=source,
                      lang=article.lang)
