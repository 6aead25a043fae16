"""Fixtures for the web tests.

``built_dir`` is a session-wide audio folder with a normal article, an article
full of HTML/JS injection attempts, a broken manifest, an unfinished build and
a folder whose name is not a valid slug.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import create_app
from tests.web.web_support import ATTR, SLUG, XSS, XSS_SLUG, make_article


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
def app(built_dir):
    return create_app({"TESTING": True, "AUDIO_DIR": built_dir})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def own_dir(tmp_path, built_dir) -> Path:
    """A private copy of ``built_dir`` that a test may change."""
    target = tmp_path / "audio"
    shutil.copytree(built_dir, target)
    return target


@pytest.fixture
def own_client(own_dir):
    """A client on ``own_dir``; change the folder first, then request."""
    return create_app({"TESTING": True, "AUDIO_DIR": own_dir}).test_client()
