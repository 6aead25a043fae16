"""Speed, settings and the position per article survive a reload."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _mmss(ms: float) -> str:
    s = int(ms // 1000)
    return f"{s // 60}:{s % 60:02d}"


def test_speed_and_position_survive_reload(reader, manifest):
    page = reader
    page.locator(".p-rate").select_option("1.5")
    page.locator("#player summary").click()
    page.locator(".set-theme").select_option("dark")
    page.keyboard.press("Escape")
    assert not page.locator(".set-theme").is_visible()
    target = manifest["sections"][4]
    page.locator(f"#{target['sentences'][2]['id']}").click()
    page.wait_for_function("() => document.querySelector('#player audio').currentTime > 0.5 + "
                           f"{target['sentences'][2]['begin_ms']} / 1000")
    page.locator(".p-play").click()
    page.wait_for_function("() => document.querySelector('#player audio').paused")
    # what the page stored when it paused, not the slider's value a frame earlier or later
    key = f"vorleser:pos:{manifest['article']['slug']}"
    saved = page.evaluate("(k) => JSON.parse(localStorage.getItem(k)).ms", key) / 1000
    assert saved * 1000 >= target["offset_ms"]

    page.reload()
    page.wait_for_selector("html.js")
    assert page.locator(".p-rate").input_value() == "1.5"
    assert page.evaluate("document.querySelector('#player audio').playbackRate") == 1.5
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    prompt = page.locator(".p-resume")
    assert prompt.is_visible()
    assert prompt.inner_text().startswith(f"Fortsetzen bei {_mmss(saved * 1000)}")
    assert page.get_by_role("group", name=f"Fortsetzen bei {_mmss(saved * 1000)}?").is_visible()
    page.wait_for_function(f"() => Math.abs(Number(document.querySelector('.p-seek').value) - {saved}) <= 1")
    page.get_by_role("button", name="Fortsetzen").click()
    page.wait_for_function("() => !document.querySelector('#player audio').paused")
    src = page.evaluate("document.querySelector('#player audio').getAttribute('src')")
    assert src.endswith("/" + target["file"])
    assert not prompt.is_visible()
    assert page.evaluate("document.querySelector('#player audio').playbackRate") == 1.5
