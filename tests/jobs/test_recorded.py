"""A narrator's recording (``vorleser align``) is never rebuilt from its text by a job: the job fails
with a named error and the recording stays as it was (defence in depth behind the pages' refusals)."""
from __future__ import annotations

import pytest

from app.errors import RecordedArticleError
from app.jobs.articles import built, raw_from_manifest, refuse_recorded
from app.jobs.model import FAILED
from app.jobs.queue import JobSystem, QueueSettings
from app.jobs.submit import new_job, rebuild_source, text_source
from app.sources.netguard import FetchPolicy
from tests.web.web_support import make_article, make_recording

SECTIONS = [("Erster Teil", [["Ein Satz der Sprecherin."]])]


@pytest.fixture
def system(tmp_path):
    audio = tmp_path / "audio"
    audio.mkdir()
    make_recording(audio, "gelesen", "Gelesen", "Ein Vorspann.", SECTIONS)
    make_article(audio, "synthetisch", "Synthetisch", "Ein Vorspann.", SECTIONS, seconds=1.0)
    s = JobSystem(QueueSettings(queue="", audio_dir=audio, instance_dir=tmp_path / "instance", lease=2.0,
                                build_jobs=1, policy=FetchPolicy.server({})))
    yield s
    s.close()


def test_the_manifest_tells_a_recording_from_synthetic_speech(system):
    assert built(system.audio_dir, "gelesen").recorded
    assert not built(system.audio_dir, "synthetisch").recorded


def test_a_recording_is_not_read_back_as_a_source(system):
    with pytest.raises(RecordedArticleError, match="narrator's recording") as caught:
        raw_from_manifest(built(system.audio_dir, "gelesen"))
    assert "vorleser align" in str(caught.value) and caught.value.slug == "gelesen"
    refuse_recorded(system.audio_dir, "synthetisch")  # no error
    refuse_recorded(system.audio_dir, "gibt-es-nicht")


@pytest.mark.parametrize("source", [rebuild_source("gelesen"),
                                    text_source("Gelesen\nEin anderer Vorspann.\nTeil\nEin neuer Satz.")],
                         ids=["rebuild", "same-slug"])
def test_a_job_that_would_overwrite_a_recording_fails_and_leaves_it(system, source):
    manifest = system.audio_dir / "gelesen" / "manifest.json"
    before = manifest.read_bytes()
    job = system.submit(new_job(source, "espeak"))
    system.run(job.id)  # in this thread: the worker's code, without a worker
    failed = system.store.get(job.id)
    assert failed.state == FAILED
    assert failed.error.startswith("the article 'gelesen' is a narrator's recording")
    assert "vorleser align" in failed.error and "\n" not in failed.error
    assert manifest.read_bytes() == before
