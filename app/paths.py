"""Where Vorleser keeps its data, decided in one place for every command and the web app.

- ``VORLESER_HOME``: the data folder; default: the source checkout when the package
  runs from one (``audio/`` beside ``app/``, as ``scripts/start.sh`` uses it), else
  ``$XDG_DATA_HOME/vorleser`` (``~/.local/share/vorleser``) for an installed package.
- ``VORLESER_AUDIO_DIR``: built articles; default ``<home>/audio``.
- ``VORLESER_INSTANCE``: secrets, accounts, the embedded queue; default ``<home>/instance``.

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


def instance_dir() -> Path:
    """The instance folder: the secret key, accounts and tokens, the embedded queue and its
    job records, the editors' pronunciation lexicon. ``VORLESER_INSTANCE`` moves it; default
    ``<home>/instance``. It holds secrets: keep it out of the served folders and backups you share."""
    explicit = os.environ.get("VORLESER_INSTANCE")
    return Path(explicit).expanduser() if explicit else data_home() / "instance"


def ensure_instance_dir(folder: Path | None = None) -> Path:
    """Create the instance folder (mode 0700) if needed and return it."""
    folder = Path(folder) if folder else instance_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def private_file(path: Path) -> Path:
    """Create ``path`` if missing, readable and writable by its owner only (or make it so): the
    account and job databases (SQLite gives its -wal and -shm files the same mode)."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o600)
    return path
