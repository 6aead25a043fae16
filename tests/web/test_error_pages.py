"""Every error status the web app returns is a German page from templates/fehler.html (a title, one
heading, a link back to the library); a failed CSRF check says so in German; under /api/ every
error is JSON, also where no route matches."""
from __future__ import annotations

import re

import pytest
from flask import abort

from app import create_app
from app.web.errors import TITLES
from tests.api.api_support import make_site

CODES = (400, 401, 403, 404, 405, 409, 413, 429, 500, 503)


@pytest.fixture
def site(tmp_path):
    s = make_site(tmp_path)
    s.app.config["PROPAGATE_EXCEPTIONS"] = False  # an unhandled error is a 500, as in production

    @s.app.get("/fehler-test/<int:code>")
    def fail(code):
        abort(code)

    @s.app.get("/api/v1/fehler-test/<int:code>")  # not in the API's blueprint: the app's handlers answer
    def api_fail(code):
        abort(code)

    @s.app.get("/api/v1/kaputt-test")
    def api_broken():
        raise RuntimeError("geheimer Stacktrace-Inhalt")

    @s.app.post("/api/v1/formular-test")  # a routed form under /api/ that is not exempt from CSRF
    def api_form():
        return "nie"

    return s


def _assert_german_page(response, code: int) -> str:
    assert response.status_code == code
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert 'lang="de"' in html
    assert re.search(r"<title>(.*?)</title>", html).group(1) == f"{TITLES[code]} – Vorleser"
    assert len(re.findall(r"<h1[ >]", html)) == 1 and f"<h1>{TITLES[code]}</h1>" in html
    assert '<a href="/">Zur Bibliothek</a>' in html
    assert "Traceback" not in html and "Bad Request" not in html and "Not Found" not in html
    return html


@pytest.mark.parametrize("code", CODES)
def test_every_status_is_a_german_page(site, code):
    _assert_german_page(site.app.test_client().get(f"/fehler-test/{code}"), code)


def test_real_errors_use_the_page(site, built_dir):
    client = create_app({"TESTING": True, "AUDIO_DIR": built_dir}).test_client()
    _assert_german_page(client.get("/gibt/es/nicht"), 404)
    html = _assert_german_page(client.post("/healthz"), 405)
    assert "Erlaubt sind nur GET, HEAD und OPTIONS." in html


def test_a_failed_csrf_check_is_german(site):
    client = site.app.test_client()
    client.get("/anmelden")
    for data in ({"name": "anna", "password": "x"}, {"name": "anna", "password": "x", "csrf_token": "alt"}):
        html = _assert_german_page(client.post("/anmelden", data=data), 400)
        assert "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es erneut." in html
        assert "CSRF" not in html


def _assert_json(response, code: int) -> dict:
    assert response.status_code == code
    assert response.mimetype == "application/json", response.get_data(as_text=True)[:200]
    error = response.json["error"]
    assert error["code"] and error["message"] and "\n" not in error["message"]
    return error


@pytest.mark.parametrize("code", CODES)
def test_every_status_under_api_is_json(site, code):
    _assert_json(site.app.test_client().get(f"/api/v1/fehler-test/{code}"), code)


def test_api_errors_outside_its_routes_are_json(site):
    client = site.app.test_client()
    auth = {"Authorization": f"Bearer {site.token}"}
    assert _assert_json(client.get("/api/v1/gibt-es-nicht", headers=auth), 404)["code"] == "not_found"
    assert _assert_json(client.get("/api/gibt-es-nicht"), 404)["code"] == "not_found"
    # no route, no CSRF token: the answer is the missing route, not the form check
    assert _assert_json(client.post("/api/v1/gibt-es-nicht", json={}), 404)["code"] == "not_found"
    moved = client.put("/api/v1/articles", json={}, headers=auth)
    assert _assert_json(moved, 405)["code"] == "method_not_allowed" and "POST" in moved.headers["Allow"]
    assert _assert_json(client.post("/api/v1/formular-test"), 400)["code"] == "csrf_failed"
    broken = _assert_json(client.get("/api/v1/kaputt-test"), 500)
    assert broken["code"] == "internal_error" and "geheimer" not in broken["message"]
