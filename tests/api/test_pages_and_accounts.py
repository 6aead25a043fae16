"""Accounts (CLI, sign-in, rate limit, cookies, private mode), hostile titles shown as text on every
page, and the Aussprache page (edit -> rebuild through the queue, sample as audio/mpeg)."""
from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile

import pytest

from app.accounts.store import AccountStore
from app.jobs.queue import get_system
from app.jobs.worker import EmbeddedWorkers
from tests.api.api_support import PASSWORD, csrf_of, make_site, signed_in
from tests.faults.fault_support import ROOT

XSS_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> javascript:alert(3)'


def _cli(args: list[str], instance, stdin: str = "") -> subprocess.CompletedProcess:
    import os
    env = {**os.environ, "VORLESER_INSTANCE": str(instance)}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)


def test_user_and_token_commands(tmp_path):
    instance = tmp_path / "inst"
    added = _cli(["user", "add", "anna"], instance, "ein gutes passwort\n")
    assert added.returncode == 0, added.stderr
    store = AccountStore(instance)
    assert store.authenticate("anna", "ein gutes passwort") and not store.authenticate("anna", "falsch")
    assert "scrypt:" in __import__("sqlite3").connect(store.path).execute("SELECT hash FROM users").fetchone()[0]
    short = _cli(["user", "add", "bert"], instance, "kurz\n")
    assert short.returncode == 2 and short.stderr.startswith("vorleser: error: the password has fewer than 10")
    again = _cli(["user", "add", "anna"], instance, "ein gutes passwort\n")
    assert again.returncode == 2 and "exists already" in again.stderr
    created = _cli(["token", "create", "cms"], instance)
    token = created.stdout.strip()
    assert created.returncode == 0 and token.startswith("vl_") and store.check_token(token) == "cms"
    assert token not in store.path.read_bytes().decode("latin-1")  # only its hash is stored
    assert _cli(["token", "revoke", "cms"], instance).returncode == 0 and store.check_token(token) is None
    assert _cli(["user", "remove", "anna"], instance).returncode == 0 and store.users() == []
    missing = _cli(["user", "remove"], instance)
    assert missing.returncode == 2 and "needs a NAME" in missing.stderr


def test_fresh_install_has_no_account_and_says_how_to_make_one(tmp_path):
    from app import create_app
    app = create_app({"TESTING": True, "AUDIO_DIR": tmp_path / "a", "INSTANCE_DIR": tmp_path / "i"})
    assert app.extensions["vorleser_accounts"].users() == []
    page = app.test_client().get("/anmelden").get_data(as_text=True)
    assert "vorleser user add NAME" in page


def test_sign_in_cookie_flags_rate_limit_and_safe_next(tmp_path):
    site = make_site(tmp_path, LOGIN_RATE_LIMIT="3 per minute")
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))
    bad = client.post("/anmelden", data={"name": "anna", "password": "falsch", "csrf_token": token})
    assert bad.status_code == 401 and "falsch" in bad.get_data(as_text=True)
    good = client.post("/anmelden?next=https://evil.example/", data={"name": "anna", "password": PASSWORD,
                                                                     "csrf_token": token})
    assert good.status_code == 302 and good.headers["Location"] == "/"  # never to another host
    cookie = good.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    https = site.app.test_client().post("/anmelden", base_url="https://localhost",
                                         data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert https.status_code in (302, 400, 429)
    token = csrf_of(client.get("/anmelden").get_data(as_text=True))  # signing in renewed the session
    for _ in range(3):
        client.post("/anmelden", data={"name": "anna", "password": "falsch", "csrf_token": token})
    limited = client.post("/anmelden", data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert limited.status_code == 429 and "Zu viele Anmeldeversuche" in limited.get_data(as_text=True)


def test_secure_cookie_over_https(tmp_path):
    site = make_site(tmp_path)
    client = site.app.test_client()
    token = csrf_of(client.get("/anmelden", base_url="https://localhost").get_data(as_text=True))
    good = client.post("/anmelden", base_url="https://localhost", headers={"Referer": "https://localhost/anmelden"},
                       data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert good.status_code == 302 and "Secure" in good.headers["Set-Cookie"]


def test_private_library_needs_a_login_for_everything(tmp_path, built_dir):
    site = make_site(tmp_path, built_dir, PRIVATE=True)
    anonymous = site.app.test_client()
    assert anonymous.get("/").status_code == 302
    for path in ("/feed.xml", "/artikel/testartikel/manifest.json", "/artikel/testartikel/audio/01-titel.mp3",
                 "/artikel/testartikel/e-book.epub"):
        assert anonymous.get(path).status_code == 401, path
    assert anonymous.get("/anmelden").status_code == 200 and anonymous.get("/healthz").status_code == 200
    editor = signed_in(site.app)
    reply = editor.get("/artikel/testartikel/audio/01-titel.mp3")
    assert reply.status_code == 200 and "private" in reply.headers["Cache-Control"]


@pytest.fixture(scope="module")
def working_site(tmp_path_factory):
    s = make_site(tmp_path_factory.mktemp("pages"))
    workers = EmbeddedWorkers(get_system(s.audio, s.instance), 1).start()
    yield s
    workers.close()


def _submit_and_wait(client, data) -> str:
    token = csrf_of(client.get("/hinzufuegen").get_data(as_text=True))
    reply = client.post("/hinzufuegen", data={"engine": "espeak", "text_format": "text", "csrf_token": token, **data})
    assert reply.status_code == 303, reply.get_data(as_text=True)[:500]
    job_id = reply.headers["Location"].rsplit("/", 1)[-1]
    deadline = time.monotonic() + 90
    while not (state := client.get(f"/auftraege/{job_id}/status.json").json)["final"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert state["state"] == "fertig", state
    return job_id


def test_hostile_title_heading_and_text_show_as_text_on_every_page(working_site):
    client = signed_in(working_site.app)
    text = f"Erster Titel\nVorspann mit {XSS_TITLE}.\nKapitel {XSS_TITLE}\nEin Satz mit {XSS_TITLE} darin.\n"
    job_id = _submit_and_wait(client, {"article_text": text, "title": XSS_TITLE})
    slug = client.get(f"/auftraege/{job_id}/status.json").json["reader_url"].rsplit("/", 1)[-1]
    pages = {"library": client.get("/").get_data(as_text=True),
             "reader": client.get(f"/artikel/{slug}").get_data(as_text=True),
             "job": client.get(f"/auftraege/{job_id}").get_data(as_text=True),
             "management": client.get("/verwaltung").get_data(as_text=True),
             "feed": client.get("/feed.xml").get_data(as_text=True)}
    epub = zipfile.ZipFile(io.BytesIO(client.get(f"/artikel/{slug}/e-book.epub").data))
    pages.update({f"epub:{n}": epub.read(n).decode() for n in epub.namelist() if n.endswith((".xhtml", ".opf", ".ncx"))})
    for name, body in pages.items():
        assert "<script>alert" not in body and "<img src=x" not in body, name
        assert 'href="javascript:' not in body and "src=\"javascript:" not in body, name
    for name in ("library", "reader", "job", "management"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[name], name
    assert "&lt;script&gt;" in pages["feed"] or "<![CDATA[<script>" not in pages["feed"]
    status = client.get(f"/auftraege/{job_id}/status.json")  # js/job-status.js sets it as textContent
    assert status.mimetype == "application/json" and status.headers["X-Content-Type-Options"] == "nosniff"
    assert status.json["title"] == XSS_TITLE and "no-store" in status.headers["Cache-Control"]


def test_aussprache_edit_rebuilds_the_articles_that_contain_the_word(working_site):
    client = signed_in(working_site.app)
    _submit_and_wait(client, {"article_text": "Das Meeting\nEin Vorspann.\nTeil\nDas Meeting beginnt live."})
    system = get_system(working_site.audio, working_site.instance)
    before = {j.id for j in system.store.recent(100)}
    token = csrf_of(client.get("/aussprache").get_data(as_text=True))
    reply = client.post("/aussprache", data={"graphemes": "Meeting", "phoneme": "m'i:tIN", "csrf_token": token})
    assert reply.status_code == 303
    page = client.get("/aussprache").get_data(as_text=True)
    assert "1 Artikel wird neu erstellt" in page and "m&#39;i:tIN" in page
    new = [j for j in system.store.recent(100) if j.id not in before]
    assert [(j.source["type"], j.slug) for j in new] == [("rebuild", "das-meeting")]
    assert (working_site.instance / "aussprache.pls").read_text().count("Meeting") == 1
    sample = client.get("/aussprache/probe.mp3?text=Das Meeting")
    assert sample.status_code == 200 and sample.mimetype == "audio/mpeg" and len(sample.data) > 1000
    bad = client.post("/aussprache", data={"graphemes": "", "csrf_token": token})
    assert bad.status_code == 400 and "nicht gespeichert" in bad.get_data(as_text=True)
