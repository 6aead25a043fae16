"""Without JavaScript the reader still plays and downloads everything."""
from __future__ import annotations

import pytest

from tests.browser.browser_support import SLUG

pytestmark = pytest.mark.browser


def test_native_audio_and_downloads_without_javascript(browser, base_url, manifest):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/artikel/{SLUG}")
        n = len(manifest["sections"])
        audios = page.locator("audio.native")
        assert audios.count() == n
        for i in range(n):
            audio = audios.nth(i)
            assert audio.is_visible()
            assert audio.get_attribute("controls") is not None
            assert audio.get_attribute("src").endswith("/" + manifest["sections"][i]["file"])
        links = page.locator("a.dl")
        assert links.count() == n
        assert links.first.is_visible()
        assert "MP3 herunterladen" in links.first.inner_text()
        footer = page.locator("footer.downloads")
        assert footer.get_by_role("link", name="Ganzer Artikel").count() + \
            footer.locator(f"a[href$='{manifest['full']['file']}']").count() >= 1
        assert footer.locator("a[href$='abschnitte.zip']").is_visible()
        assert footer.locator("a[href$='captions.vtt']").is_visible()
        # Nothing that needs JavaScript is offered.
        assert not page.locator("#player").is_visible()
        assert not page.get_by_role("button", name="Abschnitt abspielen").first.is_visible()
        assert not page.locator(".search").is_visible()
    finally:
        ctx.close()
