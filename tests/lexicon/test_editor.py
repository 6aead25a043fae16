"""Editing a user lexicon (app.lexicon.editor): add, change, remove; always a valid PLS file."""
from __future__ import annotations

import threading

import pytest

from app.errors import LexiconError
from app.lexicon.editor import add_entry, make_entry, read_entries, remove_entry, update_entry
from app.lexicon.pls import parse_file


def test_add_change_remove_keep_a_valid_file(tmp_path):
    path = tmp_path / "neu" / "redaktion.pls"
    assert read_entries(path) == []
    add_entry(path, make_entry(["Meeting", " Meetings "], "m'i:tIN"))
    add_entry(path, make_entry("WHO", alias="Weltgesundheitsorganisation"))
    assert [(e.graphemes, e.phoneme, e.alias) for e in parse_file(path).entries] == [
        (("Meeting", "Meetings"), "m'i:tIN", None), (("WHO",), None, "Weltgesundheitsorganisation")]
    update_entry(path, "Meetings", make_entry("Meeting", "m'i:tINk", "Mieting"))
    assert [(e.graphemes, e.phoneme, e.alias) for e in read_entries(path)][0] == (("Meeting",), "m'i:tINk", "Mieting")
    removed = remove_entry(path, "WHO")
    assert removed.alias == "Weltgesundheitsorganisation"
    assert [e.graphemes for e in read_entries(path)] == [("Meeting",)]
    assert sorted(p.name for p in path.parent.iterdir()) == ["redaktion.pls", "redaktion.pls.lock"]  # no temp files


@pytest.mark.parametrize(("args", "message"), [
    (([], "m'i:tIN"), "no written form"),
    ((["Team"],), "neither a phoneme nor an alias"),
    ((["Team"], "tˈiːm"), "not eSpeak phoneme code"),
    ((["Team"], "t'i:m]] [[x"), "not eSpeak phoneme code"),
    ((["x" * 201], None, "y"), "too long"),
])
def test_bad_form_input_is_a_clear_error(args, message):
    with pytest.raises(LexiconError, match=message):
        make_entry(*args)


def test_duplicates_and_unknown_graphemes_are_refused(tmp_path):
    path = tmp_path / "l.pls"
    add_entry(path, make_entry(["Team", "Teams"], "t'i:m"))
    add_entry(path, make_entry("Deal", "d'i:l"))
    with pytest.raises(LexiconError, match="'Teams' is already in the lexicon"):
        add_entry(path, make_entry("Teams", "t'i:ms"))
    with pytest.raises(LexiconError, match="'Deal' is already"):
        update_entry(path, "Team", make_entry(["Team", "Deal"], "t'i:m"))
    with pytest.raises(LexiconError, match="'Event' is not in lexicon"):
        update_entry(path, "Event", make_entry("Event", "iv'Ent"))
    with pytest.raises(LexiconError, match="'Event' is not in lexicon"):
        remove_entry(path, "Event")
    assert len(read_entries(path)) == 2


def test_concurrent_edits_lose_nothing(tmp_path):
    path = tmp_path / "l.pls"

    def add(prefix: str) -> None:
        for n in range(15):
            add_entry(path, make_entry(f"{prefix}{n}", alias=f"{prefix} {n}"))

    threads = [threading.Thread(target=add, args=(p,)) for p in ("Alpha", "Beta", "Gamma")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(parse_file(path).entries) == 45


@pytest.mark.parametrize(("graphemes", "phoneme", "alias"), [
    (["x\x00y"], None, "xy"), (["ok"], None, "a\x01b"), (["ok"], None, "a\x7fb"), (["ok"], None, "a\ufffeb"),
    (["x\x9by"], None, "xy"), (["ok"], "a]]b", None), (["ok"], "[[a", None)])
def test_control_characters_and_phoneme_brackets_are_refused(tmp_path, graphemes, phoneme, alias):
    """Security review: lxml refuses such text with a ValueError (a 500 on the page); eSpeak's [[ ]]
    phoneme input must not be closed from inside a phoneme."""
    with pytest.raises(LexiconError, match=r"control character|not eSpeak phoneme code") as info:
        add_entry(tmp_path / "l.pls", make_entry(graphemes, phoneme, alias))
    assert "\n" not in str(info.value)


def test_markup_characters_are_text_in_the_file(tmp_path):
    path = tmp_path / "l.pls"
    add_entry(path, make_entry(['<b>&amp;"\'</b>', "]]>"], None, "<script>&"))
    entry = parse_file(path).entries[0]
    assert entry.graphemes == ('<b>&amp;"\'</b>', "]]>") and entry.alias == "<script>&"
