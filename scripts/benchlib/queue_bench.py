"""The build queue: scaling with worker processes, submission-to-"fertig" latency, and faults.

- ``queue_scaling``: N generated articles through Redis with 1 worker process, then with 2
  (side by side, alternating), articles per minute; target 2 workers >= 1.7x one.
- ``queue_latency``: the bundled article submitted to a running embedded worker until "fertig",
  against its cold `vorleser build` (each with an empty cache); target <= CLI + 1 s.
- ``queue_faults``: jobs on Redis (appendonly) with 2 workers while workers are SIGKILLed at random
  moments and Redis is restarted once; every job must complete with a valid manifest and MP3s that
  decode. Then `vorleser serve` restarted with jobs waiting on the embedded queue: all complete.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

from .common import PYTHON, ROOT, BenchError, Context, check, free_port, info, median, wait_http
from .queue_support import Redis, article, env, kill, start_worker, system_for, wait_all


def _submit(system, texts: list[str]) -> list[str]:
    from app.jobs.submit import new_job, text_source
    return [system.submit(new_job(text_source(t), "espeak")).id for t in texts]


def _throughput(ctx: Context, redis: Redis, workers: int, n: int, run: int, pinned: bool) -> float:
    tag = f"scale-{workers}-{run}-{'pinned' if pinned else 'free'}"
    audio, instance = ctx.path(f"{tag}/audio"), ctx.path(f"{tag}/instance")
    redis_client = __import__("redis").Redis.from_url(redis.url)
    redis_client.flushall()
    system = system_for(redis.url, audio, instance)
    logs = [ctx.tmp / f"{tag}-{w}.log" for w in range(workers)]
    cores = sorted(os.sched_getaffinity(0))
    procs = [start_worker(ctx, audio, env(redis.url, instance), log, {cores[w % len(cores)]} if pinned else None)
             for w, log in enumerate(logs)]
    deadline = time.monotonic() + 60
    while not all(log.exists() and "Vorleser worker:" in log.read_text() for log in logs):  # started and ready
        if time.monotonic() > deadline:
            raise BenchError("the workers did not start: " + logs[0].read_text()[-500:])
        time.sleep(0.05)
    t0 = time.monotonic()
    ids = _submit(system, [article(1000 * run + i) for i in range(n)])
    states = wait_all(system, ids, timeout=600)
    seconds = time.monotonic() - t0
    for p in procs:
        kill(p)
    done = sum(s == "fertig" for s in states.values())
    system.close()
    return done / seconds * 60


def queue_scaling(ctx: Context) -> list:
    n = 4 if ctx.quick else 20
    redis = Redis(ctx, "redis-scaling").start()
    one, two, free_one, free_two = [], [], [], []
    for run in range(ctx.runs):  # interleaved: pinned 1, pinned 2, free 1, free 2
        one.append(_throughput(ctx, redis, 1, n, run, pinned=True))
        two.append(_throughput(ctx, redis, 2, n, run, pinned=True))
        free_one.append(_throughput(ctx, redis, 1, n, run, pinned=False))
        free_two.append(_throughput(ctx, redis, 2, n, run, pinned=False))
    ratio = median([b / a for a, b in zip(one, two)])
    free = median([b / a for a, b in zip(free_one, free_two)])
    return [check("queue_scaling", f"queue: 2 workers / 1 worker, each on its own core ({n} articles, Redis)",
                  ratio, "x", ">=", 1.7, one=[round(x, 1) for x in one], two=[round(x, 1) for x in two]),
            info("queue_scaling.one", "queue: articles per minute, 1 worker on 1 core", median(one), "/min"),
            info("queue_scaling.two", "queue: articles per minute, 2 workers on 2 cores", median(two), "/min"),
            info("queue_scaling.free", "  unpinned: 2 workers / 1 worker (one build already uses both cores)", free, "x",
                 one=[round(x, 1) for x in free_one], two=[round(x, 1) for x in free_two]),
            info("queue_scaling.free_one", "  unpinned: articles per minute with 1 worker", median(free_one), "/min")]


def queue_latency(ctx: Context) -> list:
    from app.jobs.submit import new_job, text_source
    from app.jobs.worker import EmbeddedWorkers
    spec, slug, text = ctx.source()
    cli, queued = [], []
    for run in range(ctx.runs):
        out = ctx.path(f"latency-cli-{run}")
        t0 = time.monotonic()
        args = [PYTHON, "-m", "app.cli", "build", "--quiet", "--out", str(out), "--jobs", "2"]
        subprocess.run(args + ([spec] if spec else []), cwd=ROOT, check=True, capture_output=True, timeout=600)
        cli.append(time.monotonic() - t0)
        system = system_for("", ctx.path(f"latency-q-{run}/audio"), ctx.path(f"latency-q-{run}/instance"))
        system.settings.build_jobs = 2
        workers = EmbeddedWorkers(system, 1).start()
        try:
            t0 = time.monotonic()
            job = system.submit(new_job(text_source(text), "espeak"))
            wait_all(system, [job.id], timeout=600)
            queued.append(time.monotonic() - t0)
            assert system.store.get(job.id).state == "fertig", system.store.get(job.id).error
        finally:
            workers.close()
            system.close()
    extra = median([q - c for c, q in zip(cli, queued)])
    return [check("queue_latency", "queue: submission to 'fertig' minus cold CLI build (bundled article)", extra,
                  "s", "<=", 1.0, cli_s=[round(x, 2) for x in cli], queue_s=[round(x, 2) for x in queued]),
            info("queue_latency.cli", "queue: cold CLI build of the same article", median(cli), "s")]


def _check_article(audio: Path, slug: str, rate_cache: dict) -> None:
    from app.ffmpeg import decode_pcm
    from app.manifest import load
    built = load(audio, slug)
    if built.missing_audio():
        raise AssertionError(f"{slug}: {built.missing_audio()}")
    for entry in built.audio_files():
        pcm = decode_pcm(built.path(entry.file), built.data["audio"]["sample_rate"])
        if abs(len(pcm) / 2 * 1000 / built.data["audio"]["sample_rate"] - entry.duration_ms) > 60:
            raise AssertionError(f"{slug}/{entry.file} does not decode to its duration")


def queue_faults(ctx: Context) -> list:
    n, kills = (8, 1) if ctx.quick else (100, 5)
    rng = random.Random(11)
    redis = Redis(ctx, "redis-faults", appendonly=True).start()
    audio, instance = ctx.path("faults/audio"), ctx.path("faults/instance")
    system = system_for(redis.url, audio, instance)
    ids = _submit(system, [article(5000 + i, 2) for i in range(n)])
    environ = env(redis.url, instance, lease=3.0)
    procs = [start_worker(ctx, audio, environ, ctx.tmp / f"fault-w{w}.log") for w in range(2)]
    killed, restarted = 0, False
    first = time.monotonic()
    moments = sorted(rng.uniform(0.5, max(2.0, n * 0.15)) for _ in range(kills))  # while the run goes on
    while True:
        states = {i: system.store.get(i).state for i in ids}
        finished = sum(s in ("fertig", "fehlgeschlagen") for s in states.values())
        if finished == n or time.monotonic() - first > 900:
            break
        elapsed = time.monotonic() - first
        if killed < kills and elapsed >= moments[killed]:
            victim = rng.randrange(len(procs))
            kill(procs[victim], signal.SIGKILL)
            procs[victim] = start_worker(ctx, audio, environ, ctx.tmp / f"fault-w{victim}.log")
            killed += 1
        if not restarted and finished >= n // 2:
            redis.restart()
            restarted = True
        time.sleep(0.1)
    for p in procs:
        kill(p)
    states = {i: system.store.get(i) for i in ids}
    done = [j for j in states.values() if j.state == "fertig"]
    valid = 0
    for job in done:
        try:
            _check_article(audio, job.slug, {})
            valid += 1
        except Exception:  # counted as not valid
            pass
    system.close()
    rows = [check("queue_faults", f"queue faults: jobs completed of {n} ({kills} SIGKILLs, 1 Redis restart)",
                  len(done), "", "==", n, attempts=sum(j.attempts for j in states.values()), kills=killed,
                  redis_restarted=restarted),
            check("queue_faults.valid", "queue faults: completed with valid manifest and decodable MP3s", valid, "",
                  "==", n)]
    rows.append(_web_restart(ctx, 3 if ctx.quick else 10))
    return rows


def _web_restart(ctx: Context, n: int):
    audio, instance = ctx.path("restart/audio"), ctx.path("restart/instance")
    system = system_for("", audio, instance)
    ids = _submit(system, [article(9000 + i, 1) for i in range(n)])
    environ = env("", instance)
    port = free_port()
    log = ctx.tmp / "restart-serve.log"
    proc = subprocess.Popen([PYTHON, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir", str(audio)],
                            cwd=ROOT, env=environ, stdout=open(log, "wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    ctx.stack.callback(kill, proc)
    wait_http(f"http://127.0.0.1:{port}/healthz", proc, log)
    while all(system.store.get(i).state == "wartet" for i in ids):  # the first job has started
        time.sleep(0.05)
    kill(proc, signal.SIGKILL)  # the web process dies with jobs running and waiting
    proc = subprocess.Popen([PYTHON, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir", str(audio)],
                            cwd=ROOT, env=environ, stdout=open(log, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    ctx.stack.callback(kill, proc)
    states = wait_all(system, ids, timeout=600)
    kill(proc)
    done = sum(s == "fertig" for s in states.values())
    system.close()
    return check("queue_faults.web_restart", f"queue: web process killed and restarted, {n} jobs on the embedded "
                 "queue, completed", done, "", "==", n)
