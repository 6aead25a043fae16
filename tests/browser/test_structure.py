"""What a screen reader meets: headings, landmarks, skip link (the README's
screenshots come from test_layout.py)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_headings_follow_the_article(reader, manifest):
    snap = reader.locator("body").aria_snapshot()
    headings = re.findall(r"""- '?heading "(.+?)" \[level=(\d)\]""", snap)
    sections = manifest["sections"]
    assert headings[0] == (sections[0]["heading"], "1"), headings[:3]
    got = [h for h, _ in headings[1:len(sections)]]
    assert got == [s["heading"] for s in sections[1:]]
    for (text, level), section in zip(headings[1:], sections[1:]):
        assert int(level) == max(2, min(6, section["level"])), text
    assert headings[len(sections):] == [("Herunterladen", "2")]


def test_landmarks_and_names(reader, manifest):
    page = reader
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("navigation", name="Inhalt").count() == 1
    assert page.get_by_role("region", name="Wiedergabe").is_visible()
    toc = page.get_by_role("navigation", name="Inhalt").get_by_role("link")
    assert toc.count() == len(manifest["sections"])
    assert page.locator(".s[aria-current='true']").count() == 1
    plays = page.get_by_role("button", name=re.compile("^Abschnitt abspielen"))
    assert plays.count() == len(manifest["sections"]) - 1
    html = page.request.get(page.url).text()
    assert not re.search(r"\sstyle=|<style|<script(?![^>]*\ssrc=)", html), "inline style/script break the CSP"
    assert not page.errors, page.errors
