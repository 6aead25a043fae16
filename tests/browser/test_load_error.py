"""An MP3 that cannot be loaded is told to the user: a visible message in the
player, one polite announcement, and "Erneut versuchen", which plays it."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_axe import _check

pytestmark = pytest.mark.browser

AUDIO_JS = "document.querySelector('#player audio')"


def test_failed_section_is_shown_announced_and_retried(reader, manifest):
    page = reader
    second = manifest["sections"][1]
    failing = f"**/audio/{second['file']}"
    page.route(failing, lambda route: route.abort("connectionfailed"))
    page.locator("[data-play-section='1']").click()
    error = page.locator(".p-error")
    error.wait_for(state="visible")
    message = page.locator(".p-error-t").inner_text()
    assert message == (f"Der Abschnitt „{second['heading']}“ konnte nicht geladen werden. "
                       "Bitte prüfen Sie die Verbindung.")
    page.wait_for_function("(m) => document.querySelector('#announce').textContent === m", arg=message)
    assert page.get_by_role("group", name=message).is_visible()
    assert page.evaluate(f"{AUDIO_JS}.paused")
    assert page.locator(".p-play").inner_text() == "Abspielen"
    _check(Axe(), page, "reader with a load error")

    page.unroute(failing)
    retry = page.get_by_role("button", name="Erneut versuchen")
    retry.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"(f) => {AUDIO_JS}.getAttribute('src').endsWith('/' + f) && !{AUDIO_JS}.paused"
                           f" && {AUDIO_JS}.currentTime > 0.2", arg=second["file"])
    error.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.act") == "toggle", "focus stays in the player"
    assert page.evaluate("document.querySelector('#announce').textContent") == message, "announced once"
    assert not [e for e in page.errors if "Failed to load resource" not in e], page.errors
