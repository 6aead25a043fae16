"""The embeddable player on a publisher's page: another origin embeds the
iframe that oEmbed hands out; Chromium plays it, the keyboard works inside it,
focus is visible, and axe finds nothing on the host page with the iframe."""
from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.browser_support import SLUG
from tests.browser.test_axe import OPTIONS

pytestmark = pytest.mark.browser

AUDIO_JS = "document.querySelector('audio.e-audio')"


@pytest.fixture(scope="module")
def host(base_url):
    """A publisher's article page on another origin (its own server and port), with the
    iframe exactly as /oembed gives it."""
    query = urllib.parse.urlencode({"url": f"{base_url}/artikel/{SLUG}", "format": "json"})
    with urllib.request.urlopen(f"{base_url}/oembed?{query}") as res:
        oembed = json.load(res)
    page = (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Verlag – Ein Artikel</title>'
            f'</head><body><main><h1>Ein Artikel beim Verlag</h1><p>Hier können Sie ihn auch hören:</p>'
            f'{oembed["html"]}<p>Weiterer Text des Verlags.</p></main></body></html>').encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", oembed
    server.shutdown()
    server.server_close()


def test_publisher_page_embeds_a_working_player(browser, host, manifest):
    url, oembed = host
    assert oembed["type"] == "rich" and oembed["width"] > 0 and oembed["height"] > 0
    ctx = browser.new_context(viewport={"width": 900, "height": 800})
    try:
        page = ctx.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error"
                and "Failed to load resource" not in m.text else None)
        page.goto(url)
        frame_el = page.locator("iframe")
        assert frame_el.get_attribute("title") == f"Vorleser: {manifest['article']['title']}"
        frame = frame_el.content_frame
        frame.locator("html.js").wait_for(state="attached")
        inner = page.frames[1]

        # Keyboard only: Tab from the host page into the iframe, to the play button.
        for _ in range(3):
            page.keyboard.press("Tab")
        assert inner.evaluate("document.activeElement.dataset.act") == "toggle"
        ring = inner.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                              " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
        assert ring[0] == "solid" and ring[1] >= 2, f"focus must be visible: {ring}"
        page.keyboard.press("Enter")
        inner.wait_for_function(f"() => !{AUDIO_JS}.paused && {AUDIO_JS}.currentTime > 0.5")
        first = manifest["sections"][0]["sentences"]
        now = frame.locator(".e-now")
        now.filter(has_text=first[0]["text"]).or_(now.filter(has_text=first[1]["text"])).wait_for()
        assert now.locator(".vh").inner_text() == "Aktueller Satz:"  # the label, for screen readers
        assert frame.locator(".e-play").inner_text() == "Pause"

        page.keyboard.press("Tab")  # "10 s vor"
        assert inner.evaluate("document.activeElement.dataset.act") == "forward"
        before = inner.evaluate("Number(document.querySelector('.e-seek').value)")
        page.keyboard.press("Enter")
        inner.wait_for_function("(b) => Number(document.querySelector('.e-seek').value) >= b + 9", arg=before)

        third = manifest["sections"][2]
        target = frame.get_by_role("button", name=third["heading"])
        target.focus()
        page.keyboard.press("Enter")
        inner.wait_for_function(f"(f) => {AUDIO_JS}.getAttribute('src').endsWith('/' + f) && !{AUDIO_JS}.paused",
                                arg=third["file"])
        assert target.get_attribute("aria-current") == "true"
        frame.locator(".e-rate").select_option("1.5")
        assert inner.evaluate(f"{AUDIO_JS}.playbackRate") == 1.5
        frame.locator(".e-play").click()
        inner.wait_for_function(f"() => {AUDIO_JS}.paused")

        fourth = manifest["sections"][3]  # a file that does not load is said in the status line
        page.route(f"**/audio/{fourth['file']}", lambda route: route.abort("connectionfailed"))
        frame.get_by_role("button", name=fourth["heading"]).click()
        status = frame.get_by_role("status")
        status.filter(has_text=f"„{fourth['heading']}“ konnte nicht geladen werden").wait_for()
        page.unroute(f"**/audio/{fourth['file']}")
        frame.locator(".e-play").click()  # "Abspielen" tries again
        inner.wait_for_function(f"(f) => {AUDIO_JS}.getAttribute('src').endsWith('/' + f) && !{AUDIO_JS}.paused",
                                arg=fourth["file"])
        assert status.inner_text() == ""
        frame.locator(".e-play").click()
        inner.wait_for_function(f"() => {AUDIO_JS}.paused")

        axe = Axe()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            inner.evaluate(axe.axe_script)  # axe asks the frame's own copy about the frame
            result = axe.run(page, options=OPTIONS)
            found = [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]
            assert not found, f"axe on the host page with the iframe ({scheme}): {found}"
        assert not errors, errors
    finally:
        ctx.close()
