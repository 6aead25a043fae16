"""VORLESER_QUEUE points at a Redis that is down (a free port nobody listens on): submitting a job,
reading a job, rebuilding, deleting and the lexicon's rebuilds answer 503 naming the problem, in
German on pages and as JSON in the API; never a traceback. No Redis server is needed."""
from __future__ import annotations

import socket

import pytest

from app.jobs.queue import QueueUnavailable, get_system
from tests.api.api_support import csrf_of, make_site, signed_in
from tests.web.web_support import make_article

GERMAN = "Die Warteschlange ist nicht erreichbar."
JOB_ID = "a" * 32


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("VORLESER_QUEUE", f"redis://127.0.0.1:{_closed_port()}/0")
    s = make_site(tmp_path, PROPAGATE_EXCEPTIONS=False)  # as in production: no re-raise
    make_article(s.audio, "artikel", "Ein Artikel", "Ein Vorspann.", [("Teil", [["Der Satz endet hier."]])],
                 seconds=1.0)
    return s


@pytest.fixture
def editor(site):
    client = signed_in(site.app)
    return client, csrf_of(client.get("/hinzufuegen").get_data(as_text=True))


def _german_503(reply) -> str:
    assert reply.status_code == 503, reply.get_data(as_text=True)[:300]
    html = reply.get_data(as_text=True)
    assert reply.mimetype == "text/html" and GERMAN in html and "Connection refused" in html
    assert "Traceback" not in html
    return html


def test_the_job_store_turns_redis_errors_into_queue_unavailable(site):
    store = get_system(site.audio, site.instance).store
    for call in (lambda: store.get(JOB_ID), lambda: store.recent(5), lambda: store.counts(),
                 lambda: store.source_slug("url:x")):
        with pytest.raises(QueueUnavailable, match="the build queue cannot be reached"):
            call()


def test_the_form_keeps_the_input_and_answers_503(editor):
    client, token = editor
    reply = client.post("/hinzufuegen", data={"article_text": "Titel\nVorspann.\nTeil\nEin eigener Satz.",
                                              "engine": "espeak", "text_format": "text", "csrf_token": token})
    html = _german_503(reply)
    assert "Ein eigener Satz." in html  # what was entered is still in the form


@pytest.mark.parametrize("path", [f"/auftraege/{JOB_ID}", f"/auftraege/{JOB_ID}/status.json"])
def test_job_pages_answer_503(editor, path):
    page = _german_503(editor[0].get(path))
    assert "<title>Vorübergehend nicht verfügbar – Vorleser</title>" in page


def test_rebuild_and_delete_answer_503(editor):
    client, token = editor
    _german_503(client.post("/verwaltung/artikel/neu", data={"engine": "espeak", "csrf_token": token}))
    _german_503(client.post("/verwaltung/artikel/loeschen", data={"csrf_token": token}))


def test_management_still_lists_the_articles(editor):
    reply = editor[0].get("/verwaltung")
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    assert "Ein Artikel" in html and GERMAN in html


def test_a_lexicon_change_is_saved_and_says_the_queue_is_away(editor):
    client, token = editor
    assert client.post("/aussprache", data={"graphemes": "Satz", "alias": "Sats",
                                            "csrf_token": token}).status_code == 303
    page = client.get("/aussprache").get_data(as_text=True)
    assert "Gespeichert, aber die Artikel konnten nicht neu erstellt werden." in page and GERMAN in page


def test_the_api_answers_json_503(site):
    client, auth = site.app.test_client(), {"Authorization": f"Bearer {site.token}"}
    replies = [client.post("/api/v1/articles", json={"text": "Titel\nVorspann.\nTeil\nSatz."}, headers=auth),
               client.get(f"/api/v1/jobs/{JOB_ID}", headers=auth),
               client.delete("/api/v1/articles/artikel", headers=auth)]
    for reply in replies:
        assert reply.status_code == 503 and reply.mimetype == "application/json", reply.get_data(as_text=True)
        error = reply.json["error"]
        assert error["code"] == "queue_unavailable" and "the build queue cannot be reached" in error["message"]
        assert "Connection refused" in error["message"] and "\n" not in error["message"]
