"""The queue: Huey carries job ids (SqliteHuey in the instance folder, or RedisHuey with
``VORLESER_QUEUE=redis://…``); :class:`JobSystem` keeps the job records, runs a job in a
worker and puts interrupted jobs back (see the package docstring).

On Redis every key of a library (Huey's queue, the job records, the article locks) starts
with ``vorleser:<id>``: the id is made once and kept in the output folder (``.queue-id``),
so the web process and the workers that share that folder share the queue, and another
library on the same Redis never takes its jobs or sees its records.
``VORLESER_QUEUE_NAMESPACE`` sets the prefix instead."""
from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from huey import RedisHuey, SqliteHuey

from .. import envconfig
from ..checkpoints import checkpoint
from ..errors import BuildLockedError, OutputError, VorleserError
from ..paths import audio_dir as default_audio_dir, ensure_instance_dir
from ..sources.netguard import FetchPolicy
from .locks import Locks
from .model import DONE, FAILED, MAX_ATTEMPTS, RUNNING, WAITING, Job, worker_gone, worker_id
from .runner import ProgressReporter, prepare

log = logging.getLogger(__name__)
TASK = "vorleser.build"


class QueueUnavailable(VorleserError):
    """The queue (Redis) cannot be reached."""


@dataclass
class QueueSettings:
    queue: str = ""  # "" = embedded SQLite; "redis://host:port/db"
    audio_dir: Path = field(default_factory=default_audio_dir)
    instance_dir: Path | None = None
    lease: float = 30.0  # seconds without a heartbeat before a running job counts as interrupted
    build_jobs: int = os.cpu_count() or 2
    policy: FetchPolicy = field(default_factory=FetchPolicy.server)
    namespace: str = ""  # Redis key prefix; "" = vorleser:<the output folder's queue id>

    @classmethod
    def from_env(cls, audio_dir: Path | str | None = None, instance_dir: Path | str | None = None,
                 environ=os.environ) -> "QueueSettings":
        """The settings from ``environ``; a bad value raises ConfigError (one line) before any work."""
        lease = envconfig.seconds("VORLESER_JOB_LEASE", 30.0, minimum=1.0, environ=environ)
        jobs = envconfig.number("VORLESER_BUILD_JOBS", os.cpu_count() or 2, minimum=1,
                                what="the number of encoder threads per queued build", environ=environ)
        return cls(queue=envconfig.queue_url("VORLESER_QUEUE", environ),
                   audio_dir=Path(audio_dir) if audio_dir else default_audio_dir(),
                   instance_dir=Path(instance_dir) if instance_dir else None, lease=lease,
                   build_jobs=jobs, policy=FetchPolicy.server(environ),
                   namespace=envconfig.text("VORLESER_QUEUE_NAMESPACE", environ=environ))

    @property
    def is_redis(self) -> bool:
        return self.queue.startswith(("redis://", "rediss://", "unix://"))

    def shown_queue(self) -> str:
        """The queue's address for messages: a password in it is never printed."""
        shown = re.sub(r"//[^/@?#]*@", "//***@", self.queue)
        return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", shown)


QUEUE_ID = ".queue-id"


def queue_id(audio_dir: Path) -> str:
    """The random id of the library in ``audio_dir`` (made on first use, then kept there)."""
    path = Path(audio_dir) / QUEUE_ID
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{QUEUE_ID}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(8) + "\n")
            os.chmod(tmp, 0o644)  # workers on other machines, maybe as other users, read it too
            with contextlib.suppress(FileExistsError):  # a concurrent first start linked its id first
                os.link(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    found = path.read_text("ascii").strip()
    if not re.fullmatch(r"[0-9a-f]{16}", found):
        raise OutputError(f"the queue id file {path} is damaged", "delete it; jobs waiting in Redis are then lost")
    return found


class JobSystem:
    def __init__(self, settings: QueueSettings):
        self.settings = settings
        self.audio_dir = Path(settings.audio_dir)
        self.redis = None
        if settings.is_redis:
            import redis

            from .rstore import RedisJobStore
            namespace = settings.namespace or f"vorleser:{queue_id(self.audio_dir)}"
            pool = redis.ConnectionPool.from_url(settings.queue, socket_connect_timeout=5, health_check_interval=10)
            self.redis = redis.Redis(connection_pool=pool)
            self.huey = RedisHuey(namespace, connection_pool=pool, results=False, blocking=True, read_timeout=1,
                                  utc=True)
            self.store = RedisJobStore(self.redis, namespace)
        elif settings.queue in ("", "sqlite"):
            from .store import SqliteJobStore
            folder = ensure_instance_dir(settings.instance_dir)
            self.huey = SqliteHuey("vorleser", filename=str(folder / "queue.sqlite3"), results=False, utc=True)
            self.store = SqliteJobStore(folder / "jobs.sqlite3")
        else:
            raise VorleserError(f"unknown queue {settings.queue!r} in VORLESER_QUEUE",
                                "leave it empty for the embedded queue, or write redis://HOST:6379/0")
        self.locks = Locks(self.audio_dir, self.redis, namespace=getattr(self.store, "ns", "vorleser"),
                           ttl=max(3.0, settings.lease))  # extended every lease/3
        self._task = self.huey.task(name=TASK, retries=0)(self.run)

    # -- submitting --------------------------------------------------------------------------
    def submit(self, job: Job) -> Job:
        job.enqueued = time.time()
        try:
            self.store.create(job)
            self.enqueue(job.id)
        except VorleserError:
            raise
        except Exception as exc:  # Redis down, disk full: the caller shows one line
            raise QueueUnavailable("the build queue cannot be reached", f"{exc}; try again in a moment") from exc
        log.info("job %s queued (%s)", job.id, job.source.get("type"))
        return job

    def enqueue(self, job_id: str) -> None:
        self._task(job_id)

    def position(self, job: Job) -> int:
        return self.store.position(job)

    def pending_ids(self) -> set[str]:
        return {t.args[0] for t in self.huey.pending() if t.args}

    # -- running (in a worker) -----------------------------------------------------------------
    def _stale(self, job: Job, now: float) -> bool:
        return job.heartbeat is None or now - job.heartbeat > self.settings.lease or worker_gone(job.worker)

    def run(self, job_id: str) -> None:
        """Run one job (Huey calls this in a worker). Skips jobs that are done or held by a live worker."""
        me = worker_id(threading.current_thread().name)
        now = time.time()

        def claim(job: Job) -> bool | None:
            if job.state in (DONE, FAILED):
                return False
            if job.state == RUNNING and job.worker != me and not self._stale(job, now):
                return False
            if job.attempts >= MAX_ATTEMPTS:
                job.state, job.finished = FAILED, now
                job.error = (f"the build was interrupted {job.attempts} times. Probable cause: it stops its worker "
                             "(memory, a crash); try a shorter text or another engine")
                return True
            job.state, job.worker, job.heartbeat, job.eta = RUNNING, me, now, None
            job.started = job.started or now
            job.attempts += 1
            return True

        job = self.store.update(job_id, claim)
        if job is None or job.state != RUNNING or job.worker != me:
            return
        log.info("job %s started by %s (attempt %d)", job_id, me, job.attempts)
        checkpoint("job-claimed")
        beat = _Heartbeat(self, job_id, me)
        beat.start()
        try:
            slug = self._build(job, beat)
        except VorleserError as exc:
            self._end(job_id, FAILED, error=str(exc))
        except Exception as exc:  # a bug must fail the job with one line, not kill the worker
            log.exception("job %s failed unexpectedly", job_id)
            self._end(job_id, FAILED, error=f"unexpected {type(exc).__name__}: {exc}. Probable cause: a bug in "
                                            "Vorleser; please report it with this line")
        else:
            checkpoint("job-built")
            self._end(job_id, DONE, slug=slug)
        finally:
            beat.stop()

    def _build(self, job: Job, beat: "_Heartbeat") -> str:
        from ..engines import get_engine
        from ..lexicon import lexicon_paths, load_lexicons
        from ..pipeline.build import BuildOptions, build_article

        prepared = prepare(job, self.audio_dir, self.settings.policy, self.store.source_slug)
        slug = prepared.article.slug
        self._write(job.id, lambda j: setattr(j, "slug", slug))
        engine = get_engine(job.engine, notice=lambda msg: log.info("job %s: %s", job.id, msg))
        reporter = ProgressReporter(lambda done, total, eta: self._write(job.id, _progress(done, total, eta)))
        options = BuildOptions(out_dir=self.audio_dir, jobs=self.settings.build_jobs, quiet=True,
                               lexicon=load_lexicons(lexicon_paths()), on_progress=reporter)
        with self.locks.held(slug, stop=beat.stopped) as lock:
            beat.lock = lock
            while True:
                try:
                    build_article(prepared.article, engine, options)
                    break
                except BuildLockedError:  # a `vorleser build` by hand holds the build's own lock: wait for it
                    if beat.stopped.wait(0.5):
                        raise
        if prepared.source_key:
            self.store.set_source_slug(prepared.source_key, slug)
        return slug

    def _write(self, job_id: str, change) -> None:
        try:
            self.store.update(job_id, change)
        except Exception as exc:  # progress is best effort: Redis may be restarting
            log.warning("job %s: could not record progress: %s", job_id, exc)

    def _end(self, job_id: str, state: str, error: str | None = None, slug: str | None = None) -> None:
        def change(job: Job) -> bool | None:
            if job.state in (DONE, FAILED):
                return False
            job.state, job.finished, job.eta, job.worker = state, time.time(), None, None
            job.error = error
            if slug:
                job.slug = slug
                job.done = job.total = max(job.total, job.done)
            return True
        deadline = time.monotonic() + max(60.0, self.settings.lease * 2)
        while True:  # the work is done: keep trying while the store (Redis) restarts
            try:
                self.store.update(job_id, change)
                log.info("job %s %s%s", job_id, state, f": {error}" if error else "")
                return
            except Exception as exc:
                if time.monotonic() > deadline:
                    log.error("job %s: could not record '%s' (%s); it will run again", job_id, state, exc)
                    return
                time.sleep(0.5)

    # -- recovery ---------------------------------------------------------------------------------
    def recover(self, grace: float | None = None) -> list[str]:
        """Put interrupted jobs back in the queue; returns their ids."""
        grace = self.settings.lease if grace is None else grace
        now = time.time()
        again: list[str] = []
        for job in self.store.by_state(RUNNING):
            if not self._stale(job, now):
                continue

            def requeue(j: Job) -> bool | None:
                if j.state != RUNNING or not self._stale(j, now):
                    return False
                j.state, j.worker, j.enqueued, j.eta = WAITING, None, now, None
                return True
            if (updated := self.store.update(job.id, requeue)) and updated.state == WAITING:
                self.enqueue(job.id)
                again.append(job.id)
                log.warning("job %s was interrupted (worker %s); queued again", job.id, job.worker)
        old = [j for j in self.store.by_state(WAITING) if now - j.enqueued > grace and j.id not in again]
        if old:
            pending = self.pending_ids()
            for job in old:
                if job.id in pending:
                    continue
                self.store.update(job.id, lambda j: setattr(j, "enqueued", now) if j.state == WAITING else False)
                self.enqueue(job.id)
                again.append(job.id)
                log.warning("job %s was missing from the queue; queued again", job.id)
        return again

    def close(self) -> None:
        self.store.close()


def _progress(done: int, total: int, eta: float | None):
    def change(job: Job) -> bool | None:
        if job.state != RUNNING:
            return False
        job.done, job.total, job.eta = done, total, eta
        return True
    return change


class _Heartbeat:
    """Marks the job alive every lease/3 seconds and keeps its article lock alive."""

    def __init__(self, system: JobSystem, job_id: str, me: str):
        self.system, self.job_id, self.me = system, job_id, me
        self.stopped = threading.Event()
        self.lock = None
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{job_id[:8]}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        interval = max(0.3, self.system.settings.lease / 3)
        while not self.stopped.wait(interval):
            def beat(job: Job) -> bool | None:
                if job.state != RUNNING or job.worker != self.me:
                    return False
                job.heartbeat = time.time()
                return True
            self.system._write(self.job_id, beat)
            if self.lock is not None:
                self.lock.extend()


_systems: dict[tuple, JobSystem] = {}
_systems_lock = threading.Lock()


def get_system(audio_dir: Path | str | None = None, instance_dir: Path | str | None = None) -> JobSystem:
    """The process's job system for these folders and the environment's queue (made once)."""
    settings = QueueSettings.from_env(audio_dir, instance_dir)
    key = (settings.queue, settings.namespace, str(Path(settings.audio_dir).absolute()), str(settings.instance_dir))
    with _systems_lock:
        if key not in _systems:
            try:
                _systems[key] = JobSystem(settings)
            except OSError as exc:
                raise OutputError("cannot open the build queue", f"{exc}; check the instance folder") from exc
        return _systems[key]
