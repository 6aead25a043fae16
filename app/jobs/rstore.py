"""Job records in Redis, for workers on several machines.

``<ns>:job:<id>`` holds the job as JSON; ``<ns>:waiting`` (a sorted set by
queue order) and ``<ns>:state:<state>`` (sets) index it; ``<ns>:sources`` maps
a source to its article. Every change runs in a WATCH/MULTI transaction, so
two workers never both claim a job. Durability is Redis's: run it with
``appendonly yes`` so that a restart keeps the records and the queue.

When Redis cannot be reached (down, refusing, timing out, read-only), every method
raises :class:`~app.jobs.queue.QueueUnavailable` (a named error the pages turn
into 503), never a raw redis exception.
"""
from __future__ import annotations

import functools
import json
import logging
from typing import Callable

import redis

from .model import STATES, WAITING, Job
from .queue import QueueUnavailable

log = logging.getLogger(__name__)


def _reachable(method):
    """Turn Redis's own errors (connection refused, timeout, loading, read-only) into QueueUnavailable."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except redis.exceptions.RedisError as exc:
            raise QueueUnavailable("the build queue cannot be reached",
                                   f"Redis: {exc}; check that it runs (redis-cli -u \"$VORLESER_QUEUE\" ping "
                                   "answers PONG) and try again in a moment") from exc
    return wrapper


class RedisJobStore:
    def __init__(self, client: "redis.Redis", namespace: str = "vorleser"):
        self.r = client
        self.ns = namespace

    def _key(self, job_id: str) -> str:
        return f"{self.ns}:job:{job_id}"

    def _index(self, pipe, job: Job) -> None:
        for state in STATES:
            if state == job.state:
                pipe.sadd(f"{self.ns}:state:{state}", job.id)
            else:
                pipe.srem(f"{self.ns}:state:{state}", job.id)
        if job.state == WAITING:
            pipe.zadd(f"{self.ns}:waiting", {job.id: job.seq})
        else:
            pipe.zrem(f"{self.ns}:waiting", job.id)

    def close(self) -> None:
        pass

    @_reachable
    def create(self, job: Job) -> Job:
        job.seq = int(self.r.incr(f"{self.ns}:seq"))
        pipe = self.r.pipeline(transaction=True)
        pipe.set(self._key(job.id), json.dumps(job.to_dict(), ensure_ascii=False))
        pipe.zadd(f"{self.ns}:all", {job.id: job.created})
        self._index(pipe, job)
        pipe.execute()
        return job

    @_reachable
    def get(self, job_id: str) -> Job | None:
        raw = self.r.get(self._key(job_id))
        return Job.from_dict(json.loads(raw)) if raw else None

    @_reachable
    def update(self, job_id: str, change: Callable[[Job], bool | None]) -> Job | None:
        key = self._key(job_id)
        with self.r.pipeline(transaction=True) as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    if raw is None:
                        pipe.unwatch()
                        return None
                    job = Job.from_dict(json.loads(raw))
                    if change(job) is False:
                        pipe.unwatch()
                        return job
                    pipe.multi()
                    pipe.set(key, json.dumps(job.to_dict(), ensure_ascii=False))
                    self._index(pipe, job)
                    pipe.execute()
                    return job
                except redis.WatchError:
                    continue

    @_reachable
    def position(self, job: Job) -> int:
        if job.state != WAITING:
            return 0
        rank = self.r.zrank(f"{self.ns}:waiting", job.id)
        return 0 if rank is None else int(rank) + 1

    def _jobs(self, ids) -> list[Job]:
        ids = list(ids)
        if not ids:
            return []
        raws = self.r.mget([self._key(i if isinstance(i, str) else i.decode()) for i in ids])
        return [Job.from_dict(json.loads(r)) for r in raws if r]

    @_reachable
    def by_state(self, state: str) -> list[Job]:
        return sorted(self._jobs(self.r.smembers(f"{self.ns}:state:{state}")), key=lambda j: j.seq)

    @_reachable
    def recent(self, limit: int = 50) -> list[Job]:
        return self._jobs(self.r.zrevrange(f"{self.ns}:all", 0, limit - 1))

    @_reachable
    def counts(self) -> dict[str, int]:
        return {s: int(self.r.scard(f"{self.ns}:state:{s}")) for s in STATES}

    @_reachable
    def source_slug(self, key: str) -> str | None:
        raw = self.r.hget(f"{self.ns}:sources", key)
        return raw.decode() if isinstance(raw, bytes) else raw

    @_reachable
    def set_source_slug(self, key: str, slug: str) -> None:
        self.r.hset(f"{self.ns}:sources", key, slug)
