import copy

import pytest

from app.errors import ManifestError
from app.manifest import check
from app.manifest.names import is_plain_name


@pytest.mark.parametrize("name", ["02-einleitung.mp3", "captions.vtt", "a b.mp3", "über.mp3"])
def test_plain_names(name):
    assert is_plain_name(name)


@pytest.mark.parametrize("name", [
    "", ".", "..", "../x.mp3", "a/b.mp3", "a\\b.mp3", "/etc/passwd", "x\x00.mp3", ".hidden",
    "02-einleitung.mp3.tmp", "x.part", " x.mp3", None, 3, "a" * 201,
])
def test_not_plain_names(name):
    assert not is_plain_name(name)


def test_valid_manifest_passes(manifest):
    assert check(manifest, "testartikel") is manifest


def _broken(manifest, change):
    data = copy.deepcopy(manifest)
    change(data)
    return data


@pytest.mark.parametrize("change", [
    lambda m: m.pop("article"),
    lambda m: m["article"].update(title=None),
    lambda m: m["article"].update(teaser=5),
    lambda m: m.update(duration_ms="lang"),
    lambda m: m.update(sections=[]),
    lambda m: m["sections"][0].update(file="../../etc/passwd"),
    lambda m: m["sections"][1].update(bytes=-1),
    lambda m: m["sections"][1].update(bytes=True),
    lambda m: m["sections"][1].update(sentences=None),
    lambda m: m["sections"][1]["sentences"].append({"id": "x"}),
    lambda m: m["sections"][1].update(heading=None),
    lambda m: m["full"].update(file="/abs/full.mp3"),
    lambda m: m.update(captions="../captions.vtt"),
    lambda m: m.update(epub="x\\y.epub"),
])
def test_broken_manifests_raise_input_error(manifest, change):
    with pytest.raises(ManifestError, match="manifest.json of article 'testartikel' is invalid"):
        check(_broken(manifest, change), "testartikel")


def test_non_object_raises():
    with pytest.raises(ManifestError, match="Probable cause"):
        check([1, 2], "x")


def test_other_schema_version_is_named(manifest):
    with pytest.raises(ManifestError, match="schema 'vorleser-manifest/2', expected 'vorleser-manifest/1'"):
        check(_broken(manifest, lambda m: m.update(schema="vorleser-manifest/2")), "testartikel")


def test_article_must_be_in_its_own_folder(manifest):
    with pytest.raises(ManifestError, match="names the article 'testartikel'"):
        check(manifest, "anderer-artikel")
