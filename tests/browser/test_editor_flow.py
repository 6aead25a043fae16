"""An editor in Chromium: signs in, adds a URL and a pasted text, follows each job page until
"fertig" and listens to both articles. axe (WCAG 2.2 AA + best practice) finds 0 violations on the
sign-in page, the form, the job page (running and done), the management and pronunciation pages."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe

from app.accounts.store import AccountStore
from tests.browser.conftest import ROOT, _free_port
from tests.support import stop, wait_until_serving

pytestmark = pytest.mark.browser
OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
PASSWORD = "ein langes passwort"
PAGE = ("<!doctype html><html lang=de><head><title>Ein Artikel aus dem Netz</title></head><body><article>"
        "<h1>Ein Artikel aus dem Netz</h1><p>Dieser Vorspann steht oben. Er ist kurz.</p><h2>Erster Teil</h2>"
        "<p>Hier beginnt der Text. Er hat mehrere Sätze, damit man etwas hört. Und noch einen.</p>"
        "<h2>Zweiter Teil</h2><p>Am Ende steht ein letzter Absatz. Dann ist Schluss.</p></article></body></html>")


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("editor-flow")
    AccountStore(work / "instance").add_user("redakteurin", PASSWORD)
    site = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    port = _free_port()
    env = {**os.environ, "VORLESER_INSTANCE": str(work / "instance"), "VORLESER_FETCH_ALLOW_LOOPBACK": "1",
           "VORLESER_BUILD_JOBS": "1"}
    env.pop("VORLESER_QUEUE", None)
    log = work / "serve.log"
    with log.open("w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir",
                                 str(work / "audio")], cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_serving(proc, base + "/healthz", 30, log.read_text)
    yield {"base": base, "article_url": f"http://127.0.0.1:{site.server_address[1]}/artikel"}
    stop(proc)
    site.shutdown()
    site.server_close()
    assert "Traceback" not in log.read_text(), log.read_text()


@pytest.fixture(scope="module")
def page(chromium, server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()


def _axe(page, what: str) -> None:
    violations = Axe().run(page, options=OPTIONS).response["violations"]
    detail = "\n".join(f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in violations)
    assert not violations, f"axe on {what}:\n{detail}"


def _listen(page) -> None:
    """Play the article's first section in the reader and hear time pass."""
    page.wait_for_selector("audio", state="attached", timeout=10000)
    played = page.evaluate("""async () => {
        const a = document.querySelector('audio');
        a.muted = true;
        await a.play();
        const start = performance.now();
        while (a.currentTime < 0.3 && performance.now() - start < 10000) await new Promise((r) => setTimeout(r, 50));
        const t = a.currentTime; a.pause(); return t;
    }""")
    assert played >= 0.3


def _add_and_follow(page, server, fill) -> str:
    page.goto(server["base"] + "/hinzufuegen")
    page.wait_for_selector("#article_text", state="attached", timeout=10000)
    fill(page)
    page.get_by_role("button", name="Artikel erstellen").click()
    page.wait_for_url("**/auftraege/*")
    page.wait_for_selector(".job", timeout=10000)
    _axe(page, "job page")
    page.wait_for_selector("[data-field=reader]:not([hidden]) a", timeout=120000)  # updated without reload
    assert page.locator("[data-field=state_words]").inner_text() == "fertig"
    assert "Fertig" in page.locator("#job-live").inner_text()  # announced once, politely
    assert page.locator("#job-live").inner_text().endswith("kann jetzt angehört werden.")  # T.jobDone
    assert page.title() == "Auftrag: fertig – Vorleser"  # set by the script (T.jobTitle) without a reload
    _axe(page, "job page, done")
    page.locator("[data-field=reader] a").click()
    page.wait_for_url("**/artikel/*")
    _listen(page)
    return page.url


def test_editor_adds_a_url_and_a_pasted_text_and_listens(page, server):
    page.goto(server["base"] + "/anmelden")
    _axe(page, "sign-in page")
    page.get_by_label("Benutzername").fill("redakteurin")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.keyboard.press("Enter")  # the keyboard alone submits
    page.wait_for_url(server["base"] + "/")
    assert page.get_by_role("link", name="Artikel hinzufügen").is_visible()
    page.goto(server["base"] + "/hinzufuegen")
    _axe(page, "add form")

    url = _add_and_follow(page, server, lambda p: p.get_by_label("Adresse (URL) eines Artikels").fill(
        server["article_url"]))
    assert url.endswith("/artikel/ein-artikel-aus-dem-netz")

    text = "Ein eingefügter Text\nEin kurzer Vorspann.\nDer Teil\nHier steht der Text zum Hören. Er ist kurz."
    url = _add_and_follow(page, server, lambda p: p.get_by_label("Text einfügen").fill(text))
    assert url.endswith("/artikel/ein-eingefuegter-text")

    for path, what in (("/verwaltung", "management"), ("/aussprache", "pronunciation"),
                       ("/aussprache?probe=Meeting", "pronunciation with a sample")):
        page.goto(server["base"] + path)
        _axe(page, what)
    assert page.evaluate("""async () => { const a = document.querySelector('.sample audio');
        await new Promise((r) => { if (a.readyState >= 1) r(); else a.addEventListener('loadedmetadata', r); });
        return a.duration; }""") > 0.2
    assert not page.errors, page.errors


def test_script_texts_agree_in_number(page, server):
    page.goto(server["base"] + "/anmelden")
    said = page.evaluate("""async () => { const { T } = await import('/static/js/strings.js');
        return [T.filterCount(1, 1), T.filterCount(2, 3), T.jobProgress(1, 4), T.jobFailed(undefined)]; }""")
    assert said == ["1 von 1 Artikel", "2 von 3 Artikeln", "1 von 4", "Fehlgeschlagen: "]


def test_error_pages_pass_axe(page, server):
    for path in ("/gibt/es/nicht", "/api/gibt-es-nicht"):
        reply = page.goto(server["base"] + path)
        assert reply.status == 404
        if path.startswith("/api/"):
            assert reply.headers["content-type"].startswith("application/json")
            continue
        assert page.title() == "Seite nicht gefunden – Vorleser"
        _axe(page, "error page")
