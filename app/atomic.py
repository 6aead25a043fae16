"""Atomic file writes: write a temp file beside the target, fsync, os.replace."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str = ".tmp", durable: bool = True) -> Iterator[Path]:
    """Yield a temp path in the target's folder; on success it replaces ``target``.

    ``durable`` fsyncs the data before the rename (outputs); caches that verify
    their own checksums skip it."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_umask())
    try:
        yield tmp_path
        if durable:
            with open(tmp_path, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp_path, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def write_bytes(target: str | Path, data: bytes, durable: bool = True) -> None:
    with atomic_path(target, durable=durable) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str, durable: bool = True) -> None:
    write_bytes(target, text.encode("utf-8"), durable)
