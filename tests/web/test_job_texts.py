"""The job page's words: German with number agreement, and the script's texts live in strings.js
(the module for every German text the scripts show); job-status.js holds none of its own."""
from __future__ import annotations

import re

import pytest

from app.jobs.model import RUNNING, Job
from app.web.assets import JS_DIR
from app.web.jobview import job_view

SENTENCE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+:? [a-zäöüßA-ZÄÖÜ]")  # "Der Auftrag …", "Fertig: …"


@pytest.mark.parametrize("done, total, words", [(0, 1, "0 von 1 Satz gesprochen"),
                                                (1, 1, "1 von 1 Satz gesprochen"),
                                                (1, 2, "1 von 2 Sätzen gesprochen")])
def test_progress_agrees_in_number(done, total, words):
    job = Job.new({"type": "text", "text": "x"})
    job.state, job.done, job.total = RUNNING, done, total
    assert job_view(job, 0)["detail"] == f"{words}."


def test_job_status_script_takes_its_texts_from_strings_js():
    script = (JS_DIR / "job-status.js").read_text("utf-8")
    assert 'import { T } from "./strings.js";' in script
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    literals = re.findall(r'"([^"\n]*)"|`([^`]*)`', code)
    german = [a or b for a, b in literals if SENTENCE.search(a or b)]
    assert german == [], f"German text in job-status.js, move it to strings.js: {german}"
    strings = (JS_DIR / "strings.js").read_text("utf-8")
    for name in ("jobRunning", "jobDone", "jobFailed", "jobProgress", "jobTitle"):
        assert f"  {name}: " in strings and f"T.{name}(" in script, name
