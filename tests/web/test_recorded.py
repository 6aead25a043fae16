"""Verwaltung and Aussprache never rebuild a narrator's recording (``vorleser align``) with synthetic
speech: no rebuild button but a note, a refused POST with nothing queued, and a lexicon change that
queues only the synthetic articles and says how many recordings kept theirs."""
from __future__ import annotations

import re

import pytest

from app.jobs.queue import get_system
from tests.api.api_support import csrf_of, make_site, signed_in
from tests.web.web_support import make_article, make_recording


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.delenv("VORLESER_QUEUE", raising=False)
    s = make_site(tmp_path)
    make_recording(s.audio, "gelesen", "Gelesenes Meeting", "Ein Vorspann.", [("Teil", [["Das Meeting beginnt."]])])
    make_article(s.audio, "synthetisch", "Synthetisches Meeting", "Ein Vorspann.",
                 [("Teil", [["Das Meeting endet."]])], seconds=1.0)
    return s


def _jobs(site) -> list:
    return get_system(site.audio, site.instance).store.recent(100)


def test_management_offers_no_rebuild_for_a_recording(site):
    page = signed_in(site.app).get("/verwaltung").get_data(as_text=True)
    assert 'action="/verwaltung/synthetisch/neu"' in page
    assert 'action="/verwaltung/gelesen/neu"' not in page
    entry = page[page.index("Gelesenes Meeting"):page.index("Synthetisches Meeting")]
    assert "Aufnahme einer Sprecherin oder eines Sprechers" in entry and "„vorleser align“" in entry
    assert "/verwaltung/gelesen/loeschen" in entry  # deleting it stays possible


def test_a_rebuild_of_a_recording_is_refused_and_nothing_is_queued(site):
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    reply = client.post("/verwaltung/gelesen/neu", data={"engine": "espeak", "csrf_token": token})
    assert reply.status_code == 409
    html = reply.get_data(as_text=True)
    assert "wird nicht mit einer künstlichen Stimme neu erstellt" in html and "„vorleser align“" in html
    assert _jobs(site) == []
    ok = client.post("/verwaltung/synthetisch/neu", data={"engine": "espeak", "csrf_token": token})
    assert ok.status_code == 303 and [j.slug for j in _jobs(site)] == ["synthetisch"]


def _flash(client) -> str:
    page = client.get("/aussprache").get_data(as_text=True)
    return " ".join(re.findall(r'<div class="notice" role="status"><p>(.*?)</p>', page))


def test_a_lexicon_change_skips_recordings_and_says_so(site):
    client = signed_in(site.app)
    token = csrf_of(client.get("/aussprache").get_data(as_text=True))
    assert client.post("/aussprache", data={"graphemes": "Meeting", "alias": "Mieting",
                                            "csrf_token": token}).status_code == 303
    said = _flash(client)
    assert "1 Artikel wird neu erstellt." in said
    assert "1 aufgenommener Artikel wird nicht neu erstellt; er behält seine Aufnahme." in said
    assert [(j.source["type"], j.slug) for j in _jobs(site)] == [("rebuild", "synthetisch")]


@pytest.mark.parametrize("queued, recorded, expected", [
    (0, 0, "Kein Artikel enthält das Wort."),
    (1, 0, "1 Artikel wird neu erstellt."),
    (2, 0, "2 Artikel werden neu erstellt."),
    (0, 2, "2 aufgenommene Artikel werden nicht neu erstellt; sie behalten ihre Aufnahme."),
])
def test_rebuild_summary_agrees_in_number(queued, recorded, expected):
    from app.web.texts import rebuild_summary
    assert rebuild_summary(queued, recorded) == expected
