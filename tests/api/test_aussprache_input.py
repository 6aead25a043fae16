"""Security review (docs/security-review.md): hostile input on the Aussprache page gives a German
one-line refusal (400), never a 500, and leaves the lexicon file as it was."""
from __future__ import annotations

import pytest

from tests.api.api_support import csrf_of, make_site, signed_in


@pytest.mark.parametrize("field, value", [("graphemes", "Wort\x00"), ("alias", "a\x01b"), ("alias", "a\ufffeb"),
                                          ("phoneme", "v'O6t]] [[h'aI")])
def test_bad_characters_are_refused_with_a_message(tmp_path, field, value):
    site = make_site(tmp_path)
    client = signed_in(site.app)
    token = csrf_of(client.get("/aussprache").get_data(as_text=True))
    good = client.post("/aussprache", data={"graphemes": "Meeting", "alias": "Mieting", "csrf_token": token})
    assert good.status_code == 303
    before = (site.instance / "aussprache.pls").read_bytes()
    data = {"graphemes": "Wort", "alias": "Wohrt", "phoneme": "", "csrf_token": token, field: value}
    reply = client.post("/aussprache", data=data)
    assert reply.status_code == 400 and "nicht gespeichert" in reply.get_data(as_text=True)
    assert (site.instance / "aussprache.pls").read_bytes() == before


def test_removing_an_entry_while_the_queue_is_away_is_no_500(tmp_path, monkeypatch):
    from app.jobs.queue import QueueUnavailable

    site = make_site(tmp_path)
    client = signed_in(site.app)
    token = csrf_of(client.get("/aussprache").get_data(as_text=True))
    assert client.post("/aussprache", data={"graphemes": "Meeting", "alias": "Mieting",
                                            "csrf_token": token}).status_code == 303

    def away(graphemes):
        raise QueueUnavailable("the build queue cannot be reached", "Connection refused; try again in a moment")
    monkeypatch.setattr("app.web.aussprache._rebuild_affected", away)
    reply = client.post("/aussprache/entfernen", data={"original": "Meeting", "csrf_token": token})
    assert reply.status_code == 303
    page = client.get("/aussprache").get_data(as_text=True)
    assert "Entfernt, aber die Artikel konnten nicht neu erstellt werden" in page
    assert "Noch keine eigenen Einträge" in page
