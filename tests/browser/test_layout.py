"""Phone first: at 360 x 740 the first screen shows the title, the teaser and
"Artikel abspielen" above the player bar; on narrow screens the contents are a
closed <details>, on wide ones a sidebar; the tab order follows the page.
Screenshots at 320, 360, 768 and 1280 px in light and dark go to a temporary
folder, into docs/ only with VORLESER_SCREENSHOTS=1 (tests never rewrite
tracked files): compare them with the previous run by eye, no pixel asserts."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.browser_support import SLUG
from tests.browser.test_axe import _check

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
SIZES = [(320, 740), (360, 740), (768, 1024), (1280, 900)]
WIDE_PX = 960  # 60rem: the sidebar layout

GEOMETRY_JS = """() => {
  const r = (e) => e.getBoundingClientRect();
  const bar = document.getElementById('player');
  const fixed = getComputedStyle(bar).position === 'fixed';
  const pad = getComputedStyle(document.documentElement).getPropertyValue('--player-h');
  const q = (s) => document.querySelector(s);
  return {
    settled: !fixed || Math.abs(parseFloat(pad) - r(bar).height) < 1,
    barTop: fixed ? r(bar).top : innerHeight,
    h1: r(q('h1')).bottom, teaser: r(q('.teaser')).bottom, play: r(q('[data-play-section="0"]')).bottom,
    details: getComputedStyle(q('.toc-d')).display !== 'none', open: q('.toc-d').open,
    summary: q('.toc-s').textContent, sidebar: getComputedStyle(q('.toc-w')).display !== 'none',
    scroll: document.documentElement.scrollWidth,
  };
}"""


def test_phone_first_layout_and_screenshots(browser, base_url, manifest, tmp_path):
    folder = DOCS if os.environ.get("VORLESER_SCREENSHOTS") == "1" else tmp_path
    n = len(manifest["sections"])
    taken = []
    for scheme in ("light", "dark"):
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        try:
            page = ctx.new_page()
            page.goto(f"{base_url}/artikel/{SLUG}")
            page.wait_for_selector("html.js")
            sentence = manifest["sections"][0]["sentences"][1]["id"]
            page.locator(f"#{sentence}").click()  # a standing page with a current sentence and word
            page.wait_for_function("() => document.querySelector('#player audio').currentTime > 0.8")
            page.get_by_role("button", name="Pause").click()
            page.wait_for_selector(f"#{sentence}[aria-current='true']")
            for width, height in SIZES:
                page.set_viewport_size({"width": width, "height": height})
                page.evaluate("() => scrollTo(0, 0)")
                page.wait_for_function(f"() => ({GEOMETRY_JS})().settled")  # the bar has padded the page
                g = page.evaluate(GEOMETRY_JS)
                assert g["scroll"] <= width, f"horizontal scrolling at {width}px"
                if width < WIDE_PX:
                    assert g["details"] and not g["open"] and not g["sidebar"], g
                    assert g["summary"] == f"Inhalt, {n} Abschnitte"
                else:
                    assert g["sidebar"] and not g["details"], g
                if width == 360:  # the first screen: title, teaser, "Artikel abspielen", above the bar
                    assert g["h1"] < g["teaser"] < g["play"] <= g["barTop"], g
                path = folder / f"reader-{width}-{scheme}.png"
                page.screenshot(path=str(path))
                taken.append(path)
        finally:
            ctx.close()
    assert all(p.stat().st_size > 10_000 for p in taken) and len(taken) == 8


def test_narrow_tab_order_and_contents(browser, base_url, manifest):
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Zum Text springen"
        page.keyboard.press("Enter")
        stops = []
        for _ in range(4):
            page.keyboard.press("Tab")
            stops.append(page.evaluate("() => { const e = document.activeElement;"
                                       " return e.getAttribute('aria-label') || e.textContent.trim(); }"))
        heading = manifest["sections"][0]["heading"]
        assert stops[0] == f"Artikel abspielen: {heading}"
        assert stops[1].startswith("MP3 herunterladen")
        assert stops[2] == f"Inhalt, {len(manifest['sections'])} Abschnitte"
        assert stops[3] == ""  # the search field
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")  # open the contents: its links follow in the tab order
        assert page.evaluate("document.querySelector('.toc-d').open")
        _check(Axe(), page, "reader at 360 px, contents open")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == heading
        nav = page.get_by_role("navigation", name="Inhalt")
        assert nav.get_by_role("link").count() == len(manifest["sections"])
        nav.get_by_role("link", name=manifest["sections"][3]["heading"]).click()
        assert page.evaluate("location.hash") == f"#abschnitt-{manifest['sections'][3]['id']}"
    finally:
        ctx.close()


CLS_INIT_JS = """(() => { window.__cls = 0; new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: 'layout-shift', buffered: true}); })();"""
SETTLED_JS = """async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => requestIdleCallback(r, {timeout: 2000}));
  return window.__cls; }"""


@pytest.mark.parametrize(("width", "height", "rate", "stored"), [
    (1280, 900, 1, None), (360, 740, 4, None), (1280, 900, 1, {"size": "150", "theme": "dark"})])
def test_no_layout_shift_while_enhancing(browser, base_url, width, height, rate, stored):
    """The player's controls take the space the page reserved for them, and stored settings
    apply before the first paint (js/prefs.js): nothing moves (CLS <= 0.02)."""
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        if stored:
            ctx.add_init_script(f"localStorage.setItem('vorleser:settings', '{json.dumps(stored)}');")
        ctx.add_init_script(CLS_INIT_JS)
        page = ctx.new_page()
        if rate > 1:
            ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        page.wait_for_load_state("load")
        assert page.evaluate(SETTLED_JS) <= 0.02
        if stored:
            assert page.evaluate("[document.documentElement.dataset.size, document.documentElement.dataset.theme]") \
                == ["150", "dark"]
    finally:
        ctx.close()
