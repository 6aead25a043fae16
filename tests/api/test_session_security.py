"""Findings of the security review (docs/security-review.md) about sign-in, sessions, caching of
personal pages, the login rate limit and the private library. Each test failed before its fix,
or pins a check that the review confirmed."""
from __future__ import annotations

import re

import pytest

from app.accounts.web import PUBLIC_WHEN_PRIVATE
from tests.api.api_support import PASSWORD, csrf_of, make_site, signed_in
from tests.web.web_support import SLUG

SAMPLE_ARGS = {"slug": SLUG, "name": "01-titel.mp3", "job_id": "0" * 32, "filename": "css/vorleser.css"}


@pytest.fixture
def site(tmp_path, built_dir):
    return make_site(tmp_path, built_dir)


def _steal(client, app):
    """A second browser holding a copy of ``client``'s session cookie."""
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie(cookie.key, cookie.value)
    return thief


def _is_signed_in(client) -> bool:
    return client.get("/verwaltung").status_code == 200


# -- the reader page is rendered once per build: never with an editor's name and CSRF token ------

def test_the_cached_reader_page_never_carries_an_editors_session(site):
    editor = signed_in(site.app)
    first = editor.get(f"/artikel/{SLUG}").get_data(as_text=True)
    assert "Abmelden (anna)" in first
    anonymous = site.app.test_client().get(f"/artikel/{SLUG}").get_data(as_text=True)
    assert "Abmelden" not in anonymous and "anna" not in anonymous
    assert 'name="csrf_token"' not in anonymous
    assert "Abmelden (anna)" in editor.get(f"/artikel/{SLUG}").get_data(as_text=True)


def test_an_editor_sees_the_editor_links_after_an_anonymous_visit(site):
    site.app.test_client().get(f"/artikel/{SLUG}")
    assert "Abmelden (anna)" in signed_in(site.app).get(f"/artikel/{SLUG}").get_data(as_text=True)


# -- session fixation, logout, removed users -----------------------------------------------------

def test_signing_in_renews_the_session_and_its_csrf_token(site):
    client = site.app.test_client()
    before = csrf_of(client.get("/anmelden").get_data(as_text=True))  # known to whoever planted the cookie
    reply = client.post("/anmelden", data={"name": "anna", "password": PASSWORD, "csrf_token": before})
    assert reply.status_code == 302
    refused = client.post("/abmelden", data={"csrf_token": before})
    assert refused.status_code in (302, 400) and _is_signed_in(client)
    after = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    assert after != before


def test_logout_ends_the_session_also_for_a_copied_cookie(site):
    client = signed_in(site.app)
    thief = _steal(client, site.app)
    assert _is_signed_in(thief)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    assert client.post("/abmelden", data={"csrf_token": token}).status_code == 302
    assert not _is_signed_in(client)
    assert not _is_signed_in(thief)


def test_a_removed_user_is_signed_out_at_once_and_stays_out_when_added_again(site):
    client = signed_in(site.app)
    other = signed_in(site.app)
    site.store.remove_user("anna")
    assert not _is_signed_in(client)
    site.store.add_user("anna", "ein ganz anderes passwort")
    assert not _is_signed_in(other)  # a new account of the same name is not the old session's


def test_a_session_cookie_of_the_old_form_is_not_accepted(site):
    """Sessions that only name the user (before the session register) cannot be forged into one."""
    client = site.app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "anna"
        session["_fresh"] = True
    assert not _is_signed_in(client)


# -- personal pages are never stored by shared caches ------------------------------------------

@pytest.mark.parametrize("path", ["/verwaltung", "/hinzufuegen", "/aussprache", "/", f"/artikel/{SLUG}"])
def test_pages_for_a_signed_in_editor_are_private(site, path):
    reply = signed_in(site.app).get(path)
    assert reply.status_code == 200
    assert "private" in reply.headers.get("Cache-Control", ""), reply.headers.get("Cache-Control")
    assert "public" not in reply.headers.get("Cache-Control", "")
    anonymous = site.app.test_client().get("/")
    assert "private" not in anonymous.headers.get("Cache-Control", "")  # the public library stays cacheable


# -- the login rate limit ------------------------------------------------------------------------

def _attempts(site, addresses, headers=None):
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    codes = []
    for address in addresses:
        reply = client.post("/anmelden", data={"name": "anna", "password": "falsch", "csrf_token": token},
                            environ_base={"REMOTE_ADDR": address}, headers=headers or {})
        codes.append(reply.status_code)
    return codes


def test_forwarded_for_does_not_reset_the_limit_without_a_configured_proxy(tmp_path):
    site = make_site(tmp_path, LOGIN_RATE_LIMIT="3 per minute")
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    codes = [client.post("/anmelden", data={"name": "anna", "password": "falsch", "csrf_token": token},
                         headers={"X-Forwarded-For": f"203.0.113.{i}", "X-Real-IP": f"203.0.113.{i}"}).status_code
             for i in range(5)]
    assert codes[:3] == [401, 401, 401] and codes[3:] == [429, 429]


def test_a_new_ipv6_address_in_the_same_network_does_not_reset_the_limit(tmp_path):
    site = make_site(tmp_path, LOGIN_RATE_LIMIT="3 per minute")
    codes = _attempts(site, [f"2001:db8:1:2::{i:x}" for i in range(1, 6)])
    assert codes[:3] == [401, 401, 401] and codes[3:] == [429, 429]
    assert _attempts(site, ["2001:db8:1:3::1"]) == [401]  # another /64 is another client
    assert _attempts(site, ["192.0.2.1", "192.0.2.2"]) == [401, 401]  # IPv4: each address counts alone


# -- open redirects after sign-in ------------------------------------------------------------------

@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/",
                                    "/\t/evil.example/", "\t//evil.example/", "/%0a/evil.example",
                                    "javascript:alert(1)", "https:evil.example", "///evil.example"])
def test_next_never_leaves_the_site(site, target):
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    reply = client.post("/anmelden", query_string={"next": target},
                        data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert reply.status_code == 302
    location = reply.headers["Location"]
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location
    assert not re.match(r"^/[\t\n\r ]*/", location)


def test_next_keeps_a_local_page(site):
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    reply = client.post("/anmelden?next=/verwaltung", data={"name": "anna", "password": PASSWORD,
                                                            "csrf_token": token})
    assert reply.headers["Location"] == "/verwaltung"


# -- the private library covers every read route ---------------------------------------------------

def _get_routes(app):
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in PUBLIC_WHEN_PRIVATE:
            continue
        yield rule.endpoint, app.url_map.bind("localhost").build(
            rule.endpoint, {k: SAMPLE_ARGS.get(k, "x") for k in rule.arguments})


def test_private_mode_covers_every_read_route(tmp_path, built_dir):
    site = make_site(tmp_path, built_dir, PRIVATE=True)
    anonymous = site.app.test_client()
    seen = set()
    for endpoint, path in _get_routes(site.app):
        seen.add(endpoint)
        reply = anonymous.get(path)
        if endpoint == "api.openapi":
            assert reply.status_code == 200  # the description only, no library data
            continue
        if endpoint.startswith("api."):
            assert reply.status_code == 401 and reply.json["error"]["code"] == "unauthorized", path
            continue
        assert reply.status_code in (302, 401), (path, reply.status_code)
        if reply.status_code == 302:
            assert reply.headers["Location"].startswith("/anmelden"), path
        assert SLUG.encode() not in reply.data or reply.status_code == 302, path
    assert {"files.audio", "files.download", "files.sections_zip", "files.manifest", "files.captions",
            "files.chapters", "exports.feed", "exports.epub", "exports.chapters_json", "reader.article",
            "reader.library", "api.list_articles", "api.get_job", "aussprache.probe"} <= seen
    editor = signed_in(site.app)
    assert editor.get(f"/artikel/{SLUG}/manifest.json").status_code == 200


# -- CORS: the API answers no cross-origin browser request ----------------------------------------

def test_the_api_sends_no_cors_permission(site):
    client = site.app.test_client()
    origin = {"Origin": "https://evil.example"}
    for reply in (client.options("/api/v1/articles", headers={**origin, "Access-Control-Request-Method": "POST"}),
                  client.get("/api/v1/articles", headers={**origin, "Authorization": f"Bearer {site.token}"}),
                  client.get("/api/v1/openapi.json", headers=origin)):
        assert not any(h.lower().startswith("access-control-") for h in reply.headers.keys()), reply.headers
