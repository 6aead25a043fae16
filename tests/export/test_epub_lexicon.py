"""The pronunciation lexicon in the EPUB: the PLS the build used, in the package and linked
from every content document (EPUB 3 text-to-speech). EPUBCheck and Ace run on the same
book in test_epub_validators.py."""
from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ET

from app.export.epub import export_epub
from app.lexicon.pls import parse_bytes
from tests.export.export_support import SMALL

NS = {"opf": "http://www.idpf.org/2007/opf", "x": "http://www.w3.org/1999/xhtml"}


def test_lexicon_is_in_the_package_and_linked_from_every_content_document(medium_epub):
    with zipfile.ZipFile(medium_epub) as book:
        opf = ET.fromstring(book.read("EPUB/package.opf"))
        items = {i.get("href"): i for i in opf.findall("opf:manifest/opf:item", NS)}
        assert items["aussprache.pls"].get("media-type") == "application/pls+xml"
        lexicon = parse_bytes(book.read("EPUB/aussprache.pls"), "aussprache.pls")
        assert {g for e in lexicon.entries for g in e.graphemes} == {"live", "Washington", "Podcast"}
        live = lexicon.lookup("live")
        assert live.phoneme == "l'aIf" and live.others == (("ipa", "lˈaɪf"),)
        documents = [href for href, i in items.items() if href.startswith("text/")]
        assert documents
        for href in documents:
            head = ET.fromstring(book.read(f"EPUB/{href}")).find("x:head", NS)
            links = [link for link in head.findall("x:link", NS) if link.get("rel") == "pronunciation"]
            assert [(k.get("href"), k.get("type"), k.get("hreflang")) for k in links] == \
                [("../aussprache.pls", "application/pls+xml", "de")]


def test_article_without_lexicon_words_has_no_lexicon(export_audio, tmp_path):
    path = export_epub(export_audio, SMALL, tmp_path / "klein.epub")
    with zipfile.ZipFile(path) as book:
        assert "EPUB/aussprache.pls" not in book.namelist()
        assert b'rel="pronunciation"' not in book.read("EPUB/text/s01.xhtml")
