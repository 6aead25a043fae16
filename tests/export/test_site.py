"""`vorleser export site`: a complete static copy whose links all resolve locally."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest

from app.cli import main
from app.errors import InputError, OutputError
from app.export.site import MARKER, export_site
from tests.export.export_support import MEDIUM, SMALL

BASE = "http://127.0.0.1:8080/vorleser/"
URL_ATTR = re.compile(r'\s(?:href|src|data-(?:manifest|words|src|sw|offline-page|library))="([^"]*)"')


@pytest.fixture(scope="module")
def site(export_audio, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site") / "seite"
    export_site(target, export_audio, base_url=BASE)
    return target


def _pages(site: Path) -> list[Path]:
    return [site / "index.html", site / "offline.html", *(site / "artikel").glob("*/index.html"),
            *(site / "artikel").glob("*/einbetten.html")]


def test_layout(site, export_audio):
    for slug in (MEDIUM, SMALL):
        folder = site / "artikel" / slug
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["epub"] == f"{slug}.epub"
        for entry in [*manifest["sections"], manifest["full"]]:
            assert (folder / entry["file"]).read_bytes() == (export_audio / slug / entry["file"]).read_bytes()
        for name in ("index.html", "captions.vtt", "chapters.vtt", "chapters.json", "abschnitte.zip", f"{slug}.epub"):
            assert (folder / name).is_file(), name
    assert (site / "static" / "js" / "main.js").is_file() and (site / "static" / "css" / "vorleser.css").is_file()
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file() and (site / MARKER).is_file()


def test_offline_embed_and_timing_files(site, export_audio):
    assert (site / "sw.js").read_bytes() == (Path(__file__).resolve().parents[2] / "app/static/js/sw.js").read_bytes()
    assert "Keine Verbindung" in (site / "offline.html").read_text(encoding="utf-8")
    for slug in (MEDIUM, SMALL):
        folder = site / "artikel" / slug
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for section in manifest["sections"]:
            timing = json.loads((folder / "zeiten" / f"{section['file'][:-4]}.json").read_text(encoding="utf-8"))
            assert timing["section"] == section["id"] and len(timing["sentences"]) == len(section["sentences"])
        embed = (folder / "einbetten.html").read_text(encoding="utf-8")
        assert 'href="index.html"' in embed and f'data-src="{manifest["sections"][0]["file"]}"' in embed
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert 'data-sw="../../sw.js"' in page and 'data-offline-page="../../offline.html"' in page
        assert "application/json+oembed" not in page  # oEmbed needs `vorleser serve`


def test_every_link_is_relative_and_resolves(site):
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        for url in URL_ATTR.findall(html):
            if url.startswith(("#", "data:")):
                continue
            assert not url.startswith(("/", "http:", "https:")), f"{page}: {url}"
            target = (page.parent / unquote(url.split("#")[0])).resolve()
            assert target.is_file() and site.resolve() in target.parents, f"{page}: {url} -> {target}"


def test_library_lists_both_articles(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="artikel/{MEDIUM}/index.html"' in html and f'href="artikel/{SMALL}/index.html"' in html
    assert "Ein Testartikel für die Exporte" in html


def test_reader_page_keeps_sentences_and_names_downloads(site, medium_manifest):
    html = (site / "artikel" / MEDIUM / "index.html").read_text(encoding="utf-8")
    for sentence in medium_manifest["sections"][1]["sentences"]:
        assert f'id="{sentence["id"]}"' in html
    assert 'data-manifest="manifest.json"' in html
    assert f'href="{MEDIUM}.epub" download="Ein Testartikel für die Exporte.epub"' in html
    assert 'href="01-ein-testartikel-fuer-die-exporte.mp3" download="01 - Ein Testartikel für die Exporte.mp3"' in html


def test_zip_holds_the_sections_under_german_names(site, medium_manifest):
    with zipfile.ZipFile(site / "artikel" / MEDIUM / "abschnitte.zip") as z:
        assert z.namelist()[1] == "02 - Erster Abschnitt.mp3"
        assert len(z.namelist()) == len(medium_manifest["sections"])


def test_feed_and_chapters_point_into_the_site(site):
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == 2
    for entry in parsed.entries:
        path = entry.enclosures[0].href.removeprefix(BASE)
        assert (site / path).is_file()
        assert (site / entry.podcast_chapters["url"].removeprefix(BASE)).is_file()
    chapters = json.loads((site / "artikel" / MEDIUM / "chapters.json").read_text(encoding="utf-8"))
    assert chapters["chapters"][1]["url"] == f"{BASE}artikel/{MEDIUM}/#abschnitt-erster-abschnitt"


def test_export_replaces_an_earlier_export_but_not_foreign_folders(export_audio, tmp_path):
    target = tmp_path / "seite"
    export_site(target, export_audio)
    (target / "alt.txt").write_text("von früher", encoding="utf-8")
    result = export_site(target, export_audio)
    assert not (target / "alt.txt").exists() and not (target / "feed.xml").exists()
    assert "feed.xml" not in (target / "index.html").read_text(encoding="utf-8")
    assert result.articles == 2 and "--base-url" in result.summary()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seite"]  # no staging folders left
    foreign = tmp_path / "fremd"
    foreign.mkdir()
    (foreign / "wichtig.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="not empty"):
        export_site(foreign, export_audio)
    assert (foreign / "wichtig.txt").exists()


def test_empty_audio_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no built articles"):
        export_site(tmp_path / "seite", tmp_path)


def test_cli_exports_site_and_epub(export_audio, tmp_path, capsys):
    assert main(["export", "site", str(tmp_path / "s"), "--audio-dir", str(export_audio)]) == 0
    assert "site: 2 article(s)" in capsys.readouterr().out
    assert main(["export", "epub", SMALL, "--audio-dir", str(export_audio), "-o", str(tmp_path / "k.epub")]) == 0
    assert zipfile.ZipFile(tmp_path / "k.epub").read("mimetype") == b"application/epub+zip"
    assert main(["export", "epub", "gibtsnicht", "--audio-dir", str(export_audio)]) == 2
    assert "no built article 'gibtsnicht'" in capsys.readouterr().err
