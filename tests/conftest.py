"""Shared fixtures: small articles and a once-per-session build of the bundled article."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.model import from_raw
from tests.support import small_raw

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture
def small_article():
    return from_raw(small_raw(), "klein")


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """The bundled article built once with eSpeak: (out_dir, manifest dict, BuildResult)."""
    import json

    from app.engines import get_engine
    from app.pipeline.build import BuildOptions, build_article
    from app.sources import load_source, suggest_slug

    out = tmp_path_factory.mktemp("bundled-audio")
    raw = load_source(None)
    article = from_raw(raw, suggest_slug(None, raw))
    result = build_article(article, get_engine("espeak"), BuildOptions(out_dir=out, quiet=True))
    manifest = json.loads((out / article.slug / "manifest.json").read_text("utf-8"))
    return out, manifest, result


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> None:
    """Debian's Chromium is required: a failure when CI=true, else a skip saying how to install it."""
    if CHROMIUM.exists():
        return
    if IN_CI:
        pytest.fail(f"{CHROMIUM} is missing; install it with `apt-get install -y chromium`.")
    pytest.skip(f"{CHROMIUM} is missing (install it with `apt-get install -y chromium`)")


@pytest.fixture(scope="session")
def chromium():
    """One Playwright and one Chromium for the whole run: Playwright's sync API allows only
    one instance at a time, so every browser test shares this one."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
