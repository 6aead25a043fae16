"""axe-core finds no WCAG 2.2 AA or best-practice violations on the library
and reader pages: light, dark, 320 px wide, settings and dialog open."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.browser_support import SLUG

pytestmark = pytest.mark.browser

OPTIONS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _check(axe, page, what: str) -> None:
    result = axe.run(page, options=OPTIONS)
    violations = result.response["violations"]
    detail = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
        for v in violations)
    assert not violations, f"axe on {what}:\n{detail}"


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 320)])
def test_library_and_reader(browser, base_url, axe, scheme, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(base_url + "/")
        page.wait_for_selector("html.js")
        _check(axe, page, f"library {scheme} {width}px")
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        page.locator("#einleitung-1").click()  # a current sentence and word exist
        page.wait_for_function("() => !document.querySelector('#player audio').paused"
                               " && document.querySelector('#einleitung-1[aria-current=\"true\"]') !== null"
                               " && CSS.highlights.get('w').size === 1", timeout=10000)
        page.locator(".p-play").click()  # pause: a standing page for axe
        page.wait_for_function("() => document.querySelector('#player audio').paused")
        _check(axe, page, f"reader {scheme} {width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "horizontal scrolling"
    finally:
        ctx.close()


def test_reader_states(reader, axe):
    page = reader
    page.locator("#player summary").click()
    page.locator(".set-theme").select_option("contrast")
    page.locator(".set-focus").check()
    _check(axe, page, "reader, settings open, high contrast, focusable sentences")
    page.locator("#player summary").click()
    page.locator("#q").fill("Russland")
    page.locator("#q").press("Enter")
    page.get_by_role("button", name="Tastenkürzel").click()
    _check(axe, page, "reader, search hits and shortcut dialog")
