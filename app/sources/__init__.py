"""Article import: bundled article, plain text, Markdown, saved HTML, URL.

``load_source(spec)`` returns an :class:`app.model.RawArticle`; every failure
raises :class:`app.errors.InputError` with a one-line message and a fix.
"""
from .load import DEFAULT_ARTICLE, DEFAULT_NAME, load_source, suggest_slug

__all__ = ["DEFAULT_ARTICLE", "DEFAULT_NAME", "load_source", "suggest_slug"]
