"""Check a manifest against the published JSON Schema (``schema.json`` beside this module).

The schema is the contract other tools rely on; this module is the only place
that checks it. Validation is compiled once per process with fastjsonschema
(about 30 ms for a 13-minute article), so every manifest written is checked
before it is published and every manifest read before it is trusted.
"""
from __future__ import annotations

import json
import threading
from functools import cache
from importlib import resources
from typing import Callable

from ..errors import ManifestError

SCHEMA = "vorleser-manifest/1"
_lock = threading.Lock()


@cache
def json_schema() -> dict:
    """The JSON Schema of the manifest, as shipped in the package."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text("utf-8"))


@cache
def _compiled() -> Callable[[object], object]:
    import fastjsonschema
    return fastjsonschema.compile(json_schema())


def _problem(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return message.replace("data.", "", 1).replace("data ", "the top level ", 1)


def check(data: object, slug: str | None = None) -> dict:
    """Return ``data`` if it is a valid manifest (of article ``slug``), else raise ManifestError."""
    import fastjsonschema

    where = f"manifest.json of article '{slug}'" if slug else "manifest.json"
    with _lock:  # compile once, even with many request threads
        validate = _compiled()
    if isinstance(data, dict) and data.get("schema") != SCHEMA:
        raise ManifestError(f"{where} has schema {data.get('schema')!r}, expected {SCHEMA!r}",
                            "it was made by another program or version; rebuild the article with 'vorleser build'")
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException as exc:
        raise ManifestError(f"{where} is invalid: {_problem(exc)}",
                            "an interrupted or older build; rebuild the article with 'vorleser build'") from None
    if slug and data["article"]["slug"] != slug:
        raise ManifestError(f"{where} names the article '{data['article']['slug']}'",
                            "a folder was renamed by hand; rebuild the article with 'vorleser build'")
    return data
