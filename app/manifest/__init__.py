"""The manifest contract: one module that names, writes, reads and checks it.

``manifest.json`` is what the pipeline hands to the reader, the exports and
other people's tools. Its JSON Schema ships as ``app/manifest/schema.json``.

- :mod:`.names`: slugs, the file names in a build folder, download names;
- :mod:`.document`: building and writing a manifest (checked before it is written);
- :mod:`.validate`: the schema check;
- :mod:`.article`: the typed reader of a built article and its files.
"""
from __future__ import annotations

from .article import AudioFile, BuiltArticle, FoundFile, load, load_all, read, refuse_recorded, slugs
from .names import is_slug
from .validate import SCHEMA, check, json_schema

__all__ = ["AudioFile", "BuiltArticle", "FoundFile", "SCHEMA", "check", "is_slug", "json_schema", "refuse_recorded",
           "load", "load_all", "read", "slugs"]
