"""Offline listening: "Für offline speichern" keeps the article in the Cache API,
the service worker answers from it without a network (Range requests included),
unsaved pages get the German offline page, a new build updates the saved copy
once, and "Offline-Kopie entfernen" frees it all again."""
from __future__ import annotations

import re

import pytest

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from app.web.labels import size_label
from tests.browser.browser_support import PROBE, SAMPLE_JS, SLUG, probe_text, shown, wanted
from tests.browser.conftest import build
from tests.browser.test_axe import _check

pytestmark = pytest.mark.browser

AUDIO_JS = "document.querySelector('#player audio')"
# The progress bar's values and the status texts while saving, recorded by the page itself.
RECORD_JS = """() => { window.__seen = {values: [], texts: []};
  const box = document.querySelector('.offline');
  new MutationObserver(() => {
    window.__seen.values.push(Number(box.querySelector('.off-p').value));
    window.__seen.texts.push(box.querySelector('.off-state').textContent);
  }).observe(box, {attributes: true, childList: true, characterData: true, subtree: true}); }"""
CACHES_JS = "async () => (await caches.keys()).sort()"


def _save(page, total: int) -> None:
    page.evaluate(RECORD_JS)
    page.get_by_role("button", name="Für offline speichern").click()
    done = f"Offline gespeichert ({size_label(total)})"
    expect(page.locator(".off-state")).to_have_text(re.compile("^" + re.escape(done)), timeout=60000)
    expect(page.locator("#announce")).to_have_text(re.compile("^" + re.escape(done)))  # after 50 ms
    assert page.get_by_role("button", name="Offline-Kopie entfernen").is_visible()


@pytest.fixture
def offline_context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def test_saved_article_plays_and_seeks_offline(offline_context, base_url, manifest):
    ctx = offline_context
    page = ctx.new_page()
    page.goto(f"{base_url}/artikel/{SLUG}")
    page.wait_for_selector("html.js")
    total = sum(s["bytes"] for s in manifest["sections"])
    assert f"({size_label(total)})" in page.locator(".off-t").inner_text()
    _save(page, total)
    seen = page.evaluate("window.__seen")
    assert max(seen["values"]) == total and len(set(seen["values"])) >= 5, "progress from the MP3 sizes"
    assert any(t.startswith("Wird gespeichert: ") and t.endswith(f" von {size_label(total)}") for t in seen["texts"])
    assert page.evaluate("async () => (await navigator.serviceWorker.ready).active.scriptURL") == f"{base_url}/sw.js"
    axe = Axe()
    _check(axe, page, "reader with a saved copy")

    ctx.set_offline(True)
    page.goto(f"{base_url}/")
    cards = page.locator(".card")
    saved = cards.filter(has=page.get_by_role("link", name=manifest["article"]["title"]))
    expect(saved.locator(".saved-at")).to_have_text(" · Offline gespeichert")  # marked by js/saved.js
    other = cards.filter(has=page.locator(f"a[href='/artikel/{PROBE}']"))
    expect(other.locator(".saved-at")).to_have_text(" · Nicht offline gespeichert")
    _check(axe, page, "library offline, with saved and unsaved articles")
    saved.get_by_role("link").click()
    page.wait_for_selector("html.js")

    ranges = []
    page.on("response", lambda r: ranges.append((r.status, r.from_service_worker))
            if "/audio/" in r.url and r.request.headers.get("range") else None)
    second = manifest["sections"][1]
    page.locator("[data-play-section='1']").click()
    page.wait_for_function(f"(f) => {AUDIO_JS}.getAttribute('src').endsWith('/' + f) && {AUDIO_JS}.currentTime > 0.5",
                           arg=second["file"], timeout=15000)
    target_s = (second["offset_ms"] + second["duration_ms"] // 2) // 1000  # the middle of section 2
    page.evaluate("(v) => { const r = document.querySelector('.p-seek'); r.value = v;"
                  " r.dispatchEvent(new Event('change')); }", target_s)
    local = target_s * 1000 - second["offset_ms"]
    page.wait_for_function(f"(t) => !{AUDIO_JS}.paused && {AUDIO_JS}.currentTime * 1000 > t + 200",
                           arg=local, timeout=15000)
    page.locator(".p-play").click()  # pause: an exact check at a standing position
    page.wait_for_function(f"() => {AUDIO_JS}.paused")
    st = page.evaluate(SAMPLE_JS)
    assert st["src"].endswith("/" + second["file"]) and local < st["t"] < local + 10000, st
    assert shown(st) == wanted(manifest, st["src"], st["t"]), "the highlight follows offline"
    assert (206, True) in ranges, f"seeking needs 206 answers from the service worker: {ranges}"

    response = page.goto(f"{base_url}/artikel/{PROBE}")
    assert response.from_service_worker
    assert page.get_by_role("heading", level=1).inner_text() == "Keine Verbindung"
    assert "nicht für offline gespeichert" in page.locator("main").inner_text()
    _check(axe, page, "offline page")

    ctx.set_offline(False)
    page.goto(f"{base_url}/artikel/{SLUG}")
    page.wait_for_selector(".off-state:has-text('Offline gespeichert')")
    page.get_by_role("button", name="Offline-Kopie entfernen").click()
    page.wait_for_selector(".off-state:has-text('Offline-Kopie wurde entfernt')")
    assert page.evaluate(CACHES_JS) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.evaluate("document.activeElement.dataset.act") == "save"


def test_new_build_updates_the_saved_copy_once(offline_context, base_url, audio_dir, tmp_path):
    page = offline_context.new_page()
    url = f"{base_url}/artikel/{PROBE}"
    page.goto(url)
    page.wait_for_selector("html.js")
    total = int(page.locator(".offline").get_attribute("data-total"))
    _save(page, total)
    before = page.evaluate(CACHES_JS)
    changed = "03-zweiter-abschnitt.mp3"

    source = tmp_path / f"{PROBE}.txt"
    source.write_text(probe_text(2), encoding="utf-8")
    build(audio_dir, str(source), slug=PROBE)
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]) if "/audio/" in r.url else None)
    page.reload()
    page.wait_for_selector(".off-state:has-text('auf die neue Fassung aktualisiert')", timeout=60000)
    expect(page.locator("#announce")).to_have_text(re.compile("^Die Offline-Kopie wurde auf die neue Fassung"))
    after = page.evaluate(CACHES_JS)
    assert len(after) == 2 and after != before, after  # the new copy replaced the old one, the library stays
    cached = page.evaluate("async (u) => (await (await caches.match(u)).arrayBuffer()).byteLength",
                           f"{url}/audio/{changed}")
    assert cached == (audio_dir / PROBE / changed).stat().st_size
    assert set(fetched) - {"01-eine-kleine-probe.mp3"} == {changed}, "unchanged MP3s are kept, not fetched again"

    page.reload()  # said once: the next visit just shows the saved state
    page.wait_for_selector(".off-state:has-text('Offline gespeichert')")
    assert page.locator("#announce").inner_text() == ""
    assert page.evaluate(CACHES_JS) == after
