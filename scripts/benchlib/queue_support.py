"""Shared pieces of the queue benchmarks: a Redis server, worker processes, small articles."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from .common import PYTHON, ROOT, BenchError, Context, free_port


class Redis:
    def __init__(self, ctx: Context, name: str, appendonly: bool = False):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise BenchError("redis-server is missing; install it with 'apt-get install -y redis-server'")
        self.binary, self.folder, self.appendonly = binary, ctx.path(name), appendonly
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        ctx.stack.callback(self.stop)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        import redis
        self.proc = subprocess.Popen([self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
                                      str(self.folder), "--save", "", "--appendonly",
                                      "yes" if self.appendonly else "no"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 15
        while True:
            try:
                if client.ping():
                    return self
            except redis.RedisError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise BenchError("redis-server did not start") from None
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def restart(self) -> None:
        self.stop()
        self.start()


def env(queue: str, instance: Path, lease: float = 3.0) -> dict:
    out = {**os.environ, "VORLESER_INSTANCE": str(instance), "VORLESER_JOB_LEASE": str(lease),
           "VORLESER_BUILD_JOBS": "1", "PYTHONUNBUFFERED": "1"}
    out.pop("VORLESER_QUEUE", None)
    if queue:
        out["VORLESER_QUEUE"] = queue
    return out


def start_worker(ctx: Context, audio: Path, environ: dict, log: Path, cpus: set[int] | None = None) -> subprocess.Popen:
    """``vorleser worker`` in its own process group; ``cpus`` pins it (and its ffmpeg children) to those cores."""
    fh = open(log, "ab")
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    proc = subprocess.Popen([PYTHON, "-m", "app.cli", "worker", "--audio-dir", str(audio)], cwd=ROOT, env=environ,
                            stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=pin)
    fh.close()
    ctx.stack.callback(kill, proc)
    return proc


def kill(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def article(i: int, paragraphs: int = 3) -> str:
    body = "\n".join(f"Teil {p}\nDer {p}. Absatz von Artikel {i} erzählt etwas über das Wetter und die Stadt. "
                     f"Dann folgt ein weiterer Satz mit Nummer {i * 10 + p}." for p in range(1, paragraphs + 1))
    return f"Generierter Artikel {i}\nEin Vorspann für Artikel {i}.\n{body}\n"


def wait_all(system, ids: list[str], timeout: float, on_tick=None) -> dict[str, str]:
    """Poll until every job is fertig/fehlgeschlagen (or the deadline); returns id -> state."""
    deadline = time.monotonic() + timeout
    while True:
        states = {i: system.store.get(i).state for i in ids}
        if all(s in ("fertig", "fehlgeschlagen") for s in states.values()) or time.monotonic() > deadline:
            return states
        if on_tick is not None:
            on_tick(states)
        time.sleep(0.1)


def system_for(queue: str, audio: Path, instance: Path, lease: float = 3.0):
    from app.jobs.queue import JobSystem, QueueSettings
    from app.sources.netguard import FetchPolicy
    return JobSystem(QueueSettings(queue=queue, audio_dir=audio, instance_dir=instance, lease=lease, build_jobs=1,
                                   policy=FetchPolicy.server({})))
