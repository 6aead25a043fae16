"""Every write route, in one table: anonymous, wrong token, right token or session, and no CSRF token.
A revoked token stops working at once."""
from __future__ import annotations

import pytest

from tests.api.api_support import csrf_of, make_site, signed_in
from tests.web.web_support import SLUG

# (method, path, form or JSON body, success statuses)
WEB_WRITES = [
    ("POST", "/hinzufuegen", {"article_text": "Titel\nVorspann.\nAbschnitt\nEin Satz.", "text_format": "text",
                              "engine": "espeak"}, {303}),
    ("POST", f"/verwaltung/{SLUG}/neu", {"engine": "espeak"}, {303}),
    ("POST", "/aussprache", {"graphemes": "Podcastfolge", "alias": "Podkastfolge"}, {303}),
    ("POST", "/aussprache/aendern", {"original": "Podcastfolge", "graphemes": "Podcastfolge",
                                     "alias": "Pottkastfolge"}, {303}),
    ("POST", "/aussprache/entfernen", {"original": "Podcastfolge"}, {303}),
    ("POST", f"/verwaltung/{SLUG}/loeschen", {}, {303}),
    ("POST", "/abmelden", {}, {302}),
]
API_WRITES = [
    ("POST", "/api/v1/articles", {"text": "Titel\nVorspann.\nAbschnitt\nEin Satz."}, {202}),
    ("DELETE", f"/api/v1/articles/{SLUG}", None, {204}),
]
API_READS = [("GET", "/api/v1/articles", None, {200})]


@pytest.fixture
def site(tmp_path, built_dir):
    return make_site(tmp_path, built_dir)


@pytest.mark.parametrize("method, path, data, ok", WEB_WRITES + API_WRITES + API_READS)
def test_anonymous_is_refused(site, method, path, data, ok):
    reply = site.app.test_client().open(path, method=method, data=data if path[:5] != "/api/" else None,
                                        json=data if path[:5] == "/api/" else None)
    if path.startswith("/api/"):
        assert reply.status_code == 401 and reply.json["error"]["code"] == "unauthorized"
    else:
        assert reply.status_code in (302, 400, 401)
        if reply.status_code == 302:
            assert "/anmelden" in reply.headers["Location"]


@pytest.mark.parametrize("method, path, data, ok", API_WRITES + API_READS)
def test_wrong_or_session_only_credentials_are_refused_by_the_api(site, method, path, data, ok):
    for headers in ({"Authorization": "Bearer vl_falsch"}, {"Authorization": f"Basic {site.token}"}, {}):
        reply = site.app.test_client().open(path, method=method, json=data, headers=headers)
        assert reply.status_code == 401, (headers, reply.status_code)
    session = signed_in(site.app)  # a browser session is no API credential (no CSRF there)
    assert session.open(path, method=method, json=data).status_code == 401


@pytest.mark.parametrize("method, path, data, ok", WEB_WRITES)
def test_session_without_csrf_token_is_refused(site, method, path, data, ok):
    client = signed_in(site.app)
    reply = client.open(path, method=method, data=data)
    assert reply.status_code == 400
    assert "Das Formular ist abgelaufen" in reply.get_data(as_text=True)


def test_every_web_write_works_with_session_and_csrf_in_order(site):
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    for method, path, data, ok in WEB_WRITES:
        reply = client.open(path, method=method, data={**data, "csrf_token": token})
        assert reply.status_code in ok, (path, reply.status_code, reply.get_data(as_text=True)[:300])


@pytest.mark.parametrize("method, path, data, ok", API_WRITES + API_READS)
def test_right_token_works(site, method, path, data, ok):
    reply = site.app.test_client().open(path, method=method, json=data,
                                        headers={"Authorization": f"Bearer {site.token}"})
    assert reply.status_code in ok, reply.get_data(as_text=True)[:300]


def test_a_revoked_token_stops_at_once(site):
    client = site.app.test_client()
    auth = {"Authorization": f"Bearer {site.token}"}
    assert client.get("/api/v1/articles", headers=auth).status_code == 200
    site.store.revoke_token("cms")
    assert client.get("/api/v1/articles", headers=auth).status_code == 401
