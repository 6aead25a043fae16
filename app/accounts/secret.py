"""The Flask secret key: generated on first start into the instance folder, mode 0600.

Never a constant and never per process: every process that serves the app
(several waitress threads, a restart, a second web process on the same
instance folder) signs sessions with the same key, so a restart does not sign
everybody out. ``VORLESER_SECRET_KEY`` overrides the file.
"""
from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path

from ..errors import OutputError
from ..paths import ensure_instance_dir

log = logging.getLogger(__name__)

FILE = "secret_key"


def secret_key(folder: str | Path | None = None) -> bytes:
    explicit = os.environ.get("VORLESER_SECRET_KEY")
    if explicit:
        return explicit.encode()
    path = ensure_instance_dir(Path(folder) if folder else None) / FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise OutputError(f"cannot create the secret key file {path}",
                          f"{exc.strerror}; check the instance folder's permissions or set VORLESER_INSTANCE") from exc
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
            fh.flush()
            os.fsync(fh.fileno())
        log.info("generated a new secret key in %s", path)
    deadline = time.monotonic() + 2  # a concurrent first start may still be writing it
    while True:
        try:
            key = path.read_text("ascii").strip()
        except OSError as exc:
            raise OutputError(f"cannot read the secret key file {path}",
                              f"{exc.strerror}; check its permissions") from exc
        if len(key) >= 32:
            return key.encode()
        if time.monotonic() > deadline:
            raise OutputError(f"the secret key file {path} is too short", "delete it; the next start writes a new one")
        time.sleep(0.02)
