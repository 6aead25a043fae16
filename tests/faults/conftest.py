"""Fixtures for the fault tests: a small built article to break things around."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.fault_support import cli, copy_build

SMALL_SLUG = "klein"
SMALL_TEXT = """Ein kleiner Artikel für Fehlertests
Er prüft, dass nichts verloren geht. Und dass niemand hineinkommt.
Erster Abschnitt
Am Montag begann die Sitzung in der Hauptstadt. Die Delegationen kamen früh. Alle waren pünktlich da.
Zweiter Abschnitt
Die Gespräche dauerten bis zum Abend. Danach gab es eine kurze Pressekonferenz. Fragen waren nicht erlaubt.
Dritter Abschnitt
Am nächsten Tag reisten alle wieder ab. Die Ergebnisse bleiben vorerst geheim. Beobachter sind skeptisch.
Vierter Abschnitt
Eine Fortsetzung ist für den Herbst geplant. Der Ort steht noch nicht fest. Man rechnet mit Protesten.
"""


def small_source(folder: Path, extra: str = "") -> Path:
    """The small article as ``klein.txt``; ``extra`` is appended to the last paragraph."""
    path = folder / f"{SMALL_SLUG}.txt"
    path.write_text(SMALL_TEXT.rstrip("\n") + extra + "\n", "utf-8")
    return path


@pytest.fixture(scope="session")
def small_built(tmp_path_factory) -> Path:
    """An audio folder with the small article built once (eSpeak, warm cache)."""
    base = tmp_path_factory.mktemp("small")
    out = base / "audio"
    code, _, err = cli(["build", str(small_source(base)), "--out", str(out), "--quiet"])
    assert code == 0, err
    return out


@pytest.fixture
def small_out(small_built, tmp_path) -> Path:
    """A private copy of the small build that a test may break."""
    return copy_build(small_built, tmp_path / "audio")
