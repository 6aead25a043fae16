"""Articles and helpers for the export tests (not fixtures)."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from app.model import RawArticle, RawSection, from_raw

IN_CI = os.environ.get("CI") == "true"
MEDIUM = "vorlese-test"
SMALL = "klein"


def medium_raw() -> RawArticle:
    """About 40 s of speech; the title section alone is longer than 12 s (seek tests)."""
    return RawArticle(
        title="Ein Testartikel für die Exporte",
        teaser=("Dieser Artikel prüft das E-Book, den Podcast und die statische Seite. Er ist lang genug, "
                "damit man in der ersten Datei zehn Sekunden weit springen kann, und er hat drei Abschnitte "
                "mit unterschiedlichen Ebenen. Die Sätze bleiben kurz und gut verständlich."),
        sections=[
            RawSection("Erster Abschnitt", 2, ["Am 1. Mai war z. B. alles ruhig. Dann kam der Regen.",
                                               "Ein zweiter Absatz folgt hier, live aus Washington."]),
            RawSection("Eine Unterüberschrift", 3, ["Hier steht ein Satz mit „Anführungszeichen“ & Zeichen."]),
            RawSection("2024: Zahlen & <Fakten>", 5, ["Im Jahr 2024 stieg der Wert um 3,5 % auf <10> Punkte."]),
            RawSection("Zweiter Abschnitt", 2, ["Noch ein Satz zum Schluss!"]),
        ],
        source="test:medium",
    )


def small_raw() -> RawArticle:
    return RawArticle(title="Kleiner Artikel", teaser="Nur ein kurzer Vorspann.",
                      sections=[RawSection("Einziger Abschnitt", 2, ["Ein Satz. Und noch einer."])],
                      source="test:small")


def build(raw: RawArticle, slug: str, out: Path) -> None:
    from app.engines import get_engine
    from app.pipeline.build import BuildOptions, build_article

    build_article(from_raw(raw, slug), get_engine("espeak"), BuildOptions(out_dir=out, quiet=True, jobs=2))


def require(condition: bool, what: str, install: str) -> None:
    """Skip (or, when CI=true, fail) when a tool the test needs is missing."""
    if condition:
        return
    message = f"{what} is missing; install it with: {install}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def epub_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()
