"""Write the side files of a build folder: VTTs first, the manifest last."""
from __future__ import annotations

import json
from pathlib import Path

from . import vtt
from .atomic import write_text


def write_sidecars(folder: Path, manifest: dict) -> None:
    write_text(folder / manifest["captions"], vtt.captions(manifest["sections"]))
    write_text(folder / manifest["chapters"], vtt.chapters(manifest["sections"]))
    write_text(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
