"""Export routes: podcast feed, JSON chapters, EPUB download."""
from __future__ import annotations

import io
import json
import zipfile

import feedparser


def test_feed_lists_built_articles(client, built_dir):
    response = client.get("/feed.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) >= 1
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "audio/mpeg" and int(enclosure.length) > 0
    assert enclosure.href.startswith("http://localhost/artikel/")


def test_chapters_json_follows_manifest(client, built_dir):
    slug = next(p.name for p in built_dir.iterdir() if not p.name.startswith("."))
    manifest = json.loads((built_dir / slug / "manifest.json").read_text("utf-8"))
    response = client.get(f"/artikel/{slug}/chapters.json")
    assert response.status_code == 200
    chapters = response.get_json(force=True)["chapters"]
    assert [c["title"] for c in chapters] == [s["heading"] for s in manifest["sections"]]
    assert [round(c["startTime"] * 1000) for c in chapters] == [s["offset_ms"] for s in manifest["sections"]]


def test_epub_download(client, built_dir):
    slug = next(p.name for p in built_dir.iterdir() if not p.name.startswith("."))
    response = client.get(f"/artikel/{slug}/e-book.epub")
    assert response.status_code == 200
    assert response.mimetype == "application/epub+zip"
    assert "attachment" in response.headers["Content-Disposition"]
    book = zipfile.ZipFile(io.BytesIO(response.data))
    assert book.namelist()[0] == "mimetype"
    assert book.read("mimetype") == b"application/epub+zip"


def test_export_routes_unknown_slug_404(client):
    for path in ("/artikel/gibt-es-nicht/e-book.epub", "/artikel/gibt-es-nicht/chapters.json",
                 "/artikel/..%2f..%2fetc/e-book.epub"):
        assert client.get(path).status_code == 404


def test_export_routes_get_only(client, built_dir):
    assert client.post("/feed.xml").status_code == 405


def test_library_links_the_feed_and_reader_links_the_epub(client, manifest):
    library = client.get("/").get_data(as_text=True)
    assert 'type="application/rss+xml"' in library and 'href="/feed.xml"' in library
    reader = client.get(f"/artikel/{manifest['article']['slug']}").get_data(as_text=True)
    assert "Als EPUB herunterladen" in reader
