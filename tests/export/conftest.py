"""Fixtures for the export tests (the built articles are ``export_audio`` in tests/conftest.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.export.export_support import MEDIUM


@pytest.fixture(scope="session")
def medium_manifest(export_audio) -> dict:
    return json.loads((export_audio / MEDIUM / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def medium_epub(export_audio, tmp_path_factory) -> Path:
    from app.export.epub import export_epub

    return export_epub(export_audio, MEDIUM, tmp_path_factory.mktemp("epub") / "medium.epub")


@pytest.fixture(scope="session")
def medium_epub_words(export_audio, tmp_path_factory) -> Path:
    from app.export.epub import export_epub

    return export_epub(export_audio, MEDIUM, tmp_path_factory.mktemp("epub") / "medium-words.epub",
                       word_level=True)
