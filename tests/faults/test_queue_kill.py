"""The queue survives hard faults (real processes, real Redis, real SIGKILL at named checkpoints):

- a `vorleser worker` killed while it holds a job (just claimed, mid-encoding, after publishing but
  before recording "fertig"): a second worker takes the job up and it completes, once, validly;
- `vorleser serve` (embedded SQLite queue) restarted with jobs waiting, and killed mid-build:
  every job completes after the restart;
- the Redis server restarted (appendonly) while jobs are queued and running: all complete.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.jobs.model import DONE
from app.jobs.queue import JobSystem, QueueSettings
from app.jobs.submit import new_job, text_source
from app.sources.netguard import FetchPolicy
from tests.faults.fault_support import ROOT, HeldBuild, free_port, real_server
from tests.jobs.job_support import article_text, assert_valid_article, wait_for
from tests.redis_support import RedisServer

pytestmark = pytest.mark.slow


def _system(queue: str, tmp_path: Path) -> JobSystem:
    return JobSystem(QueueSettings(queue=queue, audio_dir=tmp_path / "audio", instance_dir=tmp_path / "instance",
                                   lease=2.0, build_jobs=1, policy=FetchPolicy.server({})))


def _worker_argv(audio: Path) -> list[str]:
    return [sys.executable, "-m", "app.cli", "worker", "--audio-dir", str(audio)]


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("VORLESER_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("VORLESER_JOB_LEASE", "2")
    monkeypatch.setenv("VORLESER_BUILD_JOBS", "1")
    return monkeypatch


def _start_worker(audio: Path, log: Path) -> subprocess.Popen:
    out = open(log, "ab")
    proc = subprocess.Popen(_worker_argv(audio), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)
    out.close()
    return proc


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("phase", ["job-claimed", "encoding", "published"])
def test_killed_worker_job_is_completed_by_another(env, redis_url, tmp_path, phase):
    env.setenv("VORLESER_QUEUE", redis_url)
    system = _system(redis_url, tmp_path)
    job = system.submit(new_job(text_source(article_text(f"Abgebrochen {phase}")), "espeak"))
    held = HeldBuild.start(_worker_argv(system.audio_dir), [phase], timeout=120)
    try:
        assert held.reached == phase, held.stderr()
        os.killpg(held.proc.pid, signal.SIGKILL)
        held.proc.wait(10)
        assert system.store.get(job.id).state == "läuft"  # the record still says so: nobody acknowledged
        second = _start_worker(system.audio_dir, tmp_path / "second.log")
        try:
            finished = wait_for(system, job.id, timeout=120, proc=second)
        finally:
            _stop(second)
    finally:
        held.close()
    assert finished.state == DONE, finished.error
    assert finished.attempts == 2
    assert_valid_article(system.audio_dir, finished.slug)
    assert not list((system.audio_dir / ".versions" / finished.slug).glob("*.partial"))
    assert "Traceback" not in (tmp_path / "second.log").read_text()
    system.close()


def test_web_process_restart_with_waiting_and_interrupted_jobs(env, tmp_path):
    """Embedded queue: `vorleser serve` killed mid-build, restarted; waiting jobs and the interrupted one complete."""
    env.delenv("VORLESER_QUEUE", raising=False)
    system = _system("", tmp_path)
    system.audio_dir.mkdir(parents=True)
    ids = [system.submit(new_job(text_source(article_text(f"Wartet {i}")), "espeak")).id for i in range(3)]
    port_argv = [sys.executable, "-m", "app.cli", "serve", "--port", str(free_port()), "--audio-dir", str(system.audio_dir)]
    held = HeldBuild.start(port_argv, ["synthesised"], timeout=120)
    try:
        assert held.reached == "synthesised", held.stderr()
        os.killpg(held.proc.pid, signal.SIGKILL)
        held.proc.wait(10)
    finally:
        held.close()
    states = sorted(system.store.get(i).state for i in ids)
    assert states == ["läuft", "wartet", "wartet"]
    with real_server(system.audio_dir):  # a new `vorleser serve` on the same instance folder
        for job_id in ids:
            assert wait_for(system, job_id, timeout=120).state == DONE
    for job_id in ids:
        assert_valid_article(system.audio_dir, system.store.get(job_id).slug)
    system.close()


def test_redis_restart_during_the_run(env, tmp_path):
    server = RedisServer(tmp_path / "redis-aof", appendonly=True).start()
    try:
        env.setenv("VORLESER_QUEUE", server.url)
        system = _system(server.url, tmp_path)
        ids = [system.submit(new_job(text_source(article_text(f"Neustart {i}")), "espeak")).id for i in range(4)]
        worker = _start_worker(system.audio_dir, tmp_path / "worker.log")
        try:
            wait_for(system, ids[0], timeout=120, proc=worker)  # one finished: the others are queued or running
            server.restart()
            for job_id in ids:
                assert wait_for(system, job_id, timeout=120, proc=worker).state == DONE
        finally:
            _stop(worker)
        for job_id in ids:
            assert_valid_article(system.audio_dir, system.store.get(job_id).slug)
        system.close()
    finally:
        server.stop()
