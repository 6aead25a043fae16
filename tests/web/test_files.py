"""File routes: audio with Range/ETag, downloads, ZIP, manifest and VTT."""
import io
import json
import zipfile
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

import pytest

from tests.web.web_support import SLUG, XSS_SLUG

SECTION = "02-hintergrund-des-treffens.mp3"
AUDIO = f"/artikel/{SLUG}/audio/{SECTION}"
FILE_ROUTES = [AUDIO, f"/artikel/{SLUG}/audio/{SLUG}.mp3", f"/artikel/{SLUG}/download/{SECTION}",
               f"/artikel/{SLUG}/abschnitte.zip", f"/artikel/{SLUG}/manifest.json",
               f"/artikel/{SLUG}/captions.vtt", f"/artikel/{SLUG}/chapters.vtt"]


@pytest.fixture
def section_bytes(built_dir):
    return (built_dir / SLUG / SECTION).read_bytes()


def test_audio_whole_file(client, section_bytes):
    response = client.get(AUDIO)
    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert response.data == section_bytes
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["Content-Length"] == str(len(section_bytes))
    assert response.headers["ETag"]
    assert response.headers["Last-Modified"]
    assert "max-age=3600" in response.headers["Cache-Control"]
    assert "public" in response.headers["Cache-Control"]
    assert not response.headers.get("Content-Disposition", "").startswith("attachment")


def test_full_article_audio(client, built_dir):
    response = client.get(f"/artikel/{SLUG}/audio/{SLUG}.mp3")
    assert response.status_code == 200
    assert response.data == (built_dir / SLUG / f"{SLUG}.mp3").read_bytes()


def test_head_has_length_and_no_body(client, section_bytes):
    response = client.head(AUDIO)
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(section_bytes))
    assert response.data == b""


@pytest.mark.parametrize("header, start, end", [
    ("bytes=0-1", 0, 1), ("bytes=100-1099", 100, 1099), ("bytes=-100", None, None),
    ("bytes=500-", 500, None),
])
def test_range_requests(client, section_bytes, header, start, end):
    size = len(section_bytes)
    if start is None:
        start, end = size - 100, size - 1
    end = size - 1 if end is None else end
    response = client.get(AUDIO, headers={"Range": header})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert response.data == section_bytes[start:end + 1]
    assert response.headers["Content-Length"] == str(end - start + 1)


def test_unsatisfiable_range_is_416(client, section_bytes):
    response = client.get(AUDIO, headers={"Range": f"bytes={len(section_bytes) + 10}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(section_bytes)}"
    assert response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("header", ["bytes=abc", "bytes=5-2", "items=0-1", "bytes=", "bytes=--1",
                                    "bytes=0-1,x", "bytes=99999999999999999999-"])
def test_malformed_range_is_never_500(client, header):
    response = client.get(AUDIO, headers={"Range": header})
    assert response.status_code in (200, 416)


def test_etag_and_last_modified_give_304(client):
    first = client.get(AUDIO)
    etag = first.headers["ETag"]
    assert client.get(AUDIO, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(AUDIO, headers={"If-None-Match": '"anders"'}).status_code == 200
    later = format_datetime(datetime.now(timezone.utc) + timedelta(days=1), usegmt=True)
    assert client.get(AUDIO, headers={"If-Modified-Since": later}).status_code == 304
    stale = client.get(AUDIO, headers={"Range": "bytes=0-1", "If-Range": '"alt"'})
    assert stale.status_code == 200


def test_download_has_german_attachment_name(client, section_bytes):
    response = client.get(f"/artikel/{SLUG}/download/{SECTION}")
    assert response.status_code == 200
    assert response.data == section_bytes
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"02 - Hintergrund des Treffens.mp3\"; "
        "filename*=UTF-8''02%20-%20Hintergrund%20des%20Treffens.mp3")
    umlaut = client.get(f"/artikel/{SLUG}/download/03-gr-ere-folgen-ausblick.mp3")
    header = umlaut.headers["Content-Disposition"]
    assert 'filename="03 - Groessere Folgen - Ausblick.mp3"' in header
    assert "filename*=UTF-8''03%20-%20Gr%C3%B6%C3%9Fere%20Folgen%20-%20Ausblick.mp3" in header
    full = client.get(f"/artikel/{SLUG}/download/{SLUG}.mp3")
    assert "filename*=UTF-8''Treffen%20in%20Wladiwostok.mp3" in full.headers["Content-Disposition"]
    assert client.get(f"/artikel/{SLUG}/download/{SECTION}", headers={"Range": "bytes=0-1"}).status_code == 206


def test_download_names_with_markup_are_sanitised(client):
    response = client.get(f"/artikel/{XSS_SLUG}/download/{XSS_SLUG}.mp3")
    header = response.headers["Content-Disposition"]
    assert header.startswith("attachment; ")
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback == "Boese script alert(1) script Ueberschrift.mp3"
    assert "<" not in header and ">" not in header and "/" not in fallback
    assert "filename*=UTF-8''B%C3%B6se%20script%20alert%281%29%20script%20%C3%9Cberschrift.mp3" in header


def test_zip_contains_all_sections(client, manifest, built_dir):
    response = client.get(f"/artikel/{SLUG}/abschnitte.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "filename*=UTF-8''Treffen%20in%20Wladiwostok.zip" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.testzip() is None
    assert archive.namelist() == ["01 - Treffen in Wladiwostok.mp3",
                                  "02 - Hintergrund des Treffens.mp3",
                                  "03 - Größere Folgen - Ausblick.mp3"]
    for info, section in zip(archive.infolist(), manifest["sections"]):
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.file_size == section["bytes"]
        assert archive.read(info) == (built_dir / SLUG / section["file"]).read_bytes()


def test_zip_head_and_missing_section(client, own_dir, own_client):
    assert client.head(f"/artikel/{SLUG}/abschnitte.zip").status_code == 200
    (own_dir / SLUG / SECTION).unlink()
    assert own_client.get(f"/artikel/{SLUG}/abschnitte.zip").status_code == 404


def test_manifest_route(client, manifest):
    response = client.get(f"/artikel/{SLUG}/manifest.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert json.loads(response.data) == manifest
    assert "no-cache" in response.headers["Cache-Control"]
    assert response.headers["ETag"]


@pytest.mark.parametrize("name", ["captions", "chapters"])
def test_vtt_routes(client, built_dir, name):
    response = client.get(f"/artikel/{SLUG}/{name}.vtt")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.data == (built_dir / SLUG / f"{name}.vtt").read_bytes()
    assert response.data.startswith(b"WEBVTT")
    assert "no-cache" in response.headers["Cache-Control"]


def test_size_mismatch_is_not_served(own_dir, own_client):
    with open(own_dir / SLUG / SECTION, "ab") as handle:
        handle.write(b"halb")
    assert own_client.get(AUDIO).status_code == 404
    assert own_client.get(f"/artikel/{SLUG}/audio/01-titel.mp3").status_code == 200


@pytest.mark.parametrize("path", [
    f"/artikel/gibt-es-nicht/audio/{SECTION}", f"/artikel/{SLUG}/audio/99-fehlt.mp3",
    f"/artikel/{SLUG}/download/99-fehlt.mp3", f"/artikel/{SLUG}/audio/captions.vtt",
    f"/artikel/{SLUG}/download/manifest.json", f"/artikel/{SLUG}/audio/manifest.json.tmp",
    "/artikel/kaputt/manifest.json", "/artikel/unfertig/audio/01-titel.mp3",
    "/artikel/unfertig/manifest.json", "/artikel/gibt-es-nicht/abschnitte.zip",
    "/artikel/gibt-es-nicht/captions.vtt", f"/artikel/{SLUG}/epub",
])
def test_unknown_files_are_german_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert 'lang="de"' in html and "Traceback" not in html
    assert "nicht" in html


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options"])
@pytest.mark.parametrize("path", FILE_ROUTES)
def test_only_get_and_head(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD"}
    assert "nur GET und HEAD" in response.get_data(as_text=True)
