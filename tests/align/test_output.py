"""An aligned article is an ordinary build: a valid manifest whose words say how their time
was found, MP3s that add up to the recording, and the reader, the EPUB (sentence and word
level) and the feed working on it unchanged."""
from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET

import feedparser
from mutagen.id3 import ID3

from app import create_app
from app.engines.base import METHODS
from app.export.epub import export_epub
from app.ffmpeg import decode_pcm
from app.manifest import check as check_manifest
from tests.align.conftest import SLUG
from tests.export.test_epub_validators import epubcheck, epubcheck_messages  # noqa: F401 (fixture)

SMIL = {"s": "http://www.w3.org/ns/SMIL"}


def _clock_ms(value: str) -> int:
    h, m, s = value.split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)


def test_manifest_is_valid_and_words_record_their_method(aligned, article):
    _, manifest, result = aligned
    assert check_manifest(manifest, SLUG) is manifest
    assert manifest["engine"]["name"] == "recording"
    assert manifest["engine"]["estimated_words"] is False
    assert manifest["engine"]["settings"]["reference"]["engine"] == "espeak"
    methods = [w["method"] for s in manifest["sections"] for t in s["sentences"] for w in t["words"]]
    assert set(methods) <= set(METHODS) and set(methods) <= {"aligned", "interpolated"}
    assert methods.count("aligned") >= 0.9 * len(methods)
    assert len(methods) == sum(len(t.tokens) for s in article.sections for t in s.sentences)
    for section in manifest["sections"]:
        assert section["alignment"]["confidence"] >= 0.85
        last = 0
        for sentence in section["sentences"]:
            assert last <= sentence["begin_ms"] <= sentence["end_ms"] <= section["duration_ms"]
            last = sentence["end_ms"]
            w_last = sentence["begin_ms"]
            for word in sentence["words"]:
                assert w_last <= word["begin_ms"] <= word["end_ms"] <= sentence["end_ms"] + 1
                w_last = word["begin_ms"]
    assert result.words.get("aligned", 0) == methods.count("aligned")


def test_files_add_up_to_the_recording_with_chapters(aligned, narrated):
    out, manifest, _ = aligned
    folder = out / SLUG
    rate = manifest["audio"]["sample_rate"]
    recording = len(decode_pcm(narrated.path, rate)) // 2
    assert manifest["samples"] == recording
    for section in manifest["sections"]:
        decoded = len(decode_pcm(folder / section["file"], rate)) // 2
        assert abs(decoded - section["samples"]) <= 1152, section["file"]
    full = len(decode_pcm(folder / manifest["full"]["file"], rate)) // 2
    assert abs(full - recording) <= 1152
    chapters = ID3(folder / manifest["full"]["file"]).getall("CHAP")
    assert [c.start_time for c in sorted(chapters, key=lambda c: c.start_time)] == \
        [s["offset_ms"] for s in manifest["sections"]]
    captions = (folder / "captions.vtt").read_text("utf-8")
    assert captions.count(" --> ") == sum(len(s["sentences"]) for s in manifest["sections"])


def test_reader_feed_and_epub_route_serve_the_aligned_article(aligned):
    out, manifest, _ = aligned
    client = create_app({"TESTING": True, "AUDIO_DIR": out}).test_client()
    page = client.get(f"/artikel/{SLUG}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert manifest["sections"][1]["sentences"][1]["text"] in html.replace("&#39;", "'")
    assert "Sprachausgabe: recording" in html
    assert client.get(f"/artikel/{SLUG}/manifest.json").get_json()["engine"]["name"] == "recording"
    audio = client.get(f"/artikel/{SLUG}/audio/{manifest['sections'][1]['file']}", headers={"Range": "bytes=0-99"})
    assert audio.status_code == 206
    feed = feedparser.parse(client.get("/feed.xml").data)
    assert not feed.bozo and [e.link.rsplit("/", 1)[1] for e in feed.entries] == [SLUG]
    book = client.get(f"/artikel/{SLUG}/e-book.epub")
    assert book.status_code == 200 and zipfile.ZipFile(io.BytesIO(book.data)).namelist()[0] == "mimetype"


def test_word_level_epub_follows_the_aligned_times_and_passes_epubcheck(aligned, epubcheck, tmp_path):  # noqa: F811
    out, manifest, _ = aligned
    path = export_epub(out, SLUG, tmp_path / "klein.epub", word_level=True)
    with zipfile.ZipFile(path) as book:
        for n, section in enumerate(manifest["sections"], start=1):
            smil = ET.fromstring(book.read(f"EPUB/smil/s{n:02d}.smil"))
            begins = [_clock_ms(a.get("clipBegin")) for a in smil.iter("{%s}audio" % SMIL["s"])]
            words = [w["begin_ms"] for s in section["sentences"] for w in s["words"]]
            assert set(words) <= set(begins)
        assert "Sprachaufnahme" in book.read("EPUB/package.opf").decode()
    data, messages = epubcheck_messages(epubcheck, path, tmp_path)
    assert data["checker"]["nFatal"] == data["checker"]["nError"] == data["checker"]["nWarning"] == 0, messages
    sentence_level = export_epub(out, SLUG, tmp_path / "saetze.epub")
    data, messages = epubcheck_messages(epubcheck, sentence_level, tmp_path)
    assert data["checker"]["nError"] == data["checker"]["nWarning"] == 0, messages
