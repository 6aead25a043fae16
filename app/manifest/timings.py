"""Per-section timing files derived from the manifest (format ``vorleser-zeiten/1``).

The reader page carries its sentence times in the HTML and loads a section's
word times only when it needs them; the embeddable player also shows the
current sentence from here. These files are never written by the build: they
are derived from ``manifest.json`` on request (and by the static export), so
the manifest stays the single source. One file per section MP3::

    {"schema": "vorleser-zeiten/1", "section": "einleitung", "file": "02-einleitung.mp3",
     "bytes": 261039, "hash": "9db821cf339d091c043d",
     "sentences": [{"id": "einleitung-h", "begin_ms": 0, "end_ms": 626, "text": "Einleitung",
                    "words": [[0, 10, 0, 626]]}, ...]}

Each word is ``[start, end, begin_ms, end_ms]``: its span in ``text`` in code
points (as in the manifest) and its times in the section's MP3. ``bytes`` and
``hash`` are the MP3's, as in the manifest (``hash`` may be missing): a saved
offline copy compares them to tell which MP3s a new build changed.
"""
from __future__ import annotations

import json

from . import names

SCHEMA = "vorleser-zeiten/1"


def section_timings(section: dict) -> dict:
    """The timing document of one manifest section."""
    return {
        "schema": SCHEMA,
        "section": section["id"],
        "file": section["file"],
        "bytes": section["bytes"],
        **({"hash": section["hash"]} if "hash" in section else {}),
        "sentences": [{"id": s["id"], "begin_ms": s["begin_ms"], "end_ms": s["end_ms"], "text": s["text"],
                       "words": [[w["start"], w["end"], w["begin_ms"], w["end_ms"]] for w in s["words"]]}
                      for s in section["sentences"]],
    }


def timing_files(manifest: dict) -> dict[str, dict]:
    """File name (``02-einleitung.json``) -> section, for every section of ``manifest``."""
    return {names.timing_file(s["file"]): s for s in manifest["sections"]}


def dumps(section: dict) -> str:
    """The timing file of ``section`` as compact JSON text."""
    return json.dumps(section_timings(section), ensure_ascii=False, separators=(",", ":"))
