"""Plain-text format: title, teaser, heading lines, paragraphs."""
from __future__ import annotations

import pytest

from app.model import from_raw
from app.sources import DEFAULT_ARTICLE, load_source, suggest_slug
from app.sources.plaintext import heading_like, parse_text

BUNDLED_HEADINGS = [
    "Einleitung", "Hintergrund des Treffens", "Die Rolle Nordkoreas im Ukraine-Konflikt",
    "Reaktionen von Russland", "Historische Beziehungen zwischen Nordkorea und Russland",
    "Internationale Reaktionen", "Russlands strategische Partnerschaft mit Nordkorea",
    "Kim Jong Uns politische Rhetorik", "Nordkoreas militärische Unterstützung von Russland",
    "Russlands militärische Abhängigkeit und Nordkoreas Nutzen",
    "Globale geopolitische Auswirkungen", "Zukünftige Entwicklungen", "Abschluss",
]


def test_bundled_article():
    raw = load_source(None)
    lines = DEFAULT_ARTICLE.read_text(encoding="utf-8").splitlines()
    assert raw.title == "Nordkoreas Unterstützung für Russland im Ukraine-Krieg: Eine detaillierte Analyse"
    assert raw.teaser == lines[1]
    assert raw.source == "bundled:nordkorea-russland.txt"
    assert raw.lang == "de"
    assert [s.heading for s in raw.sections] == BUNDLED_HEADINGS
    assert all(s.level == 2 for s in raw.sections)
    assert [len(s.paragraphs) for s in raw.sections] == [1] + [2] * 11 + [1]
    assert raw.sections[0].paragraphs[0].startswith("Unter großer internationaler Aufmerksamkeit")
    # every line of the file is used exactly once
    used = [raw.title, raw.teaser] + [x for s in raw.sections for x in [s.heading, *s.paragraphs]]
    assert used == [line.strip() for line in lines if line.strip()]


def test_bundled_spec_and_slug():
    assert load_source("bundled:nordkorea-russland.txt") == load_source(None)
    assert suggest_slug(None, load_source(None)) == "nordkorea-russland"
    assert from_raw(load_source(None)).sections[1].heading == "Einleitung"


def test_same_as_bundled_with_crlf_bom_trailing_spaces_and_blank_lines(tmp_path):
    original = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    messy = "\ufeff" + "\r\n\r\n".join(line + "  \t" for line in original.splitlines()) + "\r\n\r\n"
    path = tmp_path / "messy.txt"
    path.write_bytes(messy.encode("utf-8"))
    raw, ref = load_source(str(path)), load_source(None)
    assert (raw.title, raw.teaser, raw.sections) == (ref.title, ref.teaser, ref.sections)
    assert raw.source == f"file:{path.resolve()}"
    assert suggest_slug(str(path), raw) == "messy"


def test_paragraphs_without_headings_become_one_section():
    text = ("Mein Titel\n\nDer Vorspann steht hier.\n\nErster Absatz mit Text.\n\n"
            "Zweiter Absatz mit mehr Text.\n")
    raw = parse_text(text, "test")
    assert raw.title == "Mein Titel"
    assert raw.teaser == "Der Vorspann steht hier."
    assert len(raw.sections) == 1
    assert raw.sections[0].heading == "Mein Titel"
    assert raw.sections[0].level == 2
    assert raw.sections[0].paragraphs == ["Erster Absatz mit Text.", "Zweiter Absatz mit mehr Text."]


def test_question_heading():
    text = ("Titel\nVorspann.\nWas will Kim?\n"
            "Kim Jong Un will Anerkennung und Devisen, so die Einschätzung vieler Fachleute in Seoul.\n"
            "Wie reagiert Moskau auf das Angebot aus Pjöngjang und was bedeutet das für die Ukraine "
            "in den kommenden Monaten?\nDas bleibt offen.\n")
    raw = parse_text(text, "test")
    assert [s.heading for s in raw.sections] == ["Was will Kim"+"?"]
    # a long question is a paragraph, not a heading
    assert raw.sections[0].paragraphs[1].startswith("Wie reagiert Moskau")


def test_heading_needs_a_following_paragraph():
    raw = parse_text("Titel\nVorspann.\nEins\nZwei\nDrei\n", "test")
    assert raw.teaser == "Vorspann."
    assert raw.sections[0].heading == "Titel"
    assert raw.sections[0].paragraphs == ["Eins", "Zwei", "Drei"]


def test_heading_right_after_title_means_no_teaser():
    raw = parse_text("Titel\nEinleitung\nDer erste Absatz beginnt hier.\n", "test")
    assert raw.teaser == ""
    assert raw.sections[0].heading == "Einleitung"
    assert raw.sections[0].paragraphs == ["Der erste Absatz beginnt hier."]


def test_only_a_title():
    raw = parse_text("Nur ein Titel\n\n", "test")
    assert (raw.title, raw.teaser, raw.sections) == ("Nur ein Titel", "", [])
    assert len(from_raw(raw).sections) == 1


def test_hard_wrapped_paragraphs_are_joined():
    text = ("Ein Titel\n\nEin Vorspann in einer Zeile.\n\nZwischentitel\n"
            "Dies ist ein Absatz, der von einem Editor nach etwa sechzig Zeichen\n"
            "umgebrochen wurde und trotzdem ein einziger Absatz bleiben soll, auch\n"
            "wenn er über drei Zeilen geht.\n\n"
            "Der zweite Absatz ist ebenfalls umgebrochen, aber nur auf\nzwei Zeilen.\n")
    raw = parse_text(text, "test")
    assert [s.heading for s in raw.sections] == ["Zwischentitel"]
    paragraphs = raw.sections[0].paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Dies ist ein Absatz") and paragraphs[0].endswith("drei Zeilen geht.")
    assert "sechzig Zeichen umgebrochen" in paragraphs[0]


def test_one_megabyte_single_paragraph(tmp_path):
    sentence = "Nordkorea sichert Russland Unterstützung zu, sagt die Agentur KCNA. "
    text = sentence * (1_000_000 // len(sentence) + 1)
    path = tmp_path / "lang-text.txt"
    path.write_text(text, encoding="utf-8")
    raw = load_source(str(path))
    assert raw.title == "Lang text"  # from the file name: the line is no title
    body = raw.sections[0].paragraphs
    assert len(body) == 1 and len(body[0]) == len(text.strip())


@pytest.mark.parametrize("line, expected", [
    ("Einleitung", True), ("Was will Kim?", True), ("Der Satz endet hier.", False),
    ("Er sagte: „Nein.“", False), ("Zitat:", False), ("x" * 101, False), ("", False),
    ("Warum " + "sehr " * 16 + "lange Fragen?", False),
])
def test_heading_like(line, expected):
    assert heading_like(line) is expected


def test_path_objects_are_accepted(tmp_path):
    path = tmp_path / "Mein Artikel.txt"
    path.write_text("Titel\nVorspann.\n", encoding="utf-8")
    raw = load_source(path)
    assert (raw.title, raw.teaser) == ("Titel", "Vorspann.")
    assert suggest_slug(path, raw) == "mein-artikel"
