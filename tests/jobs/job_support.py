"""Helpers for the queue tests: small article texts, waiting for a job's state."""
from __future__ import annotations

import json
import time
from pathlib import Path

from app.jobs.model import DONE, FAILED
from app.jobs.queue import JobSystem
from app.manifest import check, load


def article_text(title: str, n: int = 2) -> str:
    """A small article in the plain text format (about 1 s to build)."""
    body = "\n".join(f"Abschnitt {i}\nDer {i}. Absatz erzählt kurz etwas. Dann folgt ein zweiter Satz." for i in
                     range(1, n + 1))
    return f"{title}\nEin kurzer Vorspann.\n{body}\n"


def wait_for(system: JobSystem, job_id: str, states=(DONE, FAILED), timeout: float = 90.0, proc=None):
    deadline = time.monotonic() + timeout
    while True:
        job = system.store.get(job_id)
        if job is not None and job.state in states:
            return job
        if proc is not None and proc.poll() is not None and proc.returncode not in (None, 0, -9):
            raise AssertionError(f"worker exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} is {job.state if job else 'missing'} after {timeout} s: {job}")
        time.sleep(0.05)


def assert_valid_article(audio_dir: Path, slug: str) -> dict:
    article = load(audio_dir, slug)  # checks the manifest against the schema and every file's size
    check(article.data)
    assert not article.missing_audio(), article.missing_audio()
    return json.loads((audio_dir / slug / "manifest.json").read_text("utf-8"))
