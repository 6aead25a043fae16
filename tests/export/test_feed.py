"""Podcast feed and JSON chapters: structure with ElementTree, parsing with feedparser."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from app import create_app
from app.errors import InputError
from app.export.feed import ATOM, CHAPTERS_TYPE, ITUNES, PODCAST, normalize_base_url, render_chapters_json, render_feed
from app.export.site import SiteAddresses
from app.manifest import load
from tests.export.export_support import MEDIUM, SMALL

BASE = "https://example.org/vorleser"
LINKS = SiteAddresses(BASE + "/")


@pytest.fixture(scope="module")
def articles(export_audio) -> dict:
    return {slug: load(export_audio, slug) for slug in (MEDIUM, SMALL)}


@pytest.fixture(scope="module")
def manifests(articles) -> dict[str, dict]:
    return {slug: a.data for slug, a in articles.items()}


@pytest.fixture(scope="module")
def feed_xml(export_audio) -> str:
    """The feed as ``vorleser serve`` publishes it, with the Flask routes' addresses."""
    client = create_app({"TESTING": True, "AUDIO_DIR": export_audio}).test_client()
    response = client.get("/feed.xml", base_url=BASE)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _items(root) -> dict[str, ET.Element]:
    return {item.find("link").text.rsplit("/", 1)[1]: item for item in root.iter("item")}


def test_channel_has_required_elements_and_namespaces(feed_xml):
    assert f'xmlns:itunes="{ITUNES}"' in feed_xml and f'xmlns:podcast="{PODCAST}"' in feed_xml
    root = ET.fromstring(feed_xml)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.find("title").text == "Vorleser"
    assert channel.find("link").text == BASE + "/"
    assert "Artikel" in channel.find("description").text
    assert channel.find("language").text == "de"
    assert channel.find(f"{{{ITUNES}}}category").get("text")
    assert channel.find(f"{{{ITUNES}}}explicit").text == "false"
    assert channel.find(f"{{{ATOM}}}link").get("href") == BASE + "/feed.xml"


def test_each_article_is_an_episode_matching_its_files(feed_xml, manifests, export_audio):
    items = _items(ET.fromstring(feed_xml))
    assert set(items) == {MEDIUM, SMALL}
    for slug, item in items.items():
        manifest = manifests[slug]
        assert item.find("title").text == manifest["article"]["title"]
        assert item.find("description").text == manifest["article"]["teaser"]
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "audio/mpeg"
        assert enclosure.get("url") == f"{BASE}/artikel/{slug}/audio/{manifest['full']['file']}"
        assert int(enclosure.get("length")) == (export_audio / slug / manifest["full"]["file"]).stat().st_size
        assert int(item.find(f"{{{ITUNES}}}duration").text) == round(manifest["full"]["duration_ms"] / 1000)
        assert item.find("guid").get("isPermaLink") == "false"
        assert parsedate_to_datetime(item.find("pubDate").text).isoformat().startswith(manifest["built_at"][:19])
        chapters = item.find(f"{{{PODCAST}}}chapters")
        assert chapters.get("url") == f"{BASE}/artikel/{slug}/chapters.json"
        assert chapters.get("type") == CHAPTERS_TYPE
    guids = [item.find("guid").text for item in items.values()]
    assert len(set(guids)) == 2


def test_site_layout_points_at_files_beside_the_page(articles):
    root = ET.fromstring(render_feed(list(articles.values()), LINKS))
    enclosure = root.find(".//item/enclosure").get("url")
    assert enclosure.startswith(f"{BASE}/artikel/") and "/audio/" not in enclosure
    assert root.find(".//item/link").text.endswith("/")


def test_feedparser_reads_it_cleanly(feed_xml, manifests):
    parsed = feedparser.parse(feed_xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.language == "de" and parsed.feed.title == "Vorleser"
    assert len(parsed.entries) == 2
    for entry in parsed.entries:
        slug = entry.link.rsplit("/", 1)[1]
        manifest = manifests[slug]
        assert entry.enclosures[0].type == "audio/mpeg"
        assert int(entry.enclosures[0].length) == manifest["full"]["bytes"]
        assert int(entry.itunes_duration) == round(manifest["full"]["duration_ms"] / 1000)
        assert entry.podcast_chapters["url"].endswith(f"/artikel/{slug}/chapters.json")


def test_chapters_json_follows_the_sections(manifests, export_audio):
    manifest = manifests[MEDIUM]
    client = create_app({"TESTING": True, "AUDIO_DIR": export_audio}).test_client()
    data = json.loads(client.get(f"/artikel/{MEDIUM}/chapters.json", base_url=BASE).get_data(as_text=True))
    assert data["version"] == "1.2.0"
    assert [c["title"] for c in data["chapters"]] == [s["heading"] for s in manifest["sections"]]
    assert [c["startTime"] for c in data["chapters"]] == [s["offset_ms"] / 1000 for s in manifest["sections"]]
    assert data["chapters"][0]["startTime"] == 0
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts)
    assert data["chapters"][1]["url"] == f"{BASE}/artikel/{MEDIUM}#abschnitt-{manifest['sections'][1]['id']}"


def test_chapters_without_base_url_have_no_links(articles):
    data = json.loads(render_chapters_json(articles[SMALL]))
    assert data["chapters"] and all("url" not in c for c in data["chapters"])


@pytest.mark.parametrize("bad", ["", "example.org", "ftp://example.org/", "/relativ"])
def test_base_url_must_be_absolute_http(bad):
    with pytest.raises(InputError, match="absolute http"):
        normalize_base_url(bad)


def test_empty_library_is_a_valid_feed():
    parsed = feedparser.parse(render_feed([], LINKS))
    assert parsed.bozo == 0 and parsed.entries == []
