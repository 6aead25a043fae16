"""The job record: what was asked, and where it stands (states in German, as the UI shows them)."""
from __future__ import annotations

import os
import secrets
import socket
import time
from dataclasses import asdict, dataclass, field

WAITING, RUNNING, DONE, FAILED = "wartet", "läuft", "fertig", "fehlgeschlagen"
STATES = (WAITING, RUNNING, DONE, FAILED)
ENGINES = ("espeak", "gtts", "auto")
MAX_ATTEMPTS = 5  # a job interrupted this often (a build that kills its worker) fails


@dataclass
class Job:
    id: str
    source: dict  # {"type": "url"|"text"|"upload"|"rebuild", ...}; see runner.read_source
    engine: str = "espeak"
    title: str | None = None
    submitted_by: str = ""
    state: str = WAITING
    seq: int = 0  # order in the queue (set by the store)
    created: float = field(default_factory=time.time)
    enqueued: float = 0.0
    started: float | None = None
    finished: float | None = None
    heartbeat: float | None = None
    worker: str | None = None
    attempts: int = 0
    done: int = 0
    total: int = 0
    eta: float | None = None  # seconds left, while running
    error: str | None = None  # the one-line message, as the CLI prints it
    slug: str | None = None  # the article (known at once for rebuilds, else when the source is read)

    @classmethod
    def new(cls, source: dict, engine: str = "espeak", title: str | None = None, submitted_by: str = "") -> "Job":
        return cls(id=secrets.token_hex(16), source=source, engine=engine, title=title, submitted_by=submitted_by)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Job":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def finished_ok(self) -> bool:
        return self.state == DONE

    def summary(self) -> dict:
        """What pages and the API show (never the source text itself)."""
        return {"id": self.id, "state": self.state, "engine": self.engine, "title": self.title,
                "slug": self.slug, "done": self.done, "total": self.total,
                "eta_seconds": None if self.eta is None else round(self.eta), "error": self.error,
                "attempts": self.attempts, "created": self.created, "started": self.started,
                "finished": self.finished, "source_type": self.source.get("type")}


_TOKEN = secrets.token_hex(4)


def worker_id(thread: str = "") -> str:
    """``host/pid/token[/thread]``: who runs a job (the token tells a restarted pid 1 apart)."""
    return f"{socket.gethostname()}/{os.getpid()}/{_TOKEN}" + (f"/{thread}" if thread else "")


def worker_gone(worker: str | None) -> bool:
    """True if ``worker`` was a process on this machine that no longer runs."""
    if not worker:
        return True
    parts = worker.split("/")
    if len(parts) < 3 or parts[0] != socket.gethostname():
        return False  # another machine: only its heartbeat tells
    try:
        pid = int(parts[1])
    except ValueError:
        return False
    if pid == os.getpid():
        return parts[2] != _TOKEN  # our pid, but an earlier process (a restart in a container)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False
