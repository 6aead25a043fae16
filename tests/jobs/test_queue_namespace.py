"""Security review (docs/security-review.md): two libraries on one Redis never share jobs, records or
locks; processes that share an output folder share its queue; the Redis password is never printed."""
from __future__ import annotations

import argparse

from app.jobs import cli as jobs_cli
from app.jobs.queue import JobSystem, QueueSettings
from app.jobs.submit import new_job, text_source
from app.sources.netguard import FetchPolicy

from .job_support import article_text


def _system(url: str, audio, instance) -> JobSystem:
    return JobSystem(QueueSettings(queue=url, audio_dir=audio, instance_dir=instance, lease=2.0, build_jobs=1,
                                   policy=FetchPolicy.server({})))


def test_two_libraries_on_one_redis_do_not_see_each_others_jobs(redis_url, tmp_path):
    private = _system(redis_url, tmp_path / "privat" / "audio", tmp_path / "privat" / "inst")
    public = _system(redis_url, tmp_path / "oeffentlich" / "audio", tmp_path / "oeffentlich" / "inst")
    job = private.submit(new_job(text_source(article_text("Vertraulich")), "espeak"))
    assert public.store.get(job.id) is None and public.store.recent() == []
    assert job.id not in public.pending_ids() and public.huey.dequeue() is None  # its workers never build it
    assert private.locks.ns != public.locks.ns
    with private.locks.held("vertraulich"):
        with public.locks.held("vertraulich", blocking=False):
            pass  # another library's article of the same name is another article
    assert job.id in private.pending_ids() and private.store.get(job.id) is not None
    private.close()
    public.close()


def test_processes_sharing_the_output_folder_share_the_queue(redis_url, tmp_path):
    web = _system(redis_url, tmp_path / "audio", tmp_path / "inst-web")
    worker = _system(redis_url, tmp_path / "audio", tmp_path / "inst-worker")
    job = web.submit(new_job(text_source(article_text("Gemeinsam")), "espeak"))
    assert worker.store.get(job.id) is not None and job.id in worker.pending_ids()
    web.close()
    worker.close()


def test_the_worker_never_prints_the_redis_password(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VORLESER_QUEUE", "redis://anna:geheim@127.0.0.1:1/0?password=auchgeheim")
    monkeypatch.setattr("app.jobs.worker.run_consumer", lambda system, workers: None)
    assert jobs_cli._worker(argparse.Namespace(audio_dir=str(tmp_path / "audio"), workers=1)) == 0
    err = capsys.readouterr().err
    assert "127.0.0.1:1" in err and "geheim" not in err
