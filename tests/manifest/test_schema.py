"""The published JSON Schema: a valid schema, and the same verdicts as the reference validator."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from app.errors import ManifestError
from app.manifest import check, document, json_schema


def test_schema_is_a_valid_draft7_schema():
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["schema"]["const"] == document.SCHEMA


def test_built_manifests_pass_the_reference_validator(bundled_build, export_audio):
    """What the pipeline writes (a real eSpeak build) passes jsonschema, not only our compiled check."""
    validator = jsonschema.Draft7Validator(json_schema())
    manifests = [json.loads((export_audio / slug / "manifest.json").read_text("utf-8")) for slug in ("klein",)]
    small = copy.deepcopy(bundled_build[1])
    small["sections"] = small["sections"][:2]  # the reference validator is slow on 1,800 words
    for data in [*manifests, small]:
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, errors[0].message


def test_pipeline_records_how_each_word_time_was_found(bundled_build):
    words = [w for s in bundled_build[1]["sections"] for sentence in s["sentences"] for w in sentence["words"]]
    methods = [w["method"] for w in words]
    assert set(methods) <= {"engine", "interpolated"}  # interpolated: a word eSpeak gave no event of its own
    assert methods.count("engine") > 0.9 * len(methods)
    assert bundled_build[1]["engine"]["estimated_words"] is False


@pytest.mark.parametrize("change", [
    lambda m: m["sections"][0]["sentences"][0]["words"][0].update(method="geraten"),
    lambda m: m["sections"][0].update(level=7),
    lambda m: m.update(built_at="gestern"),
    lambda m: m["article"].update(slug="Groß"),
    lambda m: m["full"].update(file=".versteckt.mp3"),
    lambda m: m["sections"][0].update(file="01-titel.mp3.partial"),
])
def test_both_validators_refuse_the_same_broken_manifests(manifest, change):
    data = copy.deepcopy(manifest)
    change(data)
    with pytest.raises(ManifestError):
        check(data, "testartikel")
    assert list(jsonschema.Draft7Validator(json_schema()).iter_errors(data))


def test_writer_refuses_an_invalid_manifest_and_keeps_the_old_one(manifest, tmp_path):
    document.write(tmp_path, manifest)
    before = (tmp_path / "manifest.json").read_bytes()
    broken = copy.deepcopy(manifest)
    broken["sections"] = []
    with pytest.raises(ManifestError, match="sections"):
        document.write(tmp_path, broken)
    assert (tmp_path / "manifest.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]
