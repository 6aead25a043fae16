"""Markdown: title, teaser, heading levels, inline markup stripped."""
from __future__ import annotations

import pytest

from app.errors import InputError
from app.sources import load_source, suggest_slug
from app.sources.markdown import parse_markdown, strip_inline

ARTICLE = """---
title: Wird ignoriert
tags: [nordkorea]
---
<!-- ein Kommentar,
über zwei Zeilen -->
# Kim und *Putin*

Ein **Vorspann** mit [Link](https://example.org) und `Code`.

![Foto von Kim](kim.jpg)

## Das Treffen

Erster Absatz,
über zwei Zeilen.

- Punkt eins
- Punkt _zwei_

### Details

> Ein Zitat aus Moskau.

```python
print("nicht vorlesen")
```

1. Oktober war der Tag.

| Land | Hauptstadt |
|------|------------|
| Russland | Moskau |

Zweiter Abschnitt
-----------------

Text mit Escape \\*kein Stern\\* und ~~alt~~ und Snake_case_Wort.

[ref]: https://example.org
"""


def test_markdown_article(tmp_path):
    path = tmp_path / "Kim & Putin.md"
    path.write_text(ARTICLE, encoding="utf-8")
    raw = load_source(str(path))
    assert raw.title == "Kim und Putin"
    assert raw.teaser == "Ein Vorspann mit Link und Code."
    assert [(s.heading, s.level) for s in raw.sections] == [
        ("Das Treffen", 2), ("Details", 3), ("Zweiter Abschnitt", 2)]
    assert raw.sections[0].paragraphs == ["Erster Absatz, über zwei Zeilen.", "Punkt eins", "Punkt zwei"]
    assert raw.sections[1].paragraphs == ["Ein Zitat aus Moskau.", "1. Oktober war der Tag.",
                                          "Land, Hauptstadt", "Russland, Moskau"]
    assert raw.sections[2].paragraphs == ["Text mit Escape *kein Stern* und alt und Snake_case_Wort."]
    text = repr(raw)
    for unwanted in ("nicht vorlesen", "Kommentar", "Wird ignoriert", "kim.jpg", "Foto", "example.org", "---"):
        assert unwanted not in text
    assert raw.source.startswith("file:") and suggest_slug(str(path), raw) == "kim-putin"


def test_without_h1_the_first_line_is_the_title():
    raw = parse_markdown("Erste Zeile als Titel\nDer Vorspann folgt.\n\n## Teil\n\nText.\n", "t")
    assert raw.title == "Erste Zeile als Titel"
    assert raw.teaser == "Der Vorspann folgt."
    assert [s.heading for s in raw.sections] == ["Teil"]


def test_setext_title_and_no_teaser():
    raw = parse_markdown("Der Titel\n=========\n\n## Gleich ein Abschnitt\n\nText.\n", "t")
    assert (raw.title, raw.teaser) == ("Der Titel", "")
    assert raw.sections[0].paragraphs == ["Text."]


def test_paragraphs_before_first_heading_go_to_title_section():
    raw = parse_markdown("# T\n\nVorspann.\n\nNoch ein Absatz.\n\n## H\n\nText.\n", "t")
    assert [(s.heading, s.paragraphs) for s in raw.sections] == [("T", ["Noch ein Absatz."]), ("H", ["Text."])]


@pytest.mark.parametrize("source, expected", [
    ("**fett** und *kursiv*", "fett und kursiv"),
    ("__fett__ und _kursiv_", "fett und kursiv"),
    ("[Text](http://x.de \"Titel\")", "Text"),
    ("[Text][1] danach", "Text danach"),
    ("![Bild](a.png) weg", "weg"),
    ("a `b*c*` d", "a b*c* d"),
    ("A &amp; B", "A & B"),
    ("<span class=\"x\">Inline</span> HTML", "Inline HTML"),
    ("3 * 4 * 5", "3 * 4 * 5"),
])
def test_strip_inline(source, expected):
    assert strip_inline(source) == expected


def test_only_title():
    raw = parse_markdown("# Nur der Titel\n", "t")
    assert (raw.title, raw.teaser, raw.sections) == ("Nur der Titel", "", [])


def test_raw_html_script_blocks_are_dropped():
    raw = parse_markdown("# T\n\n<script>\nvar geheim = 1;\n</script>\n\nSichtbar.\n", "t")
    assert raw.teaser == "Sichtbar."
    assert "geheim" not in repr(raw)


def test_no_text_at_all(tmp_path):
    path = tmp_path / "nur-kopf.md"
    path.write_text("---\ntitle: x\n---\n<!-- nichts -->\n![Bild](a.png)\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^no article text found in .*nur-kopf\.md"):
        load_source(str(path))
