"""Sentence and word highlighting follow the audio: while playing, after
seeks, after section changes (by the user and at the end of a file)."""
from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.browser_support import SAMPLE_JS, SLUG, STATE_JS, locate, shown, wanted
from tests.browser.conftest import open_reader

pytestmark = pytest.mark.browser

FRAME_SLACK_MS = 80  # while playing, the highlight may be one frame behind
AHEAD_SLACK_MS = 30  # ... or up to half a frame ahead (js/sync.js marks the middle of the frame)


@pytest.fixture(params=["espeak-build", "aligned-recording"])
def served(request, context):
    """The reader page and manifest of the bundled article: built with eSpeak, or a narration
    of it timed by `vorleser align` (a recording's own pauses and times)."""
    if request.param == "espeak-build":
        return request.getfixturevalue("reader"), request.getfixturevalue("manifest")
    url = request.getfixturevalue("aligned_base_url")
    with urllib.request.urlopen(f"{url}/artikel/{SLUG}/manifest.json") as res:
        manifest = json.load(res)
    assert manifest["engine"]["name"] == "recording"
    return open_reader(context, url), manifest


def test_highlight_matches_manifest_at_sampled_moments(served):
    page, manifest = served
    samples = []

    def check(strict: bool) -> None:
        st = page.evaluate(SAMPLE_JS)
        ok = shown(st) == wanted(manifest, st["src"], st["t"])
        if not ok and not strict:
            ok = shown(st) in (wanted(manifest, st["src"], st["t"] - FRAME_SLACK_MS),
                               wanted(manifest, st["src"], st["t"] + AHEAD_SLACK_MS))
        assert st["wordInSentence"], st
        assert st["wordEls"] == 0, "sentence text must stay one text node (screen readers)"
        assert ok, f"at {st['src']} {st['t']:.0f} ms shown {shown(st)}, " \
                   f"manifest says {wanted(manifest, st['src'], st['t'])}"
        samples.append(st)

    def advanced(media_ms: float) -> None:
        """Wait until the audio plays past media_ms of its file (instead of a fixed sleep)."""
        page.wait_for_function("(t) => { const a = document.querySelector('#player audio');"
                               " return !a.paused && a.currentTime * 1000 > t; }", arg=media_ms, timeout=10000)

    page.click("[data-play-section='0']")
    page.wait_for_function("() => document.querySelector('#player audio').currentTime > 0.3")
    t0 = page.evaluate(STATE_JS)["t"]
    advanced(t0 + 200)
    assert page.evaluate(STATE_JS)["t"] > t0 + 200, "currentTime does not advance"
    for _ in range(4):
        check(strict=False)
        advanced(samples[-1]["t"] + 230)

    # Seeks with the slider: the highlight moves at once, then follows the audio.
    for frac in (0.08, 0.33, 0.51, 0.77, 0.94):
        target_ms = int(manifest["duration_ms"] * frac / 1000) * 1000
        section, local = locate(manifest, target_ms)
        if section["duration_ms"] - local < 2500:  # leave room to play on in the same file
            target_ms -= 3000
            section, local = locate(manifest, target_ms)
        now = page.evaluate(
            "(v) => { const r = document.querySelector('.p-seek'); r.value = v;"
            " r.dispatchEvent(new Event('change')); return (" + STATE_JS + ")(); }",
            target_ms // 1000)
        assert shown(now) == wanted(manifest, section["file"], local), \
            f"highlight not moved at once after seeking to {target_ms} ms"
        page.wait_for_function(
            "([f, t]) => { const a = document.querySelector('#player audio');"
            " return a.getAttribute('src').endsWith('/' + f) && !a.paused && a.currentTime * 1000 > t + 150; }",
            arg=[section["file"], local], timeout=10000)
        check(strict=False)
        page.click(".p-play")  # pause: exact check at a standing position
        page.wait_for_function("() => document.querySelector('#player audio').paused")
        check(strict=True)
        page.click(".p-play")
        advanced(samples[-1]["t"] + 200)
        check(strict=False)

    # Section changes by the user.
    for _ in range(2):
        before = page.evaluate(STATE_JS)["src"]
        page.click("[data-act='prevSection']")
        page.wait_for_function(
            "(s) => { const a = document.querySelector('#player audio');"
            " return a.getAttribute('src') !== s && !a.paused && a.currentTime > 0.2; }", arg=before)
        check(strict=False)

    # The end of a section file flows on into the next one.
    third = manifest["sections"][2]
    page.evaluate(
        "(v) => { const r = document.querySelector('.p-seek'); r.value = v;"
        " r.dispatchEvent(new Event('change')); }",
        (third["offset_ms"] + third["duration_ms"] - 1500) // 1000)
    fourth = manifest["sections"][3]["file"]
    page.wait_for_function(
        "(f) => { const a = document.querySelector('#player audio');"
        " return a.getAttribute('src').endsWith('/' + f) && !a.paused && a.currentTime > 0.2; }",
        arg=fourth, timeout=10000)
    check(strict=False)
    advanced(samples[-1]["t"] + 300)
    check(strict=False)

    assert len(samples) >= 20
    # the five seeks, the section changes and the flow into the next file land in different sentences
    # (on the five-section aligned article two of them may share one)
    assert len({s["sentences"][0] for s in samples}) >= 6, "samples should span many sentences"
    assert not page.errors, page.errors
