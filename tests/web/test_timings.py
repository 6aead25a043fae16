"""Per-section timing files: derived from the manifest, served per section, cached by ETag."""
from __future__ import annotations

from tests.web.web_support import SLUG


def test_timing_file_matches_the_manifest(client, manifest):
    for section in manifest["sections"]:
        response = client.get(f"/artikel/{SLUG}/zeiten/{section['file'][:-4]}.json")
        assert response.status_code == 200 and response.mimetype == "application/json"
        data = response.get_json()
        assert data["schema"] == "vorleser-zeiten/1" and data["section"] == section["id"]
        assert data["file"] == section["file"] and data["bytes"] == section["bytes"]
        assert data.get("hash") == section.get("hash")
        assert [s["id"] for s in data["sentences"]] == [s["id"] for s in section["sentences"]]
        for got, want in zip(data["sentences"], section["sentences"]):
            assert (got["begin_ms"], got["end_ms"], got["text"]) == (want["begin_ms"], want["end_ms"], want["text"])
            assert got["words"] == [[w["start"], w["end"], w["begin_ms"], w["end_ms"]] for w in want["words"]]


def test_timing_file_etag_and_unknown_names(client, manifest):
    url = f"/artikel/{SLUG}/zeiten/{manifest['sections'][1]['file'][:-4]}.json"
    first = client.get(url)
    assert "no-cache" in first.headers["Cache-Control"] and first.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    for name in ("gibt-es-nicht.json", "manifest.json", "..%2Fmanifest.json", manifest["sections"][1]["file"]):
        assert client.get(f"/artikel/{SLUG}/zeiten/{name}").status_code == 404, name
    assert client.get("/artikel/gibt-es-nicht/zeiten/01-titel.json").status_code == 404
    assert client.post(url).status_code == 405
