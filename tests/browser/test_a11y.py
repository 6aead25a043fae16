"""Accessibility checks axe cannot make: unique names, focus not hidden by the
player bar, target sizes, forced colours, theme contrast of the marks, a
quiet slider and a quiet live region while the audio runs on its own."""
from __future__ import annotations

import re

import pytest

from tests.browser.browser_support import SLUG

pytestmark = pytest.mark.browser

# Every focusable thing of the page except the sentence text itself.
INTERACTIVE = "a[href], button, input, select, summary, audio[controls]"

FOCUS_JS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  const bar = document.getElementById('player');
  const fixed = getComputedStyle(bar).position === 'fixed';
  return {what: e.outerHTML.slice(0, 80), inBar: bar.contains(e), top: r.top, bottom: r.bottom,
          barTop: fixed ? bar.getBoundingClientRect().top : innerHeight, end: e === document.body};
}"""

COUNT_MUTATIONS_JS = """(sel) => {
  window.__muts = [];
  new MutationObserver((ms) => ms.forEach((m) => window.__muts.push(
    m.type === 'attributes' ? m.target.getAttribute(m.attributeName) : m.target.textContent)))
    .observe(document.querySelector(sel), {attributes: true, childList: true, characterData: true, subtree: true});
}"""


def _mmss(ms: float) -> str:
    s = int(ms // 1000)
    return f"{s // 60}:{s % 60:02d}"


def _ax_name(page, selector: str) -> str:
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    return tree["nodes"][0].get("name", {}).get("value", "")


def test_section_buttons_and_downloads_have_unique_names(reader, manifest):
    page = reader
    sections = manifest["sections"]
    snap = page.get_by_role("main").aria_snapshot()
    buttons = re.findall(r"""- '?button "((?:Abschnitt|Artikel) abspielen.*?)"'?(?::.*)?$""", snap, re.M)
    assert buttons == [f"Artikel abspielen: {sections[0]['heading']}"] + \
        [f"Abschnitt abspielen: {s['heading']}" for s in sections[1:]]
    links = re.findall(r"""- '?link "(MP3 herunterladen.*?)"'?:?$""", snap, re.M)
    assert len(links) == len(sections) == len(set(links))
    for name, section in zip(links, sections):
        assert re.fullmatch(rf"MP3 herunterladen, [\d,]+ [kM]B, \d+:\d\d Min\. \({re.escape(section['heading'])}\)",
                            name), name
    assert _ax_name(page, "#player summary") == "Einstellungen"  # no "▴" in the name
    assert not page.errors, page.errors


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 720)])
def test_focus_is_never_hidden_by_the_player_bar(browser, base_url, width, height):
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        seen = 0
        for _ in range(120):
            page.keyboard.press("Tab")
            st = page.evaluate(FOCUS_JS)
            if st["inBar"] or st["end"]:
                break
            seen += 1
            assert st["bottom"] <= st["barTop"] + 0.5 and st["top"] >= -0.5, st
        assert seen >= 30 and st["inBar"], f"Tab walk ended early after {seen} stops: {st}"
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_targets_are_at_least_24_px(browser, base_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        page.locator("#player summary").click()
        page.locator("#q").fill("Russland")
        page.locator("#q").press("Enter")
        small = page.evaluate("""(sel) => [...document.querySelectorAll(sel)]
            .filter((e) => e.getClientRects().length && !e.closest('[hidden], main .s'))
            .map((e) => [e.outerHTML.slice(0, 70), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([h, r]) => `${h} ${r.width.toFixed(0)}x${r.height.toFixed(0)}`)""", INTERACTIVE)
        count = page.evaluate("(sel) => document.querySelectorAll(sel).length", INTERACTIVE)
        assert count > 60
        assert not small, small
    finally:
        ctx.close()


def test_forced_colors_keep_marks_and_focus_visible(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    try:
        page = ctx.new_page()
        page.goto(f"{base_url}/artikel/{SLUG}")
        page.wait_for_selector("html.js")
        page.locator("#einleitung-2").click()
        page.wait_for_function("() => CSS.highlights.get('w').size === 1")
        page.locator(".p-play").click()
        cur = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.s[aria-current]'));
            return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
        assert cur[0] == "solid" and cur[1] >= 2, cur
        page.locator(".p-play").focus()
        page.keyboard.press("Tab")
        ring = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.dataset.act, s.outlineStyle, parseFloat(s.outlineWidth), s.borderTopStyle]; }""")
        assert ring[1] == "solid" and ring[2] >= 2 and ring[3] == "solid", ring
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    finally:
        ctx.close()


def _lum(rgb: tuple[int, int, int]) -> float:
    def f(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (f(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ratio(a: str, b: str) -> float:
    hexes = [tuple(int(x[i:i + 2], 16) for i in (1, 3, 5)) for x in (a, b)]
    hi, lo = sorted((_lum(h) for h in hexes), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_mark_and_focus_colours_meet_contrast(reader):
    page = reader
    for theme in ("light", "dark", "contrast"):
        page.evaluate("(t) => { document.documentElement.dataset.theme = t; }", theme)
        v = page.evaluate("""() => { const s = getComputedStyle(document.documentElement); const o = {};
            for (const n of ['bg', 'fg', 'muted', 'link', 'surface', 'focus', 'cur-bg', 'cur-fg', 'cur-line',
                             'word-bg', 'word-fg', 'btn-bg', 'btn-fg']) o[n] = s.getPropertyValue('--' + n).trim();
            return o; }""")
        text = [("fg", "bg"), ("muted", "bg"), ("muted", "surface"), ("link", "bg"), ("fg", "surface"),
                ("btn-fg", "btn-bg"), ("cur-fg", "cur-bg"), ("word-fg", "word-bg")]
        for a, b in text:
            assert _ratio(v[a], v[b]) >= 4.5, (theme, a, b, v[a], v[b])
        # Non-text (1.4.11): the sentence underline, the word mark inside the sentence, the focus ring.
        shapes = [("cur-line", "cur-bg"), ("word-bg", "cur-bg"), ("focus", "bg"), ("focus", "surface"),
                  ("focus", "cur-bg")]
        for a, b in shapes:
            assert _ratio(v[a], v[b]) >= 3, (theme, a, b, v[a], v[b])


def test_slider_speaks_time_and_stays_quiet_while_focused(reader, manifest):
    page = reader
    seek = page.locator(".p-seek")
    total = _mmss(manifest["duration_ms"])
    assert seek.get_attribute("aria-valuetext") == f"0:00 von {total}"
    page.locator("#einleitung-1").click()
    page.wait_for_function("() => document.querySelector('#player audio').currentTime > 2.2")
    text, value = page.evaluate("() => { const r = document.querySelector('.p-seek');"
                                " return [r.getAttribute('aria-valuetext'), Number(r.value)]; }")
    assert re.fullmatch(rf"\d+:\d\d von {total}", text), text
    assert text == f"{_mmss(value * 1000)} von {total}"
    assert text != f"0:00 von {total}", "not updated while playing"

    seek.focus()
    page.evaluate(COUNT_MUTATIONS_JS, ".p-seek")
    t0 = page.evaluate("document.querySelector('#player audio').currentTime")
    page.wait_for_function("(t) => document.querySelector('#player audio').currentTime > t + 3", arg=t0,
                           timeout=15000)  # three seconds of playback
    assert not page.evaluate("document.querySelector('#player audio').paused")
    assert page.evaluate("window.__muts") == [], "aria-valuetext changed while the slider had focus"
    page.keyboard.press("ArrowRight")  # the user's own step is spoken at once
    page.wait_for_function("() => window.__muts.length >= 1", timeout=2000)
    assert len(page.evaluate("window.__muts")) >= 1
    assert re.fullmatch(rf"\d+:\d\d von {total}", seek.get_attribute("aria-valuetext"))


def test_live_region_only_speaks_for_the_user(reader, manifest):
    page = reader
    region = page.locator("#announce")
    page.locator(".p-play").click()
    page.wait_for_function("() => document.querySelector('#announce').textContent === 'Wiedergabe läuft'")
    # Jump close to the end of section 3 so that the file ends and section 4 starts on its own.
    third = manifest["sections"][2]
    target_s = (third["offset_ms"] + third["duration_ms"] - 2500) // 1000
    page.evaluate("(v) => { const r = document.querySelector('.p-seek'); r.value = v;"
                  " r.dispatchEvent(new Event('change')); }", target_s)
    page.wait_for_function("([f, t]) => { const a = document.querySelector('#player audio');"  # the seek took effect
                           " return a.getAttribute('src').endsWith('/' + f) && !a.paused && a.currentTime * 1000 >= t; }",
                           arg=[third["file"], target_s * 1000 - third["offset_ms"]], timeout=10000)
    page.evaluate(COUNT_MUTATIONS_JS, "#announce")
    page.evaluate("""() => { window.__cur = 0; new MutationObserver((ms) => { window.__cur += ms.length; })
        .observe(document.querySelector('article'), {attributes: true, subtree: true, attributeFilter: ['aria-current']}); }""")
    page.wait_for_function("(f) => document.querySelector('#player audio').getAttribute('src').endsWith('/' + f)"
                           " && document.querySelector('#player audio').currentTime > 1.5",
                           arg=manifest["sections"][3]["file"], timeout=10000)
    assert page.evaluate("window.__cur") >= 2, "sentences should have advanced"
    assert page.locator(".p-sec").inner_text().startswith("4 von ")
    assert page.evaluate("window.__muts") == [], "the live region spoke during automatic playback"

    page.locator("[data-act='nextSection']").click()
    page.wait_for_function("() => document.querySelector('#announce').textContent.startsWith('Abschnitt: ')")
    assert region.inner_text() == f"Abschnitt: {manifest['sections'][4]['heading']}"
    page.locator(".p-rate").select_option("1.25")
    page.wait_for_function("() => document.querySelector('#announce').textContent === 'Tempo 1,25-fach'")
    assert page.locator("[role=status], [aria-live]").count() == 1
    assert not page.errors, page.errors


def test_global_shortcuts_leave_typing_fields_alone(reader):
    page = reader
    page.locator("#q").fill("Russland")
    before = page.evaluate("document.querySelector('#player audio').getAttribute('src')")
    page.locator("#q").press("Alt+Shift+ArrowRight")  # macOS: select the next word
    page.locator("#q").press("Alt+Shift+P")
    # Keys are handled in order: once a later shortcut outside the field has acted, the two above were seen.
    page.locator("#text").focus()
    page.keyboard.press("Alt+Shift+H")
    page.wait_for_function("() => document.querySelector('#keys').open", timeout=2000)
    page.keyboard.press("Escape")
    assert page.evaluate("document.querySelector('#player audio').getAttribute('src')") == before
    assert page.evaluate("document.querySelector('#player audio').paused")


def test_large_text_lets_the_bar_join_the_page_flow(reader):
    page = reader
    bar = "getComputedStyle(document.getElementById('player')).position"
    assert page.evaluate(bar) == "fixed"
    page.locator("#player summary").click()
    page.locator(".set-size").select_option("200")  # the bar would cover ~half of the window
    page.wait_for_function(f"() => {bar} === 'static'")
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--player-h')") == "0px"
    page.locator(".set-size").select_option("100")
    page.locator("#player summary").click()  # the open panel counts while the bar is in the flow
    page.wait_for_function(f"() => {bar} === 'fixed'", timeout=5000)
