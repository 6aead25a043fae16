"""`vorleser build` never replaces a narrator's recording by accident: the check runs while the
article's lock is held (so a build racing an alignment cannot slip past it), and
--replace-recording is the one way to replace it with synthetic speech."""
from __future__ import annotations

import json

from app.cli import main
from tests.web.web_support import make_recording

SECTIONS = [("Erster Teil", [["Ein Satz der Sprecherin."]])]


def _text(tmp_path):
    src = tmp_path / "neu.txt"
    src.write_text("Gelesen\n\nEin anderer Vorspann.\n\n## Teil\n\nEin neuer Satz.\n", "utf-8")
    return src


def test_build_refuses_to_replace_a_recording(tmp_path, capsys):
    audio = tmp_path / "audio"
    audio.mkdir()
    make_recording(audio, "gelesen", "Gelesen", "Ein Vorspann.", SECTIONS)
    manifest = audio / "gelesen" / "manifest.json"
    before = manifest.read_bytes()
    code = main(["build", str(_text(tmp_path)), "--slug", "gelesen", "--out", str(audio), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "narrator's recording" in err and "--replace-recording" in err
    assert manifest.read_bytes() == before
    assert not list(audio.rglob("*.partial"))


def test_replace_recording_builds_synthetic_speech(tmp_path, capsys):
    audio = tmp_path / "audio"
    audio.mkdir()
    make_recording(audio, "gelesen", "Gelesen", "Ein Vorspann.", SECTIONS)
    code = main(["build", str(_text(tmp_path)), "--slug", "gelesen", "--out", str(audio), "--quiet",
                 "--replace-recording"])
    assert code == 0, capsys.readouterr().err
    data = json.loads((audio / "gelesen" / "manifest.json").read_text("utf-8"))
    assert data["engine"]["name"] == "espeak"
    assert not any("alignment" in s for s in data["sections"])
