"""Applying a lexicon to spoken tokens (app.lexicon.apply): display text untouched, every
spoken word still mapped to its displayed word, engine-specific forms, overrides."""
from __future__ import annotations

import re

import pytest

from app.lexicon import load_lexicons
from app.lexicon.apply import apply_lexicon, apply_text
from app.lexicon.model import Entry, Lexicon
from app.lexicon.sources import lexicon_paths
from app.model import RawArticle, RawSection, from_raw
from tests.lexicon.lexicon_support import write_pls

LEX = Lexicon.from_entries([
    Entry(("Meeting",), "m'i:tIN"),
    Entry(("live",), "l'aIf", "leif"),
    Entry(("Joe Biden",), "dZ'oU b'aId@n", "Dschou Baiden"),
    Entry(("Joe",), "dZ'oU"),
    Entry(("Fast Food",), "f'A:stf,u:t", "Fastfud"),
    Entry(("Social Media",), "s'oUS@l m'i:di:@"),
    Entry(("Homeoffice", "Home-Office"), "h'oUm,OfIs"),
    Entry(("Team",), "t'i:m"),
    Entry(("WHO",), None, "Weltgesundheitsorganisation"),
    Entry(("Pjöngjang",), "pj'WNjaN"),
    Entry(("Nr. 5",), None, "Nummer fünf"),
    Entry(("z. B.",), None, "beispielsweise"),
    Entry(("OpenAI",), "'oUp@n eI;'aI", "Open Ei Ei"),
])


def spoken(text: str, engine: str = "espeak", lexicon: Lexicon = LEX) -> list[tuple[str, str]]:
    tokens, _ = apply_text(text, lexicon, engine)
    return [(text[t.start:t.end], t.spoken) for t in tokens]


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Meeting war live.", [("Das", "Das"), ("Meeting", "[[m'i:tIN]]"), ("war", "war"), ("live", "[[l'aIf]].")]),
    ("Live dabei.", [("Live", "[[l'aIf]]"), ("dabei", "dabei.")]),  # capitalised at the start
    ("MEETING", [("MEETING", "MEETING")]),  # all capitals: an acronym, not the word
    ("Joe Biden sprach.", [("Joe", "[[dZ'oU]]"), ("Biden", "[[b'aId@n]]"), ("sprach", "sprach.")]),
    ("Joe, Biden", [("Joe", "[[dZ'oU]],"), ("Biden", "Biden")]),  # punctuation breaks a phrase
    ("Joe sprach.", [("Joe", "[[dZ'oU]]"), ("sprach", "sprach.")]),
    ("Fast Food ist ungesund.", [("Fast Food", "[[f'A:stf,u:t]]"), ("ist", "ist"), ("ungesund", "ungesund.")]),
    ("„Social Media“ wirkt", [("Social", "[[s'oUS@l]]"), ("Media", "[[m'i:di:@]]"), ("wirkt", "wirkt")]),
    ("Die Homeoffice-Pflicht", [("Die", "Die"), ("Homeoffice-Pflicht", "[[h'oUm,OfIs]]-Pflicht")]),
    ("Das Home-Office", [("Das", "Das"), ("Home-Office", "[[h'oUm,OfIs]]")]),  # whole grapheme before parts
    ("Das Homeoffice-Team", [("Das", "Das"), ("Homeoffice-Team", "[[h'oUm,OfIs]] [[t'i:m]]")]),
    ("Die Social-Media-Plattform", [("Die", "Die"),
                                    ("Social-Media-Plattform", "[[s'oUS@l]] [[m'i:di:@]]-Plattform")]),
    ("Die Meetingräume", [("Die", "Die"), ("Meetingräume", "Meetingräume")]),  # no match inside a word
    ("Die WHO warnt.", [("Die", "Die"), ("WHO", "Weltgesundheitsorganisation"), ("warnt", "warnt.")]),
    ("Siehe z. B. hier.", [("Siehe", "Siehe"), ("z. B.", "beispielsweise"), ("hier", "hier.")]),
    ("Die OpenAI-Zentrale", [("Die", "Die"), ("OpenAI-Zentrale", "[['oUp@n eI;'aI]]-Zentrale")]),
])
def test_espeak_gets_phonemes_display_spans_stay(text, expected):
    assert spoken(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Meeting war live.", [("Das", "Das"), ("Meeting", "Meeting"), ("war", "war"), ("live", "leif.")]),
    ("Joe Biden sprach.", [("Joe", "Dschou"), ("Biden", "Baiden"), ("sprach", "sprach.")]),
    ("Fast Food", [("Fast Food", "Fastfud")]),
    ("Die OpenAI-Zentrale", [("Die", "Die"), ("OpenAI-Zentrale", "Open-Ei-Ei-Zentrale")]),
    ("Die WHO warnt.", [("Die", "Die"), ("WHO", "Weltgesundheitsorganisation"), ("warnt", "warnt.")]),
])
def test_gtts_gets_aliases_and_ignores_phonemes(text, expected):
    assert spoken(text, "gtts") == expected


def test_alias_is_normalised_like_text():
    lex = Lexicon.from_entries([Entry(("Bundesliga-Start",), None, "am 1. Mai um 3/4 acht")])
    assert spoken("Der Bundesliga-Start", "gtts", lex)[1][1] == "am ersten Mai um drei Viertel acht"


ARTICLE = RawArticle(
    title="Ein Meeting in Washington",
    teaser="Joe Biden sprach live über Social Media. Danach kam das Team.",
    sections=[RawSection("Homeoffice und Fast Food", 2, ["Die WHO warnt vor Fast Food im Homeoffice.",
                                                         "Ein Satz ohne Lehnwort."])],
    source="test:lexikon")


def _covers(article) -> None:
    for section in article.sections:
        for sentence in section.sentences:
            last = 0
            for token in sentence.tokens:
                assert last <= token.start < token.end <= len(sentence.text) and token.spoken
                last = token.end
            for m in re.finditer(r"\w+", sentence.text):  # every displayed word inside one token
                assert sum(t.start <= m.start() and m.end() <= t.end for t in sentence.tokens) == 1, m.group()


@pytest.mark.parametrize("engine", ["espeak", "gtts"])
def test_article_display_unchanged_every_word_mapped_usage_counted(engine):
    article = from_raw(ARTICLE, "lexikon")
    applied, usage = apply_lexicon(article, LEX, engine)
    assert [s.text for sec in applied.sections for s in sec.sentences] == \
        [s.text for sec in article.sections for s in sec.sentences]
    _covers(applied)
    assert usage.counts == {"Meeting": 1, "Joe Biden": 1, "live": 1, "Social Media": 1, "Team": 1,
                            "Homeoffice": 2, "Fast Food": 2, "WHO": 1}
    unchanged = {s.id for sec in article.sections for s in sec.sentences} - usage.changed
    # gTTS: "Meeting", "Social Media", "Team", "Homeoffice" have no alias, so those stay as written
    expected = {"homeoffice-und-fast-food-2"} | ({"ein-meeting-in-washington-h", "ein-meeting-in-washington-2"}
                                                 if engine == "gtts" else set())
    assert unchanged == expected


def test_empty_lexicon_changes_nothing():
    article = from_raw(ARTICLE, "lexikon")
    applied, usage = apply_lexicon(article, Lexicon(), "espeak")
    assert applied is article and not usage.counts


def test_later_files_override_earlier_ones_and_the_default(tmp_path, monkeypatch):
    first = write_pls(tmp_path / "eins.pls", [("Meeting", "m'e:tIN", None), ("Team", None, "Tiem")])
    second = write_pls(tmp_path / "zwei.pls", [("Meeting", None, "Mieting")])
    monkeypatch.setenv("VORLESER_LEXICON", str(first))
    paths = lexicon_paths([str(second)])
    assert paths == [str(first), str(second)]
    merged = load_lexicons(paths)
    assert merged.sources == ["default.pls", str(first), str(second)]
    assert merged.lookup("Meeting").alias == "Mieting" and merged.lookup("Meeting").phoneme is None
    assert merged.lookup("Team").alias == "Tiem"  # eins.pls overrides the default
    assert merged.lookup("Pjöngjang").phoneme == "pj'WNjaN"  # untouched default entry
    assert spoken("Das Meeting.", "espeak", merged)[1] == ("Meeting", "Mieting.")
    assert load_lexicons(paths, include_default=False).lookup("Pjöngjang") is None
