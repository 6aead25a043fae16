"""Write the side files of a build folder: VTTs first, the manifest last."""
from __future__ import annotations

from pathlib import Path

from ..atomic import write_text
from ..manifest import document
from . import vtt
from ..checkpoints import checkpoint


def write_sidecars(folder: Path, manifest: dict) -> None:
    checkpoint("sidecars")
    write_text(folder / manifest["captions"], vtt.captions(manifest["sections"]))
    write_text(folder / manifest["chapters"], vtt.chapters(manifest["sections"]))
    checkpoint("manifest")
    document.write(folder, manifest)
