"""Keyboard only: tab order, every shortcut of js/shortcuts.js, the dialog."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

START = "hintergrund-des-treffens-3"

KEY_STATE_JS = """() => {
  const a = document.querySelector('#player audio');
  const cur = document.querySelector('.s[aria-current="true"]');
  const act = document.activeElement;
  return {
    sentence: cur && cur.id, src: a.getAttribute('src'), paused: a.paused,
    seek: Number(document.querySelector('.p-seek').value),
    rate: Number(document.querySelector('.p-rate').value),
    active: act && (act.id || act.dataset.act || act.className || act.tagName),
    dialog: document.querySelector('#keys').open,
  };
}"""


def _order(manifest):
    ids, files = [], {}
    for i, section in enumerate(manifest["sections"]):
        files[section["file"]] = i
        ids += [s["id"] for s in section["sentences"]]
    return ids, files


def _reset(page):
    """Play from START, then pause there; focus returns to the text."""
    if page.evaluate("document.querySelector('#keys').open"):
        page.keyboard.press("Escape")
    page.locator(f"#{START}").click()
    page.wait_for_function("() => !document.querySelector('#player audio').paused")
    page.locator(".p-play").click()
    page.wait_for_function("() => document.querySelector('#player audio').paused")
    page.locator("#text").focus()


def test_tab_order_starts_with_skip_link(reader):
    page = reader
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Text springen"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zur Wiedergabe springen"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "text"
    page.keyboard.press("Tab")  # next stop after the skip target is inside the text
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_shortcut_does_its_thing(reader, manifest):
    page = reader
    shortcuts = page.evaluate("async () => (await import('/static/js/shortcuts.js')).SHORTCUTS")
    assert len(shortcuts) >= 20
    order, files = _order(manifest)
    done = set()
    for sc in shortcuts:
        _reset(page)
        if sc["scope"] == "player":
            page.locator("#player").focus()
            key = "Space" if sc["key"] == " " else sc["key"]
        else:
            key = "+".join(sc["mods"] + [sc["code"].removeprefix("Key")])
        before = page.evaluate(KEY_STATE_JS)
        page.keyboard.press(key)
        # Every shortcut changes what KEY_STATE_JS shows, synchronously in its key handler.
        page.wait_for_function(f"(b) => JSON.stringify(({KEY_STATE_JS})()) !== JSON.stringify(b)", arg=before,
                               timeout=5000)
        after = page.evaluate(KEY_STATE_JS)
        name, what = sc["action"], f"{key} ({sc['scope']}) -> {sc['action']}: {before} -> {after}"
        sec = lambda st: files[st["src"].rsplit("/", 1)[-1]]  # noqa: E731
        if name == "toggle":
            assert not after["paused"], what
        elif name == "nextSentence":
            assert after["sentence"] == order[order.index(before["sentence"]) + 1], what
        elif name == "prevSentence":
            assert after["sentence"] == order[order.index(before["sentence"]) - 1], what
        elif name == "nextSection":
            assert sec(after) == sec(before) + 1, what
        elif name == "prevSection":
            assert sec(after) == sec(before) - 1, what
        elif name == "back":
            assert 8 <= before["seek"] - after["seek"] <= 12, what
        elif name == "forward":
            assert 8 <= after["seek"] - before["seek"] <= 12, what
        elif name == "faster":
            assert after["rate"] == before["rate"] + 0.25, what
        elif name == "slower":
            assert after["rate"] == before["rate"] - 0.25, what
        elif name == "current":
            assert after["active"] == after["sentence"], what
        elif name == "focusPlayer":
            assert after["active"].startswith("toggle") or after["active"] == "toggle", what
        elif name == "keys":
            assert after["dialog"], what
        else:
            pytest.fail(f"no check for shortcut action {name}")
        done.add(name)
    assert len(done) == 12
    assert not page.errors, page.errors


def test_plain_keys_only_inside_player(reader):
    page = reader
    _reset(page)
    before = page.evaluate(KEY_STATE_JS)
    page.keyboard.press("k")  # focus in the text: browse-mode letters stay free
    page.keyboard.press("ArrowRight")
    assert page.evaluate(KEY_STATE_JS)["sentence"] == before["sentence"]
    assert page.evaluate(KEY_STATE_JS)["paused"]


def test_dialog_focus_moves_in_and_back(reader):
    page = reader
    opener = page.get_by_role("button", name="Tastenkürzel")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Tastenkürzel")
    assert dialog.is_visible()
    assert page.evaluate("document.querySelector('#keys').contains(document.activeElement)")
    rows = page.locator("#keys tbody tr").count()
    n = page.evaluate("async () => (await import('/static/js/shortcuts.js')).SHORTCUTS.length")
    assert rows == n
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.act") == "keys"
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    page.keyboard.press("Enter")  # the focused "Schließen" button
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.act") == "keys"
