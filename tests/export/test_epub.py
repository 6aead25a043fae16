"""EPUB structure without external validators: ZIP layout, OPF metadata,
SMIL clip times against the manifest, navigation, sentence spans, atomic writes."""
from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET

import pytest

from app.errors import InputError, OutputError
from app.export import epub as epub_module
from app.export.epub import export_epub
from app.export.epub_smil import clock
from tests.export.export_support import MEDIUM

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL",
      "epub": "http://www.idpf.org/2007/ops"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xml(book: zipfile.ZipFile, name: str) -> ET.Element:
    return ET.fromstring(book.read(name))


def _ms(value: str) -> int:
    h, m, s = value.split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)


@pytest.fixture(scope="module")
def book(medium_epub):
    with zipfile.ZipFile(medium_epub) as z:
        yield z


@pytest.fixture(scope="module")
def opf(book):
    return _xml(book, "EPUB/package.opf")


def _meta(opf, prop):
    return [m.text for m in opf.findall("opf:metadata/opf:meta", NS)
            if m.get("property") == prop and m.get("refines") is None]


def test_zip_starts_with_stored_mimetype(book):
    first = book.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED and not first.extra
    assert book.read("mimetype") == b"application/epub+zip"
    assert book.testzip() is None
    container = _xml(book, "META-INF/container.xml")
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    assert rootfile.get("full-path") == "EPUB/package.opf"


def test_every_section_has_document_overlay_and_identical_audio(book, opf, export_audio, medium_manifest):
    items = {i.get("id"): i for i in opf.findall("opf:manifest/opf:item", NS)}
    spine = [r.get("idref") for r in opf.findall("opf:spine/opf:itemref", NS)]
    assert spine == ["nav"] + [f"t{n:02d}" for n in range(1, len(medium_manifest["sections"]) + 1)]
    for n, section in enumerate(medium_manifest["sections"], start=1):
        doc, smil, audio = items[f"t{n:02d}"], items[f"mo{n:02d}"], items[f"a{n:02d}"]
        assert doc.get("media-overlay") == f"mo{n:02d}"
        assert smil.get("media-type") == "application/smil+xml"
        assert audio.get("media-type") == "audio/mpeg"
        assert book.read("EPUB/" + audio.get("href")) == (export_audio / MEDIUM / section["file"]).read_bytes()
    names = set(book.namelist())
    assert {"EPUB/" + i.get("href") for i in items.values()} | {"mimetype", "META-INF/container.xml",
                                                                   "EPUB/package.opf"} == names


def test_metadata_identity_language_and_accessibility(opf, medium_manifest):
    meta = opf.find("opf:metadata", NS)
    uid = opf.get("unique-identifier")
    identifier = meta.find(f"dc:identifier[@id='{uid}']", NS).text
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert meta.find("dc:title", NS).text == medium_manifest["article"]["title"]
    assert meta.find("dc:language", NS).text == "de"
    assert _meta(opf, "dcterms:modified") == [medium_manifest["built_at"]]
    assert set(_meta(opf, "schema:accessMode")) == {"textual", "auditory"}
    assert set(_meta(opf, "schema:accessModeSufficient")) == {"textual", "auditory", "textual,auditory"}
    assert {"synchronizedAudioText", "structuralNavigation", "tableOfContents"} <= \
        set(_meta(opf, "schema:accessibilityFeature"))
    assert _meta(opf, "schema:accessibilityHazard") == ["none"]
    summary = _meta(opf, "schema:accessibilitySummary")[0]
    assert "Satz" in summary and "Sprachausgabe" in summary
    assert _meta(opf, "media:active-class") == ["-epub-media-overlay-active"]


def test_identifier_is_stable_per_build_and_differs_between_slugs(export_audio):
    from app.manifest import load

    a, b = load(export_audio, MEDIUM), load(export_audio, "klein")
    assert a.uuid("epub") == load(export_audio, MEDIUM).uuid("epub")
    assert a.uuid("epub") != b.uuid("epub")


def test_durations_total_and_per_overlay(opf, medium_manifest):
    per = {m.get("refines"): _ms(m.text) for m in opf.findall("opf:metadata/opf:meta", NS)
           if m.get("property") == "media:duration" and m.get("refines")}
    expected = {f"#mo{n:02d}": s["duration_ms"] for n, s in enumerate(medium_manifest["sections"], start=1)}
    assert per == expected
    assert _ms(_meta(opf, "media:duration")[0]) == sum(expected.values())


def test_smil_clips_match_manifest_sentence_times(book, medium_manifest):
    for n, section in enumerate(medium_manifest["sections"], start=1):
        smil = _xml(book, f"EPUB/smil/s{n:02d}.smil")
        pars = smil.findall(".//s:par", NS)
        assert len(pars) == len(section["sentences"])
        for par, sentence in zip(pars, section["sentences"]):
            assert par.find("s:text", NS).get("src") == f"../text/s{n:02d}.xhtml#{sentence['id']}"
            audio = par.find("s:audio", NS)
            assert audio.get("src") == f"../audio/s{n:02d}.mp3"
            assert _ms(audio.get("clipBegin")) == sentence["begin_ms"]
            assert _ms(audio.get("clipEnd")) == sentence["end_ms"]


def test_documents_have_sentence_spans_in_german(book, medium_manifest):
    for n, section in enumerate(medium_manifest["sections"], start=1):
        html = _xml(book, f"EPUB/text/s{n:02d}.xhtml")
        assert html.get("lang") == "de" and html.get(XML_LANG) == "de"
        spans = {s.get("id"): "".join(s.itertext()) for s in html.iter(f"{{{NS['x']}}}span") if s.get("id")}
        for sentence in section["sentences"]:
            assert spans[sentence["id"]] == sentence["text"]
        headings = [h for level in range(1, 7) for h in html.iter(f"{{{NS['x']}}}h{level}")]
        assert ["".join(h.itertext()) for h in headings] == [section["heading"]]


def test_nav_lists_every_heading_nested_by_level(book, medium_manifest):
    nav = _xml(book, "EPUB/nav.xhtml")
    toc = next(n for n in nav.iter(f"{{{NS['x']}}}nav") if n.get(f"{{{NS['epub']}}}type") == "toc")
    links = [(a.get("href"), a.text) for a in toc.iter(f"{{{NS['x']}}}a")]
    assert links == [(f"text/s{n:02d}.xhtml", s["heading"]) for n, s in enumerate(medium_manifest["sections"], 1)]
    sub = toc.find("x:ol/x:li/x:ol/x:li/x:a", NS)  # the level-3 heading sits under its level-2 parent
    assert sub is not None and sub.text == "Eine Unterüberschrift"


def test_css_defines_the_active_class(book):
    assert ".-epub-media-overlay-active" in book.read("EPUB/css/book.css").decode()


def test_word_level_overlays_point_at_word_spans(medium_epub_words, medium_manifest):
    with zipfile.ZipFile(medium_epub_words) as book:
        section = medium_manifest["sections"][1]
        smil = _xml(book, "EPUB/smil/s02.smil")
        html = _xml(book, "EPUB/text/s02.xhtml")
        ids = {s.get("id"): "".join(s.itertext()) for s in html.iter(f"{{{NS['x']}}}span")}
        sentence = section["sentences"][1]
        seq = smil.find(f".//s:seq[@id='mo-{sentence['id']}']", NS)
        pars = seq.findall("s:par", NS)
        assert len(pars) == len(sentence["words"])
        for par, word in zip(pars, sentence["words"]):
            target = par.find("s:text", NS).get("src").split("#")[1]
            assert ids[target] == sentence["text"][word["start"]:word["end"]]
            assert _ms(par.find("s:audio", NS).get("clipBegin")) == word["begin_ms"]
        assert ids[sentence["id"]] == sentence["text"]


def test_clock_values():
    assert clock(0) == "0:00:00.000"
    assert clock(3_723_045) == "1:02:03.045"


def test_same_build_gives_identical_bytes(export_audio, medium_epub, tmp_path):
    again = export_epub(export_audio, MEDIUM, tmp_path / "again.epub")
    assert again.read_bytes() == medium_epub.read_bytes()


def test_failed_write_keeps_old_file_and_leaves_no_temp(export_audio, tmp_path, monkeypatch):
    target = tmp_path / "book.epub"
    target.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(epub_module, "_write_zip", broken)
    with pytest.raises(OutputError, match="cannot write the EPUB"):
        export_epub(export_audio, MEDIUM, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["book.epub"]


def test_unknown_article_is_an_input_error(export_audio, tmp_path):
    with pytest.raises(InputError, match="no built article 'fehlt'"):
        export_epub(export_audio, "fehlt", tmp_path / "x.epub")
    with pytest.raises(InputError, match="not an article name"):
        export_epub(export_audio, "../etc", tmp_path / "x.epub")


def test_cached_epub_for_the_web_is_built_once_per_build(export_audio, tmp_path):
    import shutil

    from app.export.epub import cached_epub

    shutil.copytree(export_audio / MEDIUM, tmp_path / MEDIUM)
    path, name = cached_epub(tmp_path, MEDIUM)
    assert name == "Ein Testartikel für die Exporte.epub"
    assert path.parent == tmp_path / ".exports" / MEDIUM and zipfile.is_zipfile(path)
    mtime = path.stat().st_mtime_ns
    assert cached_epub(tmp_path, MEDIUM)[0] == path and path.stat().st_mtime_ns == mtime
