import io
import zipfile

from app.web.zipstream import CHUNK, stream_zip


def test_stream_zip_roundtrip():
    big = bytes(range(256)) * (CHUNK // 128)  # more than one chunk
    entries = [("01 - Größe.mp3", io.BytesIO(b"eins"), 1_700_000_000.0),
               ("02 - leer.mp3", io.BytesIO(b""), 0.0),
               ("03 - groß.mp3", io.BytesIO(big), 1_700_000_000.0)]
    parts = list(stream_zip(entries))
    assert len(parts) > 3  # streamed in pieces, not one blob
    archive = zipfile.ZipFile(io.BytesIO(b"".join(parts)))
    assert archive.testzip() is None
    assert archive.namelist() == ["01 - Größe.mp3", "02 - leer.mp3", "03 - groß.mp3"]
    assert archive.read("01 - Größe.mp3") == b"eins"
    assert archive.read("02 - leer.mp3") == b""
    assert archive.read("03 - groß.mp3") == big
    assert all(i.compress_type == zipfile.ZIP_STORED for i in archive.infolist())
    assert archive.getinfo("02 - leer.mp3").date_time[0] == 1980  # clamped to the ZIP epoch


def test_empty_zip_is_valid():
    archive = zipfile.ZipFile(io.BytesIO(b"".join(stream_zip([]))))
    assert archive.namelist() == []
