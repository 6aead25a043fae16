"""The per-article lock of queued work (builds and deletes of the same article never overlap).

On one machine a flock beside the article's versions does it (the kernel drops it
when a worker is killed). With Redis, workers on several machines share the
output folder, where flock may not reach across, so a Redis lock (with a time
to live that the job's heartbeat keeps extending) is taken as well. The
build's own flock (:mod:`app.pipeline.versions`) still guards against a
``vorleser build`` started by hand.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import threading
from pathlib import Path
from typing import Iterator

from ..errors import BuildLockedError

log = logging.getLogger(__name__)


class ArticleLock:
    """Held for one article; :meth:`extend` keeps a Redis lock alive while work goes on."""

    def __init__(self, fh, redis_lock=None):
        self._fh, self._redis_lock = fh, redis_lock

    def extend(self) -> None:
        if self._redis_lock is not None:
            try:
                self._redis_lock.reacquire()
            except Exception as exc:  # the lock expired or Redis is away: the heartbeat logs it, work goes on
                log.warning("could not extend the article lock: %s", exc)

    def release(self) -> None:
        if self._redis_lock is not None:
            with contextlib.suppress(Exception):
                self._redis_lock.release()
        self._fh.close()


class Locks:
    def __init__(self, audio_dir: Path, redis_client=None, namespace: str = "vorleser", ttl: float = 60.0):
        self.audio_dir = Path(audio_dir)
        self.redis, self.ns, self.ttl = redis_client, namespace, ttl

    def _flock(self, slug: str, blocking: bool, stop: threading.Event | None):
        folder = self.audio_dir / ".versions"
        folder.mkdir(parents=True, exist_ok=True)
        fh = open(folder / f"{slug}.queue-lock", "a+")
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fh
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    fh.close()
                    raise
            if not blocking or (stop is not None and stop.is_set()):
                fh.close()
                raise BuildLockedError(f"another build of '{slug}' is running", "wait for it to finish")
            (stop or threading.Event()).wait(0.2)

    def acquire(self, slug: str, blocking: bool = True, stop: threading.Event | None = None) -> ArticleLock:
        """The lock of ``slug``; waits while another job holds it (or raises BuildLockedError at once
        with ``blocking=False``)."""
        redis_lock = None
        if self.redis is not None:
            redis_lock = self.redis.lock(f"{self.ns}:lock:article:{slug}", timeout=self.ttl, sleep=0.2,
                                         thread_local=False)
            while not redis_lock.acquire(blocking=blocking, blocking_timeout=1 if blocking else None):
                if not blocking or (stop is not None and stop.is_set()):
                    raise BuildLockedError(f"another build of '{slug}' is running (on another machine)",
                                           "wait for it to finish")
        try:
            fh = self._flock(slug, blocking, stop)
        except BaseException:
            if redis_lock is not None:
                with contextlib.suppress(Exception):
                    redis_lock.release()
            raise
        return ArticleLock(fh, redis_lock)

    @contextlib.contextmanager
    def held(self, slug: str, blocking: bool = True, stop: threading.Event | None = None) -> Iterator[ArticleLock]:
        lock = self.acquire(slug, blocking, stop)
        try:
            yield lock
        finally:
            lock.release()
