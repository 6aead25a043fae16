"""The queue end to end in one process, on the embedded SQLite queue and on a real Redis:
submit, build with progress, the same source again, a failed job, recovery of a job whose
worker died, deleting an article, and the per-article lock."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from app.errors import BuildLockedError
from app.jobs.articles import delete_article, raw_from_manifest
from app.jobs.model import DONE, FAILED, RUNNING, WAITING, Job
from app.jobs.queue import JobSystem, QueueSettings
from app.jobs.submit import new_job, rebuild_source, text_source, upload_source
from app.jobs.worker import EmbeddedWorkers
from app.manifest import load
from app.sources.netguard import FetchPolicy

from .job_support import article_text, assert_valid_article, wait_for


@pytest.fixture(params=["sqlite", "redis"])
def system(request, tmp_path):
    queue = request.getfixturevalue("redis_url") if request.param == "redis" else ""
    settings = QueueSettings(queue=queue, audio_dir=tmp_path / "audio", instance_dir=tmp_path / "instance",
                             lease=2.0, build_jobs=1, policy=FetchPolicy.server({}))
    s = JobSystem(settings)
    yield s
    s.close()


@pytest.fixture
def workers(system):
    w = EmbeddedWorkers(system, 1).start()
    yield w
    w.close()


def test_text_job_builds_with_progress_and_the_same_title_updates_the_article(system, workers):
    job = system.submit(new_job(text_source(article_text("Erster Testartikel")), "espeak", None, "anna"))
    assert job.state == WAITING and job.seq >= 1
    done = wait_for(system, job.id)
    assert done.state == DONE, done.error
    assert done.slug == "erster-testartikel" and done.total > 0 and done.done == done.total
    assert done.attempts == 1 and done.finished >= done.started
    first = assert_valid_article(system.audio_dir, done.slug)
    # the same source again (same title, changed text) updates the same article
    again = system.submit(new_job(text_source(article_text("Erster Testartikel", 3)), "espeak"))
    assert wait_for(system, again.id).slug == done.slug
    second = assert_valid_article(system.audio_dir, done.slug)
    assert len(second["sections"]) == len(first["sections"]) + 1
    assert sorted(p.name for p in system.audio_dir.iterdir() if not p.name.startswith(".")) == [done.slug]


def test_a_bad_upload_fails_with_the_cli_message_and_leaves_no_article(system, workers):
    job = system.submit(new_job(upload_source(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "bild.txt"), "espeak"))
    failed = wait_for(system, job.id)
    assert failed.state == FAILED
    assert failed.error.startswith("bild.txt looks like a PNG image, not text. Probable cause:")
    assert "\n" not in failed.error and "Traceback" not in failed.error
    assert not any(p for p in system.audio_dir.glob("*") if not p.name.startswith(".")) if system.audio_dir.exists() else True


def test_rebuild_from_the_manifest_with_another_title_source(system, workers):
    job = system.submit(new_job(text_source(article_text("Neu zu bauen")), "espeak"))
    slug = wait_for(system, job.id).slug
    before = load(system.audio_dir, slug)
    raw = raw_from_manifest(before)
    assert raw.title == before.title and [s.heading for s in raw.sections] == [s["heading"] for s in before.sections[1:]]
    again = system.submit(new_job(rebuild_source(slug), "espeak"))
    assert again.slug == slug
    rebuilt = wait_for(system, again.id)
    assert rebuilt.state == DONE, rebuilt.error
    after = assert_valid_article(system.audio_dir, slug)
    texts = lambda m: [s["text"] for sec in m["sections"] for s in sec["sentences"]]  # noqa: E731
    assert texts(after) == texts(before.data)


def test_a_job_of_a_dead_worker_is_run_again(system):
    """A record left 'läuft' by a worker process that is gone (SIGKILL) is queued again by the sweep."""
    job = system.submit(new_job(text_source(article_text("Verwaist")), "espeak"))
    assert system.huey.dequeue() is not None  # a worker took the message ...
    system.store.update(job.id, lambda j: (setattr(j, "state", RUNNING), setattr(j, "worker", f"{socket.gethostname()}/999999999/t"),
                                           setattr(j, "heartbeat", time.time())) and None)
    assert system.pending_ids() == set()  # ... and died: Huey has lost it
    assert system.recover() == [job.id]
    assert system.store.get(job.id).state == WAITING and system.pending_ids() == {job.id}
    w = EmbeddedWorkers(system, 1).start()
    try:
        assert wait_for(system, job.id).state == DONE
    finally:
        w.close()


def test_a_waiting_job_missing_from_the_queue_is_enqueued_again(system):
    job = Job.new(text_source(article_text("Nie eingereiht")))
    job.enqueued = time.time() - 60  # created, but the process died before it reached the queue
    system.store.create(job)
    assert system.recover(grace=1) == [job.id]
    assert system.pending_ids() == {job.id}
    assert system.recover(grace=1) == []  # now it is queued: nothing to do


def test_a_done_job_is_not_run_twice(system, workers):
    job = system.submit(new_job(text_source(article_text("Einmal")), "espeak"))
    wait_for(system, job.id)
    system.enqueue(job.id)  # a duplicate message (at-least-once delivery)
    later = system.submit(new_job(text_source(article_text("Danach")), "espeak"))
    wait_for(system, later.id)  # runs after the duplicate: the duplicate was a no-op
    assert system.store.get(job.id).attempts == 1


def test_article_lock_is_exclusive_and_delete_keeps_the_cache(system, workers):
    job = system.submit(new_job(text_source(article_text("Zum Löschen")), "espeak"))
    slug = wait_for(system, job.id).slug
    with system.locks.held(slug):
        with pytest.raises(BuildLockedError):
            system.locks.acquire(slug, blocking=False)
        if system.redis is not None:  # the Redis lock holds for another process too (flock aside)
            other = system.redis.lock(f"{system.locks.ns}:lock:article:{slug}", timeout=5)
            assert not other.acquire(blocking=False)
    cache = sorted((system.audio_dir / ".cache").rglob("*"))
    delete_article(system.audio_dir, slug)
    assert not (system.audio_dir / slug).exists() and not (system.audio_dir / ".versions" / slug).exists()
    assert sorted((system.audio_dir / ".cache").rglob("*")) == cache


def test_queue_position_while_waiting(system):
    ids = [system.submit(new_job(text_source(article_text(f"Wartend {i}")), "espeak")).id for i in range(3)]
    assert [system.position(system.store.get(i)) for i in ids] == [1, 2, 3]
    gate = threading.Event()
    assert system.store.update(ids[0], lambda j: setattr(j, "state", RUNNING) or gate.set()) is not None
    assert [system.position(system.store.get(i)) for i in ids] == [0, 1, 2]


def test_progress_reporter_throttles_and_estimates_the_time_left(monkeypatch):
    from app.jobs import runner

    clock = [100.0]
    monkeypatch.setattr(runner.time, "monotonic", lambda: clock[0])
    written = []
    report = runner.ProgressReporter(lambda done, total, eta: written.append((done, total, eta)), interval=0.5)
    report(10, 110)  # 10 cached sentences count as done from the start
    clock[0] += 0.1
    report(12, 110)  # too soon: not written
    clock[0] += 1.9
    report(30, 110)  # 20 sentences in 2 s -> 80 left take 8 s
    clock[0] += 0.1
    report(110, 110)  # the last step is always written
    assert [w[:2] for w in written] == [(10, 110), (30, 110), (110, 110)]
    assert written[0][2] is None and written[1][2] == pytest.approx(8.0) and written[2][2] == 0
