"""Bytes to text: encodings, binary files, empty files, missing paths."""
from __future__ import annotations

import codecs

import pytest

from app.errors import InputError
from app.sources import load_source
from app.sources.decode import decode_bytes, sniff_meta_charset

TEXT = "Überschrift\nGrüße aus Pjöngjang.\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),                      # with BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-32"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
])
def test_decodes_unicode(data):
    assert decode_bytes(data, "a.txt") == TEXT


def test_declared_charset():
    assert decode_bytes("Grüße".encode("latin-1"), "a.html", "iso-8859-1") == "Grüße"
    assert decode_bytes("Grüße €".encode("cp1252"), "a.html", "windows-1252") == "Grüße €"
    assert decode_bytes("Grüße".encode("utf-8"), "a.html", "no-such-charset") == "Grüße"
    assert sniff_meta_charset(b'<html><head><meta charset="ISO-8859-15">') == "iso-8859-15"
    assert sniff_meta_charset(b"<html><head><title>x</title>") is None


def test_latin1_without_declaration_names_offset_and_fix():
    data = "Gr".encode() + "üße".encode("latin-1")
    with pytest.raises(InputError, match=r"^alt\.txt is not valid UTF-8: undecodable byte 0xfc at offset 2\. "
                                         r"Probable cause: .*iconv -f latin1 -t utf-8 alt\.txt"):
        decode_bytes(data, "alt.txt")


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
    (b"PK\x03\x04\x14\x00", "a ZIP archive"),
    (b"Text\x00mit\x00Nullbytes", "a binary file"),
    (bytes(range(1, 32)) * 20, "a binary file"),
])
def test_binary_files(data, kind):
    with pytest.raises(InputError, match=rf"^b\.bin looks like {kind}.*, not text"):
        decode_bytes(data, "b.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode("utf-8")])
def test_empty(data):
    with pytest.raises(InputError, match=r"^leer\.txt is empty"):
        decode_bytes(data, "leer.txt")


def test_empty_file(tmp_path):
    path = tmp_path / "leer.md"
    path.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"leer\.md is empty"):
        load_source(str(path))


def test_file_not_found(tmp_path):
    with pytest.raises(InputError, match=r"^file not found: .*nichts\.txt"):
        load_source(str(tmp_path / "nichts.txt"))


def test_domain_without_scheme_gets_a_hint():
    with pytest.raises(InputError, match=r"https://www\.example\.org/artikel"):
        load_source("www.example.org/artikel")


def test_directory(tmp_path):
    with pytest.raises(InputError, match=r"is a folder, not a file"):
        load_source(str(tmp_path))


def test_unknown_bundled_article():
    with pytest.raises(InputError, match=r"^no bundled article named 'gibtsnicht\.txt'"):
        load_source("bundled:gibtsnicht.txt")
    with pytest.raises(InputError, match=r"^no bundled article"):
        load_source("bundled:../model.py")


def test_blank_spec():
    with pytest.raises(InputError, match=r"^the source is empty"):
        load_source("   ")


def test_binary_file_on_disk(tmp_path):
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(InputError, match=r"bild\.txt looks like a PNG image, not text"):
        load_source(str(path))


def test_messages_are_one_line(tmp_path):
    for spec in (str(tmp_path / "x.txt"), str(tmp_path), "bundled:nope.txt"):
        with pytest.raises(InputError) as info:
            load_source(spec)
        assert "\n" not in str(info.value)
