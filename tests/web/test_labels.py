import pytest

from app.web import labels


@pytest.mark.parametrize("ms, expected", [
    (0, "0:00"), (999, "0:00"), (1000, "0:01"), (92_400, "1:32"), (770_403, "12:50"),
    (3_600_000, "1:00:00"), (3_723_000, "1:02:03"), (-5, "0:00"), (None, "0:00"), ("x", "0:00"),
])
def test_mmss(ms, expected):
    assert labels.mmss(ms) == expected


@pytest.mark.parametrize("size, expected", [
    (0, "0 Byte"), (999, "999 Byte"), (1000, "1 kB"), (512_345, "512 kB"),
    (999_600, "1,0 MB"), (2_100_000, "2,1 MB"), (6_164_105, "6,2 MB"), (1_300_000_000, "1,3 GB"),
    (None, "0 Byte"),
])
def test_size_label(size, expected):
    assert labels.size_label(size) == expected


def test_download_label():
    assert labels.download_label(2_100_000, 92_000) == "MP3 herunterladen, 2,1 MB, 1:32 Min."
    assert labels.download_label(60_000_000, 3_723_000) == "MP3 herunterladen, 60,0 MB, 1:02:03 Std."


def test_ascii_fallback_transliterates_german():
    assert labels.ascii_fallback("03 - Größere Übel für Bär.mp3") == "03 - Groessere Uebel fuer Baer.mp3"
    assert labels.ascii_fallback("日本.mp3") == "download.mp3"
    assert labels.ascii_fallback("Café ñ.mp3") == "Cafe n.mp3"
    assert labels.ascii_fallback("日本") == "download"


def test_content_disposition_has_ascii_and_utf8_names():
    header = labels.content_disposition("03 - Größe.mp3")
    assert header == ("attachment; filename=\"03 - Groesse.mp3\"; "
                      "filename*=UTF-8''03%20-%20Gr%C3%B6%C3%9Fe.mp3")
    assert "\n" not in labels.content_disposition("a\nb.mp3")
