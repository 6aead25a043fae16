"""A malformed address is refused when it is sent (API: 400 with a JSON error naming the problem;
form: 400 with a German message), never a 500 and never a queued job that fails later."""
from __future__ import annotations

import pytest

from app.jobs.queue import get_system
from tests.api.api_support import csrf_of, make_site, signed_in

MALFORMED = {  # address -> what the error message names
    "htp:/x": "only http:// and https://",
    "http://": "incomplete or malformed",
    "not a url": "only http:// and https://",
    "http://exa mple.org/artikel": "contains a space",
    "https://example.org/ein artikel": "contains a space",
    "http://[::1": "Invalid IPv6 URL",
    "http://example.org:99999/": "Port out of range",
    "http://example.org:abc/": "Port could not be cast",
    "http://a..b/": "is not a valid name",
    "https://example.org/" + "x" * 2100: "at most 2000",
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.delenv("VORLESER_QUEUE", raising=False)
    return make_site(tmp_path, PROPAGATE_EXCEPTIONS=False)


def _queued(site) -> list:
    return get_system(site.audio, site.instance).store.recent(10)


@pytest.mark.parametrize("url", sorted(MALFORMED), ids=lambda u: u[:30])
def test_the_api_refuses_a_malformed_address_at_once(site, url):
    reply = site.app.test_client().post("/api/v1/articles", json={"url": url},
                                        headers={"Authorization": f"Bearer {site.token}"})
    assert reply.status_code == 400 and reply.mimetype == "application/json"
    error = reply.json["error"]
    assert error["code"] == "invalid_request" and MALFORMED[url] in error["message"]
    assert "\n" not in error["message"] and len(error["message"]) < 600
    assert _queued(site) == []


@pytest.mark.parametrize("url, german", [
    ("http://exa mple.org/", "Die Adresse enthält ein Leerzeichen."),
    ("htp:/x", "Nur Adressen mit http:// oder https://"),
    ("http://[::1", "Die Adresse ist ungültig."),
    ("https://example.org/" + "x" * 2100, "Die Adresse ist zu lang (höchstens 2000 Zeichen)."),
])
def test_the_form_refuses_a_malformed_address_in_german(site, url, german):
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    reply = client.post("/hinzufuegen", data={"url": url, "engine": "espeak", "text_format": "text",
                                              "csrf_token": token})
    assert reply.status_code == 400 and german in reply.get_data(as_text=True)
    assert _queued(site) == []
