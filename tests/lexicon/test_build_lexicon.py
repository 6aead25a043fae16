"""The lexicon in a build: eSpeak word events with phoneme input, the cache (build counters),
the PLS written next to the audio, and the build's command-line options."""
from __future__ import annotations

import bisect
import json

import pytest

from app.cli import main
from app.engines import get_engine
from app.lexicon import apply_text, load_lexicons
from app.lexicon.editor import make_entry, update_entry
from app.lexicon.pls import parse_file
from app.model import RawArticle, RawSection, Sentence, from_raw
from app.pipeline.build import BuildOptions, build_article, speech_item
from app.text.normalize import tokenize
from tests.lexicon.lexicon_support import write_pls


def _event_tokens(engine, item) -> set[int]:
    """Indexes of the tokens that got an eSpeak WORD event of their own (as map_onsets maps them)."""
    engine.synthesize([item])
    starts, hit = list(item.token_starts), set()
    for text_position, _, _ in engine._events:  # the engine's raw WORD events of the last item
        pos = text_position - 1
        while pos < len(item.text) and item.text[pos].isspace():
            pos += 1
        hit.add(bisect.bisect_right(starts, pos) - 1)
    return hit


def _item(tokens):
    return speech_item(Sentence("s", "text", 1, "", tuple(tokens)))


@pytest.mark.parametrize("text", [
    "Joe Biden sprach in Washington über das Meeting, live aus dem Homeoffice.",
    "Kim Jong Un droht Pjöngjang mit Social Media, sagte Selenskyj.",
    "Das Homeoffice-Team und die Social-Media-Plattform von OpenAI.",
])
def test_word_events_still_land_on_their_tokens_with_phoneme_input(text):
    engine = get_engine("espeak")
    lexicon = load_lexicons()
    tokens, usage = apply_text(text, lexicon, "espeak")
    assert usage.replaced >= 3 and any("[[" in t.spoken for t in tokens)
    plain = tokenize(text)
    with_lexicon = _event_tokens(engine, _item(tokens))
    without = _event_tokens(engine, _item(plain))
    shown = [text[t.start:t.end] for t in tokens]
    missed = {shown[i] for i in range(len(tokens)) if i not in with_lexicon}
    missed_before = {text[t.start:t.end] for i, t in enumerate(plain) if i not in without}
    assert missed <= missed_before, f"tokens without a WORD event: {missed - missed_before}"
    onsets = engine.synthesize([_item(tokens)])[0].token_onsets
    assert onsets == sorted(onsets) and len(set(onsets)) == len(onsets)


RAW = RawArticle(
    title="Ein kleiner Artikel",
    teaser="Er prüft das Lexikon.",
    sections=[RawSection("Erster Abschnitt", 2, ["Das Meeting beginnt um neun.", "Das Team wartet."]),
              RawSection("Zweiter Abschnitt", 2, ["Nach dem Meeting lobte sie das Team.", "Ein Satz ohne Lehnwort."])],
    source="test:lexikon")


def _build(out, lexicon):
    return build_article(from_raw(RAW, "lexikon"), get_engine("espeak"),
                         BuildOptions(out_dir=out, quiet=True, jobs=2, lexicon=lexicon))


def test_editing_one_entry_resynthesises_exactly_the_sentences_that_contain_it(tmp_path):
    user = write_pls(tmp_path / "redaktion.pls", [("Meeting", "m'i:tIN", None), ("Team", "t'i:m", None)])
    out = tmp_path / "audio"
    first = _build(out, load_lexicons([user]))
    assert first.synthesised == first.sentences == 8
    assert first.lexicon.counts == {"Meeting": 2, "Team": 2}
    assert _build(out, load_lexicons([user])).synthesised == 0

    update_entry(user, "Meeting", make_entry("Meeting", "m'i:tINk"))
    edited = _build(out, load_lexicons([user]))
    assert edited.synthesised == 2 and edited.cached == 6  # "Das Meeting beginnt", "Nach dem Meeting ..."
    assert edited.encoded == 3  # both sections that hold one, and the whole-article file
    manifest = json.loads((out / "lexikon" / "manifest.json").read_text("utf-8"))
    spoken = {s["text"]: s["spoken"] for sec in manifest["sections"] for s in sec["sentences"]}
    assert spoken["Das Meeting beginnt um neun."] == "Das [[m'i:tINk]] beginnt um neun."
    assert spoken["Nach dem Meeting lobte sie das Team."] == "Nach dem [[m'i:tINk]] lobte sie das [[t'i:m]]."
    assert spoken["Ein Satz ohne Lehnwort."] == "Ein Satz ohne Lehnwort."

    assert manifest["lexicon"] == "aussprache.pls"
    written = parse_file(out / "lexikon" / "aussprache.pls")
    assert {e.graphemes[0]: e.phoneme for e in written.entries} == {"Meeting": "m'i:tINk", "Team": "t'i:m"}
    assert all(e.others and e.others[0][0] == "ipa" for e in written.entries)
    for section in manifest["sections"]:  # every displayed word still has its word timing
        for sentence in section["sentences"]:
            words = sentence["text"].rstrip(".").split()
            assert [sentence["text"][w["start"]:w["end"]] for w in sentence["words"]] == words


def test_without_a_lexicon_nothing_is_applied_or_written(tmp_path):
    result = _build(tmp_path, None)
    manifest = json.loads((tmp_path / "lexikon" / "manifest.json").read_text("utf-8"))
    assert result.lexicon is None and "lexicon" not in manifest
    assert not (tmp_path / "lexikon" / "aussprache.pls").exists()
    assert all("[[" not in s["spoken"] for sec in manifest["sections"] for s in sec["sentences"])


def test_build_options_lexicon_files_env_and_verbose(tmp_path, capsys, monkeypatch):
    src = tmp_path / "artikel.md"
    src.write_text("# Pjöngjang live\n\nDas Meeting in Washington.\n\n## Teil\n\nEin Team.\n", encoding="utf-8")
    env = write_pls(tmp_path / "env.pls", [("Team", None, "Tiem"), ("Nirgendwo", None, "Nirgends")])
    cli = write_pls(tmp_path / "cli.pls", [("Team", "t'e:am", None), ("Gibtsnicht", "g'i:pt", None)])
    monkeypatch.setenv("VORLESER_LEXICON", str(env))
    out = tmp_path / "audio"
    assert main(["build", str(src), "--out", str(out), "--quiet", "--verbose", "--lexicon", str(cli)]) == 0
    err = capsys.readouterr().err
    assert f"lexicon {env}: 1 graphemes never occur in the article: Nirgendwo" in err
    assert f"lexicon {cli}: 1 graphemes never occur in the article: Gibtsnicht" in err
    spoken = [s["spoken"] for sec in json.loads((out / "artikel" / "manifest.json").read_text("utf-8"))["sections"]
              for s in sec["sentences"]]
    assert "[[pj'WNjaN]] [[l'aIf]]" in spoken and "Ein [[t'e:am]]." in spoken  # default, then cli.pls wins
    assert main(["build", str(src), "--out", str(tmp_path / "ohne"), "--quiet", "--no-default-lexicon"]) == 0
    assert capsys.readouterr().err == ""  # no --verbose: no report
    spoken = [s["spoken"] for sec in json.loads((tmp_path / "ohne" / "artikel" / "manifest.json")
                                                 .read_text("utf-8"))["sections"] for s in sec["sentences"]]
    assert "Pjöngjang live" in spoken and "Ein Tiem." in spoken  # $VORLESER_LEXICON still applies
