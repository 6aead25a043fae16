"""Absolute reader URLs become relative paths inside the static export."""
from __future__ import annotations

import pytest

from app.errors import OutputError
from app.export.site_links import SiteLinks

MANIFEST = {
    "article": {"title": "Treffen: Folgen", "slug": "treffen"},
    "full": {"file": "treffen.mp3"},
    "captions": "captions.vtt", "chapters": "chapters.vtt", "epub": "treffen.epub",
    "sections": [{"index": 1, "heading": "Treffen: Folgen", "file": "01-treffen.mp3"},
                 {"index": 2, "heading": "Hintergrund", "file": "02-hintergrund.mp3"}],
}
PAGE = "artikel/treffen/index.html"


@pytest.fixture
def links() -> SiteLinks:
    return SiteLinks({"treffen": MANIFEST})


@pytest.mark.parametrize("url, page, expected", [
    ("/", PAGE, "../../index.html"),
    ("/", "index.html", "index.html"),
    ("/static/css/vorleser.css", PAGE, "../../static/css/vorleser.css"),
    ("/static/js/main.js", "index.html", "static/js/main.js"),
    ("/artikel/treffen", "index.html", "artikel/treffen/index.html"),
    ("/artikel/treffen#abschnitt-x", "index.html", "artikel/treffen/index.html#abschnitt-x"),
    ("/artikel/treffen/audio/02-hintergrund.mp3", PAGE, "02-hintergrund.mp3"),
    ("/artikel/treffen/manifest.json", PAGE, "manifest.json"),
    ("/artikel/treffen/captions.vtt", PAGE, "captions.vtt"),
    ("/artikel/treffen/chapters.json", PAGE, "chapters.json"),
    ("/feed.xml", PAGE, "../../feed.xml"),
])
def test_urls_map_to_relative_paths(links, url, page, expected):
    html = f'<a href="{url}">x</a>'
    assert links.rewrite(html, page) == f'<a href="{expected}">x</a>'


def test_download_links_get_german_file_names(links):
    html = ('<a class="dl" href="/artikel/treffen/download/02-hintergrund.mp3" download="02 - Hintergrund.mp3">a</a>'
            '<a href="/artikel/treffen/download/treffen.mp3" download>b</a>'
            '<a href="/artikel/treffen/download/treffen.epub">c</a>'
            '<a href="/artikel/treffen/abschnitte.zip" download>d</a>')
    out = links.rewrite(html, PAGE)
    assert '<a class="dl" href="02-hintergrund.mp3" download="02 - Hintergrund.mp3">' in out
    assert '<a href="treffen.mp3" download="Treffen - Folgen.mp3">' in out
    assert '<a href="treffen.epub" download="Treffen - Folgen.epub">' in out
    assert '<a href="abschnitte.zip" download="Treffen - Folgen.zip">' in out


def test_epub_route_without_feed():
    links = SiteLinks({"treffen": MANIFEST}, feed=False)
    html = ('<head><title>T</title></head>'
            '<a href="/artikel/treffen/e-book.epub">Als EPUB herunterladen</a>')
    assert links.rewrite(html, PAGE) == ('<head><title>T</title></head>'
                                         '<a href="treffen.epub" download="Treffen - Folgen.epub">'
                                         'Als EPUB herunterladen</a>')


def test_other_attributes_and_text_stay_as_they_are(links):
    html = ('<body class="reader" data-manifest="/artikel/treffen/manifest.json" data-slug="treffen">'
            '<audio src="/artikel/treffen/audio/01-treffen.mp3" preload="none"></audio>'
            '<use href="#i-play"/><link rel="icon" href="data:,"><p>/artikel/treffen bleibt Text</p>')
    out = links.rewrite(html, PAGE)
    assert 'data-manifest="manifest.json" data-slug="treffen"' in out
    assert '<audio src="01-treffen.mp3" preload="none">' in out
    assert '<use href="#i-play"/>' in out and 'href="data:,"' in out
    assert "<p>/artikel/treffen bleibt Text</p>" in out
    assert links.targets == {"artikel/treffen/manifest.json", "artikel/treffen/01-treffen.mp3"}


@pytest.mark.parametrize("url", ["/healthz", "/artikel/fremd", "/artikel/treffen/audio/fehlt.mp3",
                                 "/artikel/treffen/audio/treffen.epub", "/static/../app.py", "/neu/route"])
def test_unknown_absolute_urls_are_errors(links, url):
    with pytest.raises(OutputError, match="static export does not contain"):
        links.rewrite(f'<a href="{url}">x</a>', PAGE)
