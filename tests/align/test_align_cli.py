"""`vorleser align` through the command line: the summary, and bad input as one line with
exit 2 and no traceback, leaving what was built before untouched."""
from __future__ import annotations

import json
import os
import shutil
import wave
from pathlib import Path

import numpy as np
import pytest

from app.model import RawArticle, RawSection, from_raw
from tests.align.conftest import SLUG, narrator
from tests.align.groundtruth import narrate
from tests.faults.fault_support import assert_one_line_error, cli
from tests.support import small_raw


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The short article as a text file (what a user passes)."""
    raw = small_raw()
    lines = [raw.title, raw.teaser]
    for section in raw.sections:
        lines += [section.heading, *section.paragraphs]
    path = tmp_path_factory.mktemp("source") / f"{SLUG}.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def built(source, narrated, tmp_path_factory) -> Path:
    """An audio folder where the CLI aligned the narration once."""
    out = tmp_path_factory.mktemp("cli-audio")
    code, stdout, err = cli(["align", str(source), str(narrated.path), "--out", str(out), "--quiet"])
    assert code == 0, err
    assert f"{SLUG}: 3 sections" in stdout and "aligned" in stdout and "confidence" in stdout
    return out


def _silence_wav(path: Path, seconds: float) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        rng = np.random.default_rng(1)
        w.writeframes((rng.standard_normal(int(16000 * seconds)) * 30).astype("<i2").tobytes())
    return path


def _other_article_recording(tmp: Path) -> Path:
    other = from_raw(RawArticle("Das Wetter am Wochenende", "Sonne im Süden, Regen im Norden.", [
        RawSection("Samstag", 2, ["Der Samstag beginnt mit dichtem Nebel an den Flüssen.",
                                  "Am Nachmittag wird es bis zu zwanzig Grad warm."]),
        RawSection("Sonntag", 2, ["Von Westen ziehen kräftige Schauer und Gewitter heran.",
                                  "In den Bergen fällt oberhalb von tausend Metern Schnee."])], "test:other"), "wetter")
    return narrate(other, narrator(name="other"), tmp / "anderer-artikel.mp3").path


CASES = [
    ("missing-file", lambda tmp, n: [tmp / "fehlt.mp3"], "does not exist"),
    ("empty-file", lambda tmp, n: [_touch(tmp / "leer.mp3")], "is empty"),
    ("not-audio", lambda tmp, n: [_text(tmp / "text.mp3")], "ffmpeg cannot decode the recording text.mp3"),
    ("too-short", lambda tmp, n: [_silence_wav(tmp / "kurz.wav", 0.1)], "is only 0.10 s long"),
    ("wrong-count", lambda tmp, n: [n.path, n.path], "2 recordings for an article of 3 sections"),
    ("only-noise", lambda tmp, n: [_silence_wav(tmp / "rauschen.wav", 20)], "does not match"),
    ("another-article", lambda tmp, n: [_other_article_recording(tmp)], "does not match this article"),
]


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _text(path: Path) -> Path:
    path.write_text("Das ist keine Audiodatei, nur Text.\n" * 50, "utf-8")
    return path


@pytest.mark.parametrize("case,make,needle", CASES, ids=[c[0] for c in CASES])
def test_bad_recording_is_one_line_and_keeps_the_previous_output(case, make, needle, built, source, narrated,
                                                                  tmp_path):
    out = tmp_path / "audio"
    shutil.copytree(built, out, symlinks=True)
    before = (out / SLUG / "manifest.json").read_bytes()
    target = os.readlink(out / SLUG)
    code, _, err = cli(["align", str(source), *map(str, make(tmp_path, narrated)), "--out", str(out), "--quiet"])
    assert_one_line_error(code, err, needle)
    assert (out / SLUG / "manifest.json").read_bytes() == before
    assert os.readlink(out / SLUG) == target
    assert not list((out / ".versions" / SLUG).glob("*.partial"))


def test_skipped_paragraph_is_refused_naming_section_paragraph_and_confidence(article, source, built, tmp_path):
    short = narrate(article, narrator(name="ohne-absatz", drop=(1, 1)), tmp_path / "ohne-absatz.mp3")
    code, _, err = cli(["align", str(source), str(short.path), "--out", str(tmp_path / "out"), "--quiet"])
    line = assert_one_line_error(code, err, "does not match the text in section 2 'Erster Abschnitt' confidence")
    assert "paragraph 1 not found" in line
    assert "Zweiter Abschnitt" not in line and "section 1 " not in line  # the other sections passed
    confidence = float(line.split("confidence ")[1][:4])
    assert confidence < 0.85
    assert not (tmp_path / "out" / SLUG).exists()


def test_bad_source_and_options(narrated, tmp_path):
    code, _, err = cli(["align", str(tmp_path / "fehlt.txt"), str(narrated.path), "--out", str(tmp_path), "--quiet"])
    assert_one_line_error(code, err, "fehlt.txt")
    with pytest.raises(SystemExit) as exc:
        cli(["align", "bundled:nordkorea-russland.txt"])  # no recording: argparse's usage error
    assert exc.value.code == 2


def test_progress_and_summary_like_build(source, narrated, tmp_path):
    code, stdout, err = cli(["align", str(source), str(narrated.path), "--out", str(tmp_path), "--slug", "sprecher"])
    assert code == 0, err
    assert "reference for sprecher" in err and "aligning sprecher" in err and "encoding sprecher" in err
    assert stdout.startswith("sprecher: 3 sections") and str(tmp_path / "sprecher") in stdout
    manifest = json.loads((tmp_path / "sprecher" / "manifest.json").read_text("utf-8"))
    assert manifest["engine"]["name"] == "recording"
    assert manifest["engine"]["settings"]["recordings"][0]["file"] == narrated.path.name
