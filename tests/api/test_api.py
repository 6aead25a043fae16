"""The JSON API end to end with a token and a real in-process worker; the bad-input corpus through
the API and the form; the OpenAPI description checked against every route and real responses."""
from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

from app.api.openapi import spec
from app.jobs.queue import get_system
from app.jobs.worker import EmbeddedWorkers
from tests.api.api_support import csrf_of, make_site, signed_in
from tests.faults.fault_support import BAD_DIR

BAD = {  # file in tests/data/bad -> the start of the one-line message (as `vorleser build` prints it)
    "empty.txt": "empty.txt is empty", "whitespace.txt": "whitespace.txt is empty",
    "image.txt": "image.txt looks like a PNG image", "latin1.txt": "latin1.txt is not valid UTF-8",
    "no-text.html": "no article text found",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("VORLESER_FETCH_ALLOW_LOOPBACK", "1")
    mp.delenv("VORLESER_QUEUE", raising=False)
    s = make_site(tmp_path_factory.mktemp("api"))
    workers = EmbeddedWorkers(get_system(s.audio, s.instance), 1).start()
    yield s
    workers.close()
    mp.undo()


def _schema(name: str) -> OAS31Validator:
    document = spec()
    return OAS31Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def _wait(client, auth, url: str, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = client.get(url, headers=auth).json
        _schema("Job").validate(body)
        if body["state"] in ("fertig", "fehlgeschlagen"):
            return body
        assert time.monotonic() < deadline, body
        time.sleep(0.1)


def test_submit_follow_list_update_and_delete(site):
    client, auth = site.app.test_client(), {"Authorization": f"Bearer {site.token}"}
    text = "API-Artikel\nVorspann des Artikels.\nErster Teil\nEin Satz. Noch ein Satz."
    reply = client.post("/api/v1/articles", json={"text": text, "engine": "espeak"}, headers=auth)
    assert reply.status_code == 202
    job_url = reply.json["job_url"]
    assert reply.headers["Location"] == job_url and reply.json["job"]["state"] == "wartet"
    done = _wait(client, auth, job_url)
    assert done["state"] == "fertig" and done["slug"] == "api-artikel" and done["done"] == done["total"] > 0
    assert done["links"]["article"].endswith("/artikel/api-artikel")
    listed = client.get("/api/v1/articles", headers=auth).json["articles"]
    entry = next(a for a in listed if a["slug"] == "api-artikel")
    _schema("Article").validate(entry)
    assert entry["duration_ms"] > 0 and entry["title"] == "API-Artikel"
    # the same source again updates the same article
    again = client.post("/api/v1/articles", json={"text": text + " Ein dritter Satz."}, headers=auth)
    assert _wait(client, auth, again.json["job_url"])["slug"] == "api-artikel"
    assert [a["slug"] for a in client.get("/api/v1/articles", headers=auth).json["articles"]].count("api-artikel") == 1
    assert client.delete("/api/v1/articles/api-artikel", headers=auth).status_code == 204
    gone = client.delete("/api/v1/articles/api-artikel", headers=auth)
    assert gone.status_code == 404 and gone.json["error"]["code"] == "article_not_found"
    assert client.get("/artikel/api-artikel").status_code == 404


@pytest.mark.parametrize("body, code", [
    ({}, "invalid_request"), ({"url": "ftp://x/"}, "invalid_request"), ({"text": "a", "url": "http://x/"},
                                                                      "invalid_request"),
    ({"text": 5}, "invalid_request"), ({"text": "x", "engine": "robot"}, "invalid_request"),
])
def test_invalid_requests_get_json_errors(site, body, code):
    reply = site.app.test_client().post("/api/v1/articles", json=body,
                                        headers={"Authorization": f"Bearer {site.token}"})
    assert reply.status_code == 400 and reply.json["error"]["code"] == code
    _schema("Error").validate(reply.json)
    assert "\n" not in reply.json["error"]["message"]


def test_not_json_and_too_large(site):
    client, auth = site.app.test_client(), {"Authorization": f"Bearer {site.token}"}
    reply = client.post("/api/v1/articles", data="kein json", headers=auth)
    assert reply.status_code == 400 and reply.json["error"]["code"] == "invalid_json"
    huge = client.post("/api/v1/articles", json={"text": "x" * (1024 * 1024 + 10)}, headers=auth)
    assert huge.status_code == 413 and huge.json["error"]["code"] == "payload_too_large"


# The API takes JSON strings: a file's bytes arrive as Unicode text. latin1.txt is not in this table:
# as a JSON string it is valid text (there is no undecodable byte left), and it builds.
API_BAD = {"empty.txt": "text is empty", "whitespace.txt": "text is empty",
           "image.txt": "looks like a binary file", "no-text.html": "no article text found"}


@pytest.mark.parametrize("name", sorted(API_BAD))
def test_bad_input_corpus_through_the_api_fails_the_job_with_the_cli_message(site, name):
    client, auth = site.app.test_client(), {"Authorization": f"Bearer {site.token}"}
    text = (BAD_DIR / name).read_bytes().decode("latin-1")
    key = "html" if name.endswith(".html") else "text"
    before = sorted(p.name for p in site.audio.iterdir() if not p.name.startswith("."))
    reply = client.post("/api/v1/articles", json={key: text or " "}, headers=auth)
    assert reply.status_code == 202, reply.json
    done = _wait(client, auth, reply.json["job_url"])
    assert done["state"] == "fehlgeschlagen" and API_BAD[name] in done["error"], done["error"]
    assert "\n" not in done["error"] and "Traceback" not in done["error"]
    assert sorted(p.name for p in site.audio.iterdir() if not p.name.startswith(".")) == before


def test_unpaired_surrogates_are_refused(site):
    reply = site.app.test_client().post("/api/v1/articles", data='{"text": "Titel \\udcdc"}',
                                        content_type="application/json",
                                        headers={"Authorization": f"Bearer {site.token}"})
    assert reply.status_code == 400 and "invalid character" in reply.json["error"]["message"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_corpus_through_the_form(site, name):
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    data = (BAD_DIR / name).read_bytes()
    before = sorted(p.name for p in site.audio.iterdir() if not p.name.startswith("."))
    from io import BytesIO
    reply = client.post("/hinzufuegen", data={"csrf_token": token, "engine": "espeak", "text_format": "text",
                                              "file": (BytesIO(data), name)}, content_type="multipart/form-data")
    assert reply.status_code == 303, reply.get_data(as_text=True)[:500]
    job_id = reply.headers["Location"].rsplit("/", 1)[-1]
    deadline = time.monotonic() + 60
    while (state := client.get(f"/auftraege/{job_id}/status.json").json)["final"] is False:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert state["state"] == "fehlgeschlagen"
    assert state["error"].replace("upload", "").startswith(BAD[name].split(" ", 1)[0]) or BAD[name] in state["error"]
    assert BAD[name].split(" ", 1)[1] in state["error"] and "\n" not in state["error"]
    page = client.get(f"/auftraege/{job_id}").get_data(as_text=True)
    assert "fehlgeschlagen" in page and "Was tun" in page
    assert sorted(p.name for p in site.audio.iterdir() if not p.name.startswith(".")) == before


def test_openapi_is_valid_and_describes_every_route(site):
    document = site.app.test_client().get("/api/v1/openapi.json").json
    validate_spec(document)
    described = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    routed = set()
    for rule in site.app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = rule.rule.replace("<", "{").replace(">", "}")
            routed |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert routed == described


def test_upload_of_other_kinds_is_refused_and_the_name_is_never_a_path(site, tmp_path):
    client = signed_in(site.app)
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    from io import BytesIO
    bad = client.post("/hinzufuegen", data={"csrf_token": token, "engine": "espeak", "text_format": "text",
                                            "file": (BytesIO(b"MZ..."), "programm.exe")},
                      content_type="multipart/form-data")
    assert bad.status_code == 400 and ".txt, .md oder .html" in bad.get_data(as_text=True)
    sneaky = client.post("/hinzufuegen", data={"csrf_token": token, "engine": "espeak", "text_format": "text",
                                               "file": (BytesIO(b"Titel\nVorspann.\nTeil\nEin Satz."),
                                                        "../../../tmp/boese.txt")},
                         content_type="multipart/form-data")
    assert sneaky.status_code == 303
    job = get_system(site.audio, site.instance).store.get(sneaky.headers["Location"].rsplit("/", 1)[-1])
    assert job.source["name"] == "boese.txt"  # only the last part of the name is kept, and only for messages
    assert base64.b64decode(job.source["data"]) == b"Titel\nVorspann.\nTeil\nEin Satz."
    assert not Path("/tmp/boese.txt").exists()
