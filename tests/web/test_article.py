import os

from app.web.library import Library

from tests.web.web_support import SLUG


def _article(folder):
    return Library(folder).get(SLUG)


def test_audio_only_for_names_in_manifest(built_dir, manifest):
    article = _article(built_dir)
    for section in manifest["sections"]:
        found = article.audio(section["file"])
        assert found.path == (built_dir / SLUG / section["file"]).resolve()
        assert found.mimetype == "audio/mpeg"
    assert article.audio(manifest["full"]["file"]).download_name == "Treffen in Wladiwostok.mp3"
    assert article.audio("captions.vtt") is None
    assert article.audio("manifest.json") is None
    assert article.audio("../" + SLUG + "/01-titel.mp3") is None


def test_download_names(built_dir):
    article = _article(built_dir)
    assert article.download("02-hintergrund-des-treffens.mp3").download_name == \
        "02 - Hintergrund des Treffens.mp3"
    assert article.download("03-gr-ere-folgen-ausblick.mp3").download_name == \
        "03 - Größere Folgen - Ausblick.mp3"


def test_text_files(built_dir):
    article = _article(built_dir)
    assert article.text_file("captions").mimetype == "text/vtt"
    assert article.text_file("chapters").path.name == "chapters.vtt"
    assert article.text_file("manifest").mimetype == "application/json"
    assert article.text_file("epub") is None


def test_size_mismatch_means_build_in_progress(own_dir):
    path = own_dir / SLUG / "02-hintergrund-des-treffens.mp3"
    with open(path, "ab") as handle:
        handle.write(b"\0")
    article = _article(own_dir)
    assert article.audio(path.name) is None
    assert article.section_files() == []


def test_missing_file_and_symlink_outside(own_dir, tmp_path):
    (own_dir / SLUG / "01-titel.mp3").unlink()
    outside = tmp_path / "outside.vtt"
    outside.write_text("WEBVTT\n", encoding="utf-8")
    (own_dir / SLUG / "captions.vtt").unlink()
    os.symlink(outside, own_dir / SLUG / "captions.vtt")
    article = _article(own_dir)
    assert article.audio("01-titel.mp3") is None
    assert article.text_file("captions") is None
    assert article.section_files() == []
