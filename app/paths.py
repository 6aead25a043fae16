"""Where Vorleser keeps its data, decided in one place for every command and the web app.

- ``VORLESER_HOME``: the data folder; default: the source checkout when the package
  runs from one (``audio/`` beside ``app/``, as ``scripts/start.sh`` uses it), else
  ``$XDG_DATA_HOME/vorleser`` (``~/.local/share/vorleser``) for an installed package.
- ``VORLESER_AUDIO_DIR``: built articles; default ``<home>/audio``.

Neither depends on the current directory, so ``vorleser serve``, ``vorleser build``
and ``flask --app app run`` see the same library wherever they are started.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def source_checkout() -> Path | None:
    """The repository root when the package runs from a source checkout, else None."""
    root = PACKAGE_DIR.parent
    try:
        project = (root / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return root if 'name = "vorleser"' in project else None


def data_home() -> Path:
    explicit = os.environ.get("VORLESER_HOME")
    if explicit:
        return Path(explicit).expanduser()
    checkout = source_checkout()
    if checkout is not None:
        return checkout
    xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(xdg) / "vorleser"


def audio_dir() -> Path:
    """The default folder of built articles."""
    explicit = os.environ.get("VORLESER_AUDIO_DIR")
    return Path(explicit).expanduser() if explicit else data_home() / "audio"
