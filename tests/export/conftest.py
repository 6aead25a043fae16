"""Fixtures for the export tests: one audio folder with two small built articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.export.export_support import MEDIUM, SMALL, build, medium_raw, small_raw


@pytest.fixture(scope="session")
def export_audio(tmp_path_factory) -> Path:
    """Audio folder with the articles MEDIUM and SMALL, built with eSpeak (about 2 s)."""
    out = tmp_path_factory.mktemp("export-audio")
    build(medium_raw(), MEDIUM, out)
    build(small_raw(), SMALL, out)
    return out


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
