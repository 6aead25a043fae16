"""Helpers shared by tests (not fixtures)."""
from __future__ import annotations

from app.model import RawArticle, RawSection


def small_raw(extra: str = "") -> RawArticle:
    return RawArticle(
        title="Ein kleiner Testartikel",
        teaser="Er prüft die Sprachausgabe. Und die Zeiten.",
        sections=[
            RawSection("Erster Abschnitt", 2, ["Am 1. Mai war z. B. alles ruhig. Dann kam der Regen.",
                                               "Ein zweiter Absatz folgt hier."]),
            RawSection("Zweiter Abschnitt", 2, ["Hier steht ein Satz." + extra, "Noch ein Satz zum Schluss!"]),
        ],
        source="test:small",
    )
