import json
import logging
import os

import pytest

from app.web.library import Library, is_slug

from tests.web.web_support import SLUG, XSS_SLUG


@pytest.mark.parametrize("slug", ["a", "nordkorea-russland", "0-9", "a" * 81])
def test_good_slugs(slug):
    assert is_slug(slug)


@pytest.mark.parametrize("slug", ["", "-a", "A", "a_b", "a" * 82, "..", "a/b", "a\n", "ä", "a.b"])
def test_bad_slugs(slug):
    assert not is_slug(slug)


def test_lists_only_complete_valid_articles(built_dir, caplog):
    with caplog.at_level(logging.WARNING, logger="app.web.library"):
        slugs = {a.slug for a in Library(built_dir).articles()}
    assert slugs == {SLUG, XSS_SLUG}
    assert "skipping article kaputt" in caplog.text


def test_missing_audio_dir_gives_empty_list(tmp_path):
    assert Library(tmp_path / "nope").articles() == []


def test_get_rejects_bad_and_unknown_slugs(built_dir):
    library = Library(built_dir)
    assert library.get("../" + SLUG) is None
    assert library.get("Bad_Slug") is None
    assert library.get("unfertig") is None
    assert library.get("kaputt") is None
    assert library.get(SLUG).title == "Treffen in Wladiwostok"


def test_cache_follows_manifest_changes(own_dir, caplog):
    library = Library(own_dir)
    first = library.get(SLUG)
    assert library.get(SLUG) is first  # cached
    path = own_dir / SLUG / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["article"]["title"] = "Neuer Titel"
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert library.get(SLUG).title == "Neuer Titel"
    path.write_text("[]", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.web.library"):
        assert library.get(SLUG) is None
        assert library.get(SLUG) is None
    assert caplog.text.count("skipping article") == 1  # warned once per version
    path.unlink()
    assert library.get(SLUG) is None


def test_order_newest_build_first(own_dir):
    path = own_dir / XSS_SLUG / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["built_at"] = "2027-01-01T00:00:00Z"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert [a.slug for a in Library(own_dir).articles()] == [XSS_SLUG, SLUG]
