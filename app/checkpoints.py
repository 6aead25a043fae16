"""Named points in a build where a test can hold it, to signal or kill it at a known phase.

Outside tests this does nothing. A test sets ``VORLESER_TEST_CHECKPOINTS`` to
``OUT_FD:IN_FD:NAME[,NAME...]`` (two pipe ends it passed to the child): when the
build first reaches a listed checkpoint it writes ``NAME`` and a newline to
OUT_FD and waits for a line on IN_FD. Meanwhile the test sends SIGKILL or
SIGINT, or writes a line to let the build go on. Each name holds the build
once, so later passes run through.

Checkpoints (in build order): ``synthesised`` (the first batch of sentences
is cached), ``espeak-between-items`` (inside eSpeak synthesis, where Ctrl-C is
deferred), ``encoding`` (the first section encoder has started), ``sidecars``
(before the VTT files), ``manifest`` (before manifest.json), ``renamed`` (the
version folder is complete, the link not yet swapped), ``published`` (the link
points at the new version). Queue workers add ``job-claimed`` (the job record says
"läuft", nothing built yet) and ``job-built`` (published, not yet recorded "fertig").
"""
from __future__ import annotations

import os

ENV = "VORLESER_TEST_CHECKPOINTS"
_state: dict = {}


def _parse() -> tuple[int, int, set[str]] | None:
    if "spec" not in _state:
        raw = os.environ.get(ENV, "")
        spec = None
        if raw:
            out_fd, in_fd, names = raw.split(":", 2)
            spec = (int(out_fd), int(in_fd), set(names.split(",")))
        _state["spec"] = spec
    return _state["spec"]


def checkpoint(name: str) -> None:
    """Hold here if a test asked for ``name`` (see the module docstring)."""
    spec = _parse()
    if spec is None or name not in spec[2]:
        return
    out_fd, in_fd, names = spec
    names.discard(name)
    os.write(out_fd, f"{name}\n".encode())
    while os.read(in_fd, 1) not in (b"\n", b""):  # blocks; Ctrl-C raises here unless deferred
        pass
