"""Shared fixtures: small articles, built audio folders (each built once per session)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from app.model import from_raw
from tests.support import small_raw
from tests.export import export_support
from tests.web.web_support import ATTR, SLUG, XSS, XSS_SLUG, make_article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session", autouse=True)
def instance_folder(tmp_path_factory):
    """Every test and every server it starts keeps its secret key, accounts and queue in a temp
    instance folder, never in the checkout (tests that need their own set VORLESER_INSTANCE)."""
    folder = tmp_path_factory.mktemp("instance")
    old = os.environ.get("VORLESER_INSTANCE")
    os.environ["VORLESER_INSTANCE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("VORLESER_INSTANCE", None)
    else:
        os.environ["VORLESER_INSTANCE"] = old


@pytest.fixture(scope="session")
def export_audio(tmp_path_factory) -> Path:
    """Audio folder with the articles MEDIUM and SMALL, built with eSpeak (about 2 s)."""
    out = tmp_path_factory.mktemp("export-audio")
    export_support.build(export_support.medium_raw(), export_support.MEDIUM, out)
    export_support.build(export_support.small_raw(), export_support.SMALL, out)
    return out


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    """Audio folder: two good articles, one broken manifest, one unfinished build."""
    audio = tmp_path_factory.mktemp("audio")
    make_article(audio, SLUG, "Treffen in Wladiwostok", "Ein kurzer Testartikel über ein Treffen.",
                 [("Hintergrund des Treffens", [["Erster Satz.", "Zweiter Satz."]]),
                  ("Größere Folgen: Ausblick", [["Dritter Satz."], ["Vierter Satz."]])])
    make_article(audio, XSS_SLUG, f"Böse {XSS} Überschrift", f"Teaser {ATTR} {XSS}",
                 [(f"Kapitel {XSS}", [[f"Satz mit {XSS} und {ATTR}."]])], seconds=1.0)
    (audio / "kaputt").mkdir()
    (audio / "kaputt" / "manifest.json").write_text("{nicht json", encoding="utf-8")
    (audio / "unfertig").mkdir()
    shutil.copy(audio / SLUG / "01-titel.mp3", audio / "unfertig" / "01-titel.mp3")
    (audio / "unfertig" / "manifest.json.tmp").write_text("{}", encoding="utf-8")
    (audio / "Bad_Slug").mkdir()
    shutil.copy(audio / SLUG / "manifest.json", audio / "Bad_Slug" / "manifest.json")
    return audio


@pytest.fixture
def manifest(built_dir) -> dict:
    return json.loads((built_dir / SLUG / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def small_article():
    return from_raw(small_raw(), "klein")


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """The bundled article built once with eSpeak: (out_dir, manifest dict, BuildResult)."""
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


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A real redis-server for the whole session (own port and folder; no persistence)."""
    from tests.redis_support import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server):
    """The session's Redis, emptied for this test."""
    redis_server.flush()
    return redis_server.url
