"""Reading built articles: complete builds only, clear errors otherwise."""
from __future__ import annotations

import shutil

import pytest

from app.errors import ManifestError
from app.manifest import load, load_all
from tests.export.export_support import MEDIUM, SMALL


@pytest.fixture
def audio(export_audio, tmp_path):
    target = tmp_path / "audio"
    for slug in (MEDIUM, SMALL):
        shutil.copytree(export_audio / slug, target / slug)
    return target


def test_loads_the_manifest_and_checks_files(audio):
    article = load(audio, MEDIUM)
    assert article.slug == MEDIUM and article.title == "Ein Testartikel für die Exporte"
    assert len(article.audio_files()) == len(article.sections) + 1


def test_truncated_audio_file_is_refused(audio):
    article = load(audio, SMALL)
    path = article.path(article.sections[0]["file"])
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(ManifestError, match="manifest says"):
        load(audio, SMALL)


def test_missing_audio_file_and_broken_manifest(audio):
    article = load(audio, SMALL)
    article.path(article.full.file).unlink()
    with pytest.raises(ManifestError, match="is missing"):
        load(audio, SMALL)
    (audio / MEDIUM / "manifest.json").write_text("{kaputt", encoding="utf-8")
    with pytest.raises(ManifestError, match="cannot read"):
        load(audio, MEDIUM)


def test_list_skips_broken_and_unfinished_articles(audio, caplog):
    (audio / "unfertig").mkdir()
    (audio / "Kein_Slug").mkdir()
    (audio / SMALL / "manifest.json").write_text("[]", encoding="utf-8")
    assert [a.slug for a in load_all(audio)] == [MEDIUM]
    assert "skipping klein" in caplog.text


def test_missing_audio_folder(tmp_path):
    with pytest.raises(ManifestError, match="cannot read the audio folder"):
        load_all(tmp_path / "fehlt")
