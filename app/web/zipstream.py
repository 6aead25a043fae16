"""Stream a ZIP of files without building it in memory or on disk.

``zipfile`` writes to an unseekable sink, so each entry gets a data
descriptor; entries are STORED (MP3s do not compress). The caller opens the
files first so that a rebuild during the download cannot mix versions.
"""
from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

CHUNK = 64 * 1024
ZIP_EPOCH = 315_705_600  # 1980-01-03 UTC: 1980 in every time zone


class _Sink:
    """Write-only file object whose bytes are collected and drained by the generator."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def stream_zip(entries: list[tuple[str, BinaryIO, float]]) -> Iterator[bytes]:
    """Yield a ZIP of ``(archive name, open binary file, mtime)`` entries."""
    sink = _Sink()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for name, handle, mtime in entries:
            info = zipfile.ZipInfo(name, date_time=time.localtime(max(mtime, ZIP_EPOCH))[:6])
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            with archive.open(info, mode="w") as target:
                while chunk := handle.read(CHUNK):
                    target.write(chunk)
                    if data := sink.drain():
                        yield data
            if data := sink.drain():
                yield data
    if data := sink.drain():
        yield data
