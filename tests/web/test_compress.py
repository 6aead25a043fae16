"""Text responses are compressed; audio and byte ranges never are."""
from __future__ import annotations

import gzip

import brotli

DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


def test_reader_page_and_manifest_gzip(client, manifest):
    slug = manifest["article"]["slug"]
    for path in (f"/artikel/{slug}", f"/artikel/{slug}/manifest.json", "/static/css/vorleser.css"):
        plain = client.get(path)
        packed = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
        encoding = packed.headers.get("Content-Encoding")
        assert encoding in DECODE, path
        assert DECODE[encoding](packed.data) == plain.data
        assert "Accept-Encoding" in packed.headers.get("Vary", "")


def test_audio_and_ranges_are_not_compressed(client, manifest, built_dir):
    slug = manifest["article"]["slug"]
    name = manifest["sections"][0]["file"]
    audio = client.get(f"/artikel/{slug}/audio/{name}", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in audio.headers
    part = client.get(f"/artikel/{slug}/manifest.json", headers={"Accept-Encoding": "gzip", "Range": "bytes=0-9"})
    assert part.status_code == 206 and len(part.data) == 10
    assert "Content-Encoding" not in part.headers
