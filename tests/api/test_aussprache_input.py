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
