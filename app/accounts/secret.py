"""The Flask secret key: generated on first start into the instance folder, mode 0600.

Never a constant and never per process: every process that serves the app
(several waitress threads, a restart, a second web process on the same
instance folder) signs sessions with the same key, so a restart does not sign
everybody out. ``VORLESER_SECRET_KEY`` overrides the file.

The key is written to a private temp file (mode 0600 from its creation) and
then hard-linked into place: the file appears whole or not at all, never
readable by others, and of two first starts at once the key linked first wins.
An existing key file that others may read is made private (with a warning).
"""
from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path

from ..errors import OutputError
from ..paths import ensure_instance_dir

log = logging.getLogger(__name__)

FILE = "secret_key"


def _create(path: Path) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{FILE}.", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
                fh.flush()
                os.fsync(fh.fileno())
            os.link(tmp, path)
        except FileExistsError:
            return  # a concurrent first start linked its key first: everybody uses that one
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except OSError as exc:
        raise OutputError(f"cannot create the secret key file {path}",
                          f"{exc.strerror}; check the instance folder's permissions and free space "
                          "or set VORLESER_INSTANCE") from exc
    log.info("generated a new secret key in %s", path)


def _make_private(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        try:
            os.chmod(path, 0o600)
        except OSError as exc:
            log.warning("the secret key file %s is readable by others (mode %o) and cannot be changed: %s",
                        path, mode, exc.strerror)
        else:
            log.warning("the secret key file %s was readable by others (mode %o); it is now 0600", path, mode)


def secret_key(folder: str | Path | None = None) -> bytes:
    explicit = os.environ.get("VORLESER_SECRET_KEY")
    if explicit:
        return explicit.encode()
    path = ensure_instance_dir(Path(folder) if folder else None) / FILE
    if not path.exists():
        _create(path)
    try:
        _make_private(path)
        key = path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(f"cannot read the secret key file {path}",
                          f"{getattr(exc, 'strerror', None) or exc}; check its permissions") from exc
    if len(key) < 32:
        raise OutputError(f"the secret key file {path} is too short", "delete it; the next start writes a new one")
    return key.encode()
