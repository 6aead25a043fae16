"""File and download names of a build folder."""
import pytest

from app.manifest import names


@pytest.mark.parametrize("index, heading, expected", [
    (3, "Hintergrund des Treffens", "03 - Hintergrund des Treffens.mp3"),
    (2, "Größere Folgen: Ausblick", "02 - Größere Folgen - Ausblick.mp3"),
    (4, 'A/B\\C<D>E"F|G?H*I', "04 - A B C D E F G H I.mp3"),
    (5, "Tab\tund\nZeile\u202egpj.exe", "05 - Tab und Zeile gpj.exe.mp3"),
    (6, "   ", "06.mp3"),
    (12, "Ende...", "12 - Ende.mp3"),
])
def test_section_download_name(index, heading, expected):
    assert names.section_download_name(index, heading) == expected


def test_safe_filename_fallbacks_and_limits():
    assert names.safe_filename("<>?*", "mp3", fallback="artikel") == "artikel.mp3"
    assert names.safe_filename("CON", "mp3") == "_CON.mp3"
    long_name = names.safe_filename("Wort " * 100, "zip")
    assert long_name.endswith(".zip") and len(long_name) <= names.MAX_STEM + 4


@pytest.mark.parametrize("value, ok", [("nordkorea-russland", True), ("a", True), ("0-9", True),
                                       ("-a", False), ("A", False), ("a_b", False), ("a" * 82, False),
                                       ("", False), (None, False), ("ä", False)])
def test_slugs(value, ok):
    assert names.is_slug(value) is ok


def test_section_and_full_file_names():
    assert names.section_file(2, "einleitung") == "02-einleitung.mp3"
    assert names.section_file(12, "x") == "12-x.mp3"
    assert names.full_file("nordkorea-russland") == "nordkorea-russland.mp3"
