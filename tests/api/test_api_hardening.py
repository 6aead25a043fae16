"""Findings of the security review (docs/security-review.md) about the JSON API: names chosen by
a client never reach the file system, hostile JSON gives a 400, a crash answers JSON, and an
address with a user name or password is refused. Each test failed before its fix."""
from __future__ import annotations

import pytest

from tests.api.api_support import csrf_of, make_site, signed_in


@pytest.fixture
def site(tmp_path, built_dir):
    return make_site(tmp_path, built_dir, PROPAGATE_EXCEPTIONS=False)  # as in production: no re-raise


def _auth(site) -> dict:
    return {"Authorization": f"Bearer {site.token}"}


def _lock_files(site) -> set[str]:
    folder = site.audio / ".versions"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


@pytest.mark.parametrize("slug", ["Evil_Name", "..", ".versions", "a%00b", "a" * 300, "x.queue-lock", "%2e%2e"])
def test_delete_with_a_name_that_is_no_slug_touches_nothing(site, slug):
    before = _lock_files(site)
    reply = site.app.test_client().delete(f"/api/v1/articles/{slug}", headers=_auth(site))
    assert reply.status_code == 404 and reply.json["error"]["code"] == "article_not_found"
    assert _lock_files(site) == before


def test_deeply_nested_json_is_a_400(site):
    body = "[" * 100_000 + "]" * 100_000
    reply = site.app.test_client().post("/api/v1/articles", data=body, headers={**_auth(site),
                                                                                "Content-Type": "application/json"})
    assert reply.status_code == 400 and reply.json["error"]["code"] == "invalid_json"
    nested = '{"text": "Titel", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    reply = site.app.test_client().post("/api/v1/articles", data=nested,
                                        headers={**_auth(site), "Content-Type": "application/json"})
    assert reply.status_code == 400 and reply.json["error"]["code"] == "invalid_json"


def test_an_unexpected_error_in_the_api_answers_json_without_details(site, monkeypatch):
    def broken():
        raise RuntimeError("/geheimer/pfad/zur/datei")
    monkeypatch.setattr("app.api.routes.get_library", broken)
    reply = site.app.test_client().get("/api/v1/articles", headers=_auth(site))
    assert reply.status_code == 500 and reply.mimetype == "application/json"
    assert reply.json["error"]["code"] == "internal_error" and "geheim" not in reply.get_data(as_text=True)


@pytest.mark.parametrize("url", ["https://anna:geheim@example.org/artikel", "https://token@example.org/",
                                 "http://example.org@127.0.0.1/"])
def test_an_address_with_user_name_or_password_is_refused(site, url):
    reply = site.app.test_client().post("/api/v1/articles", json={"url": url}, headers=_auth(site))
    assert reply.status_code == 400 and reply.json["error"]["code"] == "invalid_request"
    assert "geheim" not in reply.get_data(as_text=True)
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    page = client.post("/hinzufuegen", data={"url": url, "engine": "espeak", "text_format": "text",
                                             "csrf_token": token})
    assert page.status_code == 400 and "Benutzername oder Passwort" in page.get_data(as_text=True)


def test_an_upload_over_the_size_limit_is_a_413_page(site):
    import io
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    big = io.BytesIO(b"Titel\n" + b"Ein Satz. " * 200_000)  # 2 MB
    reply = client.post("/hinzufuegen", data={"file": (big, "gross.txt"), "engine": "espeak", "text_format": "text",
                                              "csrf_token": token}, content_type="multipart/form-data")
    assert reply.status_code == 413 and "zu groß" in reply.get_data(as_text=True)


def test_job_ids_are_long_random_and_job_reads_need_a_login_or_token(site):
    from app.jobs.queue import get_system
    reply = site.app.test_client().post("/api/v1/articles", json={"text": "Titel\nVorspann.\nTeil\nSatz."},
                                        headers=_auth(site))
    job_id = reply.json["job"]["id"]
    assert len(job_id) == 32 and int(job_id, 16) >= 0
    second = site.app.test_client().post("/api/v1/articles", json={"text": "Titel\nVorspann.\nTeil\nSatz."},
                                         headers=_auth(site)).json["job"]["id"]
    assert second != job_id
    anonymous = site.app.test_client()
    assert anonymous.get(f"/api/v1/jobs/{job_id}").status_code == 401
    for path in (f"/auftraege/{job_id}", f"/auftraege/{job_id}/status.json"):
        page = anonymous.get(path)
        assert page.status_code == 302 and "/anmelden" in page.headers["Location"]
        assert b"wartet" not in page.data and b"Titel" not in page.data
    assert "text" not in site.app.test_client().get(f"/api/v1/jobs/{job_id}", headers=_auth(site)).json
    assert get_system(site.audio, site.instance).store.get(job_id) is not None
