"""Workers: threads inside ``vorleser serve`` (embedded), or ``vorleser worker`` on any machine.

Both take job ids from Huey and run :meth:`JobSystem.run`; both run the
recovery sweep at start and every lease/3 seconds, so a job of a killed worker
is taken up by the next worker alive (at once when the dead worker was on the
same machine, after the lease otherwise).
"""
from __future__ import annotations

import logging
import threading

from .queue import JobSystem

log = logging.getLogger(__name__)


class Sweeper:
    """Runs :meth:`JobSystem.recover` now and then every lease/3 seconds, in a thread."""

    def __init__(self, system: JobSystem, stop: threading.Event):
        self.system, self.stop = system, stop
        self.thread = threading.Thread(target=self._run, name="vorleser-recovery", daemon=True)

    def start(self) -> "Sweeper":
        self.thread.start()
        return self

    def _run(self) -> None:
        interval = max(0.5, self.system.settings.lease / 3)
        while True:
            try:
                self.system.recover()
            except Exception as exc:  # Redis restarting: try again at the next sweep
                log.warning("recovery sweep failed: %s", exc)
            if self.stop.wait(interval):
                return


class EmbeddedWorkers:
    """``n`` worker threads in this process (the web app's own workers)."""

    def __init__(self, system: JobSystem, n: int = 1):
        self.system, self.n = system, n
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._loop, name=f"vorleser-worker-{i + 1}", daemon=True)
                        for i in range(n)]
        self.sweeper = Sweeper(system, self.stop)

    def start(self) -> "EmbeddedWorkers":
        self.sweeper.start()
        for thread in self.threads:
            thread.start()
        log.info("%d in-process worker(s) on the %s queue", self.n, "Redis" if self.system.redis else "embedded")
        return self

    def _loop(self) -> None:
        huey = self.system.huey
        delay = 0.05
        while not self.stop.is_set():
            try:
                task = huey.dequeue()
            except Exception as exc:  # Redis away: wait and try again
                log.warning("cannot read the queue: %s", exc)
                self.stop.wait(1.0)
                continue
            if task is None:
                if not huey.storage.blocking:
                    self.stop.wait(delay)
                    delay = min(delay * 1.5, 0.5)
                continue
            delay = 0.05
            try:
                huey.execute(task)
            except Exception:  # JobSystem.run records failures itself; this is a last guard
                log.exception("task %s failed", task.id)

    def close(self, timeout: float = 5.0) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout)


def run_consumer(system: JobSystem, workers: int = 1) -> None:
    """``vorleser worker``: Huey's consumer with ``workers`` threads, plus the recovery sweep.
    Ctrl-C (SIGINT) lets running builds finish; SIGTERM stops at once (the jobs run again)."""
    from huey.consumer import Consumer

    stop = threading.Event()
    Sweeper(system, stop).start()
    consumer = Consumer(system.huey, workers=workers, worker_type="thread", periodic=False, initial_delay=0.05,
                        max_delay=0.5, backoff=1.5, check_worker_health=True, health_check_interval=5)
    try:
        consumer.run()
    finally:
        stop.set()
