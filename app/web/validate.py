"""Check a manifest.json before the reader trusts it.

A manifest that fails here is skipped (with a log warning) instead of
breaking pages. File names must be plain names inside the article folder.
"""
from __future__ import annotations

import re

from ..errors import InputError

SCHEMA = "vorleser-manifest/1"
_BAD_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")
_PARTIAL_SUFFIXES = (".tmp", ".part", ".partial")


def is_plain_name(name: object) -> bool:
    """True for a bare file name such as ``02-einleitung.mp3`` (no path, no temp file)."""
    return (isinstance(name, str) and 0 < len(name) <= 200 and not _BAD_NAME.search(name)
            and not name.startswith(".") and name == name.strip()
            and not name.lower().endswith(_PARTIAL_SUFFIXES))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _fail(slug: str, problem: str) -> InputError:
    return InputError(f"manifest.json of article '{slug}' is invalid: {problem}",
                      "an interrupted or older build; rebuild the article with 'vorleser build'")


def _check_file_entry(slug: str, where: str, entry: object) -> None:
    if not isinstance(entry, dict):
        raise _fail(slug, f"{where} is not an object")
    if not is_plain_name(entry.get("file")):
        raise _fail(slug, f"{where}.file is not a plain file name")
    for key in ("bytes", "duration_ms"):
        if not _is_int(entry.get(key)):
            raise _fail(slug, f"{where}.{key} is not a non-negative integer")


def _check_sections(slug: str, sections: object) -> None:
    if not isinstance(sections, list) or not sections:
        raise _fail(slug, "'sections' is missing or empty")
    for number, section in enumerate(sections):
        where = f"sections[{number}]"
        _check_file_entry(slug, where, section)
        if not isinstance(section.get("heading"), str):
            raise _fail(slug, f"{where}.heading is not a string")
        if not _is_int(section.get("index")):
            raise _fail(slug, f"{where}.index is not a non-negative integer")
        sentences = section.get("sentences")
        if not isinstance(sentences, list):
            raise _fail(slug, f"{where}.sentences is not a list")
        for sentence in sentences:
            if not isinstance(sentence, dict) or not isinstance(sentence.get("text"), str):
                raise _fail(slug, f"{where} has a sentence without text")


def check_manifest(data: object, slug: str) -> dict:
    """Return ``data`` if it is a usable manifest for ``slug``, else raise InputError."""
    if not isinstance(data, dict):
        raise _fail(slug, "the top level is not an object")
    if data.get("schema") != SCHEMA:
        raise _fail(slug, f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    article = data.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("title"), str):
        raise _fail(slug, "'article.title' is missing")
    if not isinstance(article.get("teaser", ""), str):
        raise _fail(slug, "'article.teaser' is not a string")
    if not _is_int(data.get("duration_ms")):
        raise _fail(slug, "'duration_ms' is not a non-negative integer")
    _check_file_entry(slug, "full", data.get("full"))
    _check_sections(slug, data.get("sections"))
    for key in ("captions", "chapters", "epub", "lexicon"):
        if data.get(key) is not None and not is_plain_name(data[key]):
            raise _fail(slug, f"'{key}' is not a plain file name")
    return data
