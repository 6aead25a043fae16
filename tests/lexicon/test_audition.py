"""Auditioning (app.lexicon.audition) and `vorleser aussprache`."""
from __future__ import annotations

import pytest

from app.cli import main
from app.errors import InputError
from app.lexicon import load_lexicons
from app.lexicon.audition import audition, phoneme_warning
from tests.lexicon.lexicon_support import write_pls


def _is_mp3(data: bytes) -> bool:
    return len(data) > 1000 and (data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0))


def test_audition_shows_before_and_after_and_makes_an_mp3():
    result = audition("Die ARD berichtete live. Das Meeting!", load_lexicons())
    assert result.spoken_before == "Die ARD berichtete live. Das Meeting!"
    assert result.spoken_after == "Die ARD berichtete [[l'aIf]]. Das [[m'i:tIN]]!"
    assert "l'i:v@" in result.phonemes_before and "m'e:tIN" in result.phonemes_before
    assert "l'aIf" in result.phonemes_after and "m'i:tIN" in result.phonemes_after
    assert [e.graphemes[0] for e in result.entries] == ["live", "Meeting"] and result.warnings == []
    assert _is_mp3(result.mp3) and 1000 < result.duration_ms < 6000


def test_gtts_audition_uses_the_alias_without_network(tmp_path):
    lexicon = load_lexicons([write_pls(tmp_path / "a.pls", [("WHO", "v'u:", "Weltgesundheitsorganisation")])])
    result = audition("Die WHO warnt.", lexicon, "gtts", sample=False)
    assert result.spoken_after == "Die Weltgesundheitsorganisation warnt." and result.mp3 is None


def test_unknown_phoneme_names_are_warned_about():
    assert phoneme_warning("pj'WNjaN") is None
    assert "'pj'" in phoneme_warning("pj'9NjaN")  # eSpeak has no phoneme 9 for German: it stops there


@pytest.mark.parametrize("text", ["", "   ", "– …", "x" * 1001])
def test_empty_or_long_text_is_refused(text):
    with pytest.raises(InputError):
        audition(text, load_lexicons(), sample=False)


def test_aussprache_command_prints_and_writes_the_sample(tmp_path, capsys):
    own = write_pls(tmp_path / "eigen.pls", [("Pjöngjang", "pj'9NjaN", None)])
    sample = tmp_path / "probe.mp3"
    assert main(["aussprache", "Joe Biden in Pjöngjang", "--lexicon", str(own), "-o", str(sample)]) == 0
    out, err = capsys.readouterr()
    assert "[[dZ'oU]] [[b'aId@n]] in [[pj'9NjaN]]" in out and "j'o:@ b'i:d@n" in out
    assert f"Pjöngjang -> pj'9NjaN   [{own}, line 3]" in out and "sample" in out and str(sample) in out
    assert "warning: eSpeak reads the phoneme code" in err
    assert _is_mp3(sample.read_bytes())
    assert main(["aussprache", " ", "-o", str(tmp_path / "leer.mp3")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("vorleser: error: nothing to audition") and len(err.splitlines()) == 1
    assert not (tmp_path / "leer.mp3").exists()
