"""Saved HTML pages: corpus acceptance, scripts, charsets, odd pages."""
from __future__ import annotations

import pytest

from app.errors import InputError
from app.sources import load_source, suggest_slug
from app.sources.html import looks_like_html, parse_html
from app.sources.htmlmeta import clean_title

from .conftest import SMALL_PAGE, article_text, corpus_dir, corpus_expectations

EXPECTATIONS = corpus_expectations()


def test_corpus_has_pages():
    corpus = corpus_dir()
    assert len(EXPECTATIONS) >= 4
    assert all((corpus / name).is_file() for name in EXPECTATIONS)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS) or ["missing-corpus"])
def test_corpus_page(name):
    corpus = corpus_dir()
    expect = EXPECTATIONS[name]
    raw = load_source(str(corpus / name))
    text = article_text(raw)
    for wanted in expect["include"]:
        assert wanted in text, f"{wanted!r} missing from {name}"
    for unwanted in expect["exclude"]:
        assert unwanted not in text, f"boilerplate {unwanted!r} in {name}"
    if "title" in expect:
        assert raw.title == expect["title"]
    assert raw.title and (raw.sections or raw.teaser)
    assert all(2 <= s.level <= 6 for s in raw.sections)
    assert "<" not in raw.title and "{" not in text  # no markup or script/CSS leaked


def test_corpus_headings_are_kept():
    raw = load_source(str(corpus_dir() / "heise.de.lithium.html"))
    assert [s.heading for s in raw.sections][-2:] == ["Schredder statt Ofen", "Nur die Folie bleibt zurück"]
    assert raw.teaser == "Eine niedersächsische Firma hat die Wiederverwertung ausgedienter Akkus optimiert."


def test_small_page(tmp_path):
    path = tmp_path / "seite.html"
    path.write_text(SMALL_PAGE, encoding="utf-8")
    raw = load_source(str(path))
    text = article_text(raw)
    assert raw.title == "Kleiner Testartikel"
    assert raw.teaser == "Ein kurzer Vorspann zum Test."
    assert "Was steckt dahinter?" in [s.heading for s in raw.sections]
    assert "Erster Punkt der Liste mit etwas Text." in text
    # visible "<script>" text survives literally; real scripts, styles, noscript never
    assert "<script>alert(1)</script>" in text
    for unwanted in ("SKRIPTINHALT", "color:red", "NOSCRIPTINHALT", "Impressum", "Startseite"):
        assert unwanted not in text
    assert suggest_slug(str(path), raw) == "seite"


def test_html_in_txt_file_is_sniffed(tmp_path):
    path = tmp_path / "gespeichert.txt"
    path.write_text(SMALL_PAGE, encoding="utf-8")
    assert load_source(str(path)).title == "Kleiner Testartikel"
    assert looks_like_html("\ufeff<!-- x -->\n<!DOCTYPE html><html>")
    assert not looks_like_html("Titel\n<p>kein Dokument</p>")


def test_declared_latin1_charset(tmp_path):
    path = tmp_path / "alt.htm"
    page = SMALL_PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                              'content="text/html; charset=iso-8859-1">')
    path.write_bytes(page.encode("latin-1", "replace"))
    assert "Pjöngjang" in article_text(load_source(str(path)))


def test_utf16_page_with_bom(tmp_path):
    path = tmp_path / "utf16.html"
    path.write_bytes(SMALL_PAGE.encode("utf-16"))
    assert "Pjöngjang" in article_text(load_source(str(path)))


def test_deeply_nested_page_does_not_crash(tmp_path):
    depth = 10_000
    body = "Ein Absatz ganz tief unten im Dokument, mit genug Text zum Vorlesen. " * 5
    page = ("<html><head><title>Tief verschachtelt</title></head><body>" + "<div>" * depth
            + f"<p>{body}</p>" + "</div>" * depth + "</body></html>")
    path = tmp_path / "tief.html"
    path.write_text(page, encoding="utf-8")
    raw = load_source(str(path))
    assert raw.title == "Tief verschachtelt"
    assert "ganz tief unten" in article_text(raw)


def test_page_without_article_text(tmp_path):
    path = tmp_path / "leer.html"
    path.write_text("<html><head><title>Leer</title><script>var a = 1;</script></head>"
                    "<body><nav>Menü</nav><footer>Impressum</footer></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"^no article text found in .*leer\.html"):
        load_source(str(path))


def test_page_without_title_uses_teaser():
    raw = parse_html("<html><body><p>Nur ein Absatz ohne Titel, aber mit genug Inhalt.</p></body></html>",
                     "test", name="x.html")
    assert raw.title.startswith("Nur ein Absatz")


@pytest.mark.parametrize("title, site, host, expected", [
    ("Kim trifft Putin | tagesschau.de", "", "", "Kim trifft Putin"),
    ("Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs", "Die Engelbart-Galaxis",
     "scilogs.spektrum.de", "Die Ablehnung der Gendersprache"),
    ("heise online - Lithium aus dem Schredder", "heise online", "", "Lithium aus dem Schredder"),
    ("Nordkorea – Russland: Kim sagt Hilfe zu", "Tagesschau", "", "Nordkorea – Russland: Kim sagt Hilfe zu"),
    ("Startseite | Der eigentliche lange Artikeltitel", "", "", "Der eigentliche lange Artikeltitel"),
])
def test_clean_title(title, site, host, expected):
    assert clean_title(title, site, host) == expected


def test_recursion_error_in_trafilatura_falls_back(monkeypatch):
    def too_deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("trafilatura.extract", too_deep)
    monkeypatch.setattr("trafilatura.extract_metadata", too_deep)
    raw = parse_html(SMALL_PAGE, "test", name="seite.html")
    assert raw.title == "Kleiner Testartikel"
    assert raw.teaser == "Ein kurzer Vorspann zum Test."
    text = article_text(raw)
    assert "<script>alert(1)</script>" in text
    assert "SKRIPTINHALT" not in text and "NOSCRIPTINHALT" not in text and "Startseite" not in text


def test_recursion_error_everywhere_is_a_clear_error(monkeypatch):
    def too_deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("trafilatura.extract", too_deep)
    monkeypatch.setattr("app.sources.html.walk_html", too_deep)
    with pytest.raises(InputError, match=r"^the page is nested too deeply to read\. .*\.txt"):
        parse_html(SMALL_PAGE, "test", name="seite.html")
