"""Job records in SQLite (the embedded queue's instance folder).

Each record is one row: the job as JSON, plus the columns the queue asks about
(state, order, heartbeat). Every change is a read-modify-write inside
``BEGIN IMMEDIATE``, so two workers never both claim a job. WAL mode lets the
web pages read while a worker writes. A file that cannot be read or written (locked
for over 30 s, disk full, I/O error) raises :class:`~app.jobs.queue.QueueUnavailable`.
"""
from __future__ import annotations

import contextlib
import functools
import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterator

from ..errors import OutputError
from ..paths import private_file
from .model import WAITING, Job
from .queue import QueueUnavailable

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, state TEXT NOT NULL, created REAL NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, seq);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created);
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, slug TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


def _reachable(method):
    """Turn SQLite's errors on the job file into QueueUnavailable (one line for the pages)."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise QueueUnavailable("the build queue cannot be reached",
                                   f"the job file {self.path}: {exc}; check the instance folder (free space, "
                                   "permissions) and try again in a moment") from exc
    return wrapper


class SqliteJobStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._conn().executescript(_SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                private_file(self.path)  # pasted texts and uploads of a private library: for the owner only
                conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            except (sqlite3.Error, OSError) as exc:
                raise OutputError(f"cannot open the job file {self.path}",
                                  f"{exc}; check the instance folder's permissions") from exc
            self._local.conn = conn
        return conn

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- records ---------------------------------------------------------------------------
    @_reachable
    def create(self, job: Job) -> Job:
        with self._tx() as db:
            row = db.execute("INSERT INTO counters VALUES ('seq', 1) ON CONFLICT(name) DO UPDATE "
                             "SET value = value + 1 RETURNING value").fetchone()
            job.seq = row[0]
            db.execute("INSERT INTO jobs VALUES (?, ?, ?, ?, ?)",
                       (job.id, job.seq, job.state, job.created, json.dumps(job.to_dict(), ensure_ascii=False)))
        return job

    @_reachable
    def get(self, job_id: str) -> Job | None:
        row = self._conn().execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job.from_dict(json.loads(row[0])) if row else None

    @_reachable
    def update(self, job_id: str, change: Callable[[Job], bool | None]) -> Job | None:
        """Apply ``change`` to the job atomically; it returns False to leave the job as it was.
        Returns the job as stored afterwards (None if there is no such job)."""
        with self._tx() as db:
            row = db.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            job = Job.from_dict(json.loads(row[0]))
            if change(job) is False:
                return job
            db.execute("UPDATE jobs SET state = ?, data = ? WHERE id = ?",
                       (job.state, json.dumps(job.to_dict(), ensure_ascii=False), job.id))
        return job

    @_reachable
    def position(self, job: Job) -> int:
        """1 for the next job to run; 0 if the job is not waiting."""
        if job.state != WAITING:
            return 0
        row = self._conn().execute("SELECT COUNT(*) FROM jobs WHERE state = ? AND seq < ?",
                                   (WAITING, job.seq)).fetchone()
        return row[0] + 1

    @_reachable
    def by_state(self, state: str) -> list[Job]:
        rows = self._conn().execute("SELECT data FROM jobs WHERE state = ? ORDER BY seq", (state,)).fetchall()
        return [Job.from_dict(json.loads(r[0])) for r in rows]

    @_reachable
    def recent(self, limit: int = 50) -> list[Job]:
        rows = self._conn().execute("SELECT data FROM jobs ORDER BY created DESC LIMIT ?", (limit,)).fetchall()
        return [Job.from_dict(json.loads(r[0])) for r in rows]

    @_reachable
    def counts(self) -> dict[str, int]:
        return dict(self._conn().execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall())

    # -- which article a source became -------------------------------------------------------
    @_reachable
    def source_slug(self, key: str) -> str | None:
        row = self._conn().execute("SELECT slug FROM sources WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @_reachable
    def set_source_slug(self, key: str, slug: str) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO sources VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET slug = excluded.slug",
                       (key, slug))
