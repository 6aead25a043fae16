"""The build: output files, manifest invariants, audio alignment, caching."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
from mutagen.id3 import ID3

from app.engines import get_engine
from app.errors import BuildLockedError
from app.ffmpeg import decode_pcm
from app.model import from_raw
from app.pipeline.build import BuildOptions, build_article
from app.pipeline.versions import Versions
from tests.support import small_raw

FRAME = 1152  # samples per MP3 frame (MPEG-2 layer III at 22.05 kHz: 576; one MPEG-1 frame is the bound)
WORD_RE = re.compile(r"[\w\d]+(?:[-'’.,:][\w\d]+)*", re.UNICODE)


def _build(out, raw=None, slug="klein"):
    return build_article(from_raw(raw or small_raw(), slug), get_engine("espeak"), BuildOptions(out_dir=out, quiet=True))


def test_bundled_output_files(bundled_build):
    out, manifest, result = bundled_build
    folder = out / manifest["article"]["slug"]
    for key in ("schema", "article", "engine", "duration_ms", "full", "sections"):
        assert key in manifest
    assert set(manifest["article"]) >= {"slug", "title", "teaser", "lang", "source"}
    assert set(manifest["engine"]) >= {"name", "voice", "settings"}
    assert manifest["engine"]["name"] == "espeak"
    names = {p.name for p in folder.iterdir()}
    assert {"manifest.json", "captions.vtt", "chapters.vtt", manifest["full"]["file"]} <= names
    for i, section in enumerate(manifest["sections"], start=1):
        assert section["file"] == f"{i:02d}-{section['id']}.mp3"
        assert (folder / section["file"]).stat().st_size == section["bytes"]
    assert manifest["sections"][0]["level"] == 1
    assert manifest["sections"][0]["heading"] == manifest["article"]["title"]
    assert result.synthesised == result.sentences and result.encoded == len(manifest["sections"]) + 1


def test_times_monotonic_and_inside_file(bundled_build):
    _, manifest, _ = bundled_build
    for section in manifest["sections"]:
        last = 0
        for sentence in section["sentences"]:
            assert last <= sentence["begin_ms"] <= sentence["end_ms"] <= section["duration_ms"]
            last = sentence["end_ms"]
            w_last = sentence["begin_ms"]
            for word in sentence["words"]:
                assert w_last <= word["begin_ms"] <= word["end_ms"] <= sentence["end_ms"] + 1
                w_last = word["begin_ms"]
    offsets = [s["offset_ms"] for s in manifest["sections"]]
    assert offsets == sorted(offsets) and offsets[0] == 0


def test_every_displayed_word_covered_once(bundled_build):
    _, manifest, _ = bundled_build
    for section in manifest["sections"]:
        for sentence in section["sentences"]:
            spans = [(w["start"], w["end"]) for w in sentence["words"]]
            for m in WORD_RE.finditer(sentence["text"]):
                covering = [s for s in spans if s[0] <= m.start() and m.end() <= s[1] + 1]
                inside = [s for s in spans if m.start() <= s[0] < m.end()]
                assert len(covering) == 1 or len(inside) >= 1, (sentence["text"], m.group())
            # spans never overlap
            for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
                assert a1 <= b0


def test_decoded_duration_within_one_frame(bundled_build):
    out, manifest, _ = bundled_build
    folder = out / manifest["article"]["slug"]
    rate = manifest["audio"]["sample_rate"]
    for section in manifest["sections"][:4] + [manifest["full"]]:
        pcm = decode_pcm(folder / section["file"], rate)
        decoded_ms = len(pcm) / 2 / rate * 1000
        assert abs(decoded_ms - section["duration_ms"]) <= FRAME / rate * 1000, section["file"]


def _offset_ms(reference: np.ndarray, decoded: np.ndarray, rate: int, max_lag_ms: int = 60) -> float:
    n = min(len(reference), len(decoded), rate * 8)
    ref = reference[:n].astype(np.float64)
    dec = decoded[:n + rate].astype(np.float64)
    max_lag = rate * max_lag_ms // 1000
    best, best_lag = -np.inf, 0
    for lag in range(-max_lag, max_lag + 1):
        a = ref[max(0, -lag): n - max(0, lag)]
        b = dec[max(0, lag): max(0, lag) + len(a)]
        score = float(np.dot(a, b))
        if score > best:
            best, best_lag = score, lag
    return best_lag * 1000 / rate


def test_mp3_aligned_with_source_pcm(tmp_path):
    """Decode each MP3 with ffmpeg and cross-correlate with the PCM it was encoded from."""
    from app.pipeline import encode as enc
    captured = {}
    real = enc.encode_mp3

    def spy(chunks, rate, path, *a, **k):
        data = b"".join(chunks)
        captured[path.name.strip(".").removesuffix(".tmp")] = (data, rate)
        return real(data, rate, path, *a, **k)

    enc.encode_mp3 = spy
    try:
        _build(tmp_path)
    finally:
        enc.encode_mp3 = real
    assert len(captured) == 4
    folder = tmp_path / "klein"
    for name, (pcm, rate) in captured.items():
        source = np.frombuffer(pcm, dtype=np.int16)
        decoded = np.frombuffer(decode_pcm(folder / name, rate), dtype=np.int16)
        offset = _offset_ms(source, decoded, rate)
        assert abs(offset) <= 2.0, f"{name}: offset {offset:.2f} ms"


def test_id3_tags_and_chapters(bundled_build):
    out, manifest, _ = bundled_build
    folder = out / manifest["article"]["slug"]
    total = len(manifest["sections"])
    for section in manifest["sections"]:
        tags = ID3(folder / section["file"])
        assert tags.version[:2] == (2, 4)
        assert str(tags["TIT2"]) == section["heading"]
        assert str(tags["TALB"]) == manifest["article"]["title"]
        assert str(tags["TRCK"]) == f"{section['index']}/{total}"
        assert str(tags["TLAN"]) == "deu"
    full = ID3(folder / manifest["full"]["file"])
    chapters = sorted(full.getall("CHAP"), key=lambda c: c.start_time)
    assert [c.start_time for c in chapters] == [s["offset_ms"] for s in manifest["sections"]]
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == [s["heading"] for s in manifest["sections"]]
    toc = full.getall("CTOC")[0]
    assert list(toc.child_element_ids) == [c.element_id for c in chapters]


def test_vtt_files(bundled_build):
    out, manifest, _ = bundled_build
    folder = out / manifest["article"]["slug"]
    captions = (folder / "captions.vtt").read_text("utf-8")
    chapters = (folder / "chapters.vtt").read_text("utf-8")
    assert captions.startswith("WEBVTT\n") and chapters.startswith("WEBVTT\n")
    n_sentences = sum(len(s["sentences"]) for s in manifest["sections"])
    assert captions.count(" --> ") == n_sentences
    assert chapters.count(" --> ") == len(manifest["sections"])


def test_rebuild_without_change_does_nothing(tmp_path):
    first = _build(tmp_path)
    assert first.synthesised == first.sentences > 0
    second = _build(tmp_path)
    assert (second.synthesised, second.encoded) == (0, 0)
    assert second.cached == second.sentences


def test_one_sentence_edit_rebuilds_one_section_and_full(tmp_path):
    _build(tmp_path)
    before = json.loads((tmp_path / "klein" / "manifest.json").read_text())
    edited = _build(tmp_path, small_raw(extra=" Ein neuer Satz kam dazu."))
    assert edited.synthesised == 1
    assert edited.encoded == 2  # the second section and the whole article
    after = json.loads((tmp_path / "klein" / "manifest.json").read_text())
    assert before["sections"][1]["hash"] == after["sections"][1]["hash"]
    assert before["sections"][2]["hash"] != after["sections"][2]["hash"]


def test_corrupt_cache_entry_is_resynthesised(tmp_path):
    _build(tmp_path)
    pcm_files = sorted((tmp_path / ".cache").rglob("*.pcm"))
    victim = pcm_files[0]
    data = bytearray(victim.read_bytes())
    data[100:200] = b"\x7f" * 100  # same size, garbage content
    victim.write_bytes(bytes(data))
    # force re-encoding by changing the bitrate so the damaged PCM would be needed
    result = build_article(from_raw(small_raw(), "klein"), get_engine("espeak"),
                           BuildOptions(out_dir=tmp_path, quiet=True, bitrate_kbps=48))
    assert result.synthesised == 1
    assert victim.read_bytes() != bytes(data)


def test_concurrent_build_is_locked(tmp_path):
    versions = Versions(tmp_path, "klein")
    with versions.lock():
        with pytest.raises(BuildLockedError, match="another build of 'klein' is running"):
            _build(tmp_path)


def test_previous_version_kept_until_publish(tmp_path):
    _build(tmp_path)
    link = tmp_path / "klein"
    first_target = link.resolve()
    _build(tmp_path, small_raw(extra=" Noch etwas."))
    assert link.resolve() != first_target
    assert link.is_symlink() and (link / "manifest.json").is_file()
    assert not list((tmp_path / ".versions" / "klein").glob("*.partial"))


def test_relative_output_folder_keeps_its_build(tmp_path, monkeypatch):
    """The default --out is the relative 'audio': the published version must survive its own
    pruning, and a rebuild must find it (regression: the new version was deleted at publish)."""
    monkeypatch.chdir(tmp_path)
    first = build_article(from_raw(small_raw(), "klein"), get_engine("espeak"),
                          BuildOptions(out_dir="audio", quiet=True))
    link = tmp_path / "audio" / "klein"
    assert (link / "manifest.json").is_file()
    second = build_article(from_raw(small_raw(), "klein"), get_engine("espeak"),
                           BuildOptions(out_dir="audio", quiet=True))
    assert (first.encoded, second.encoded, second.synthesised) == (4, 0, 0)
    assert (link / "manifest.json").is_file()
    versions = [p for p in (tmp_path / "audio" / ".versions" / "klein").iterdir()]
    assert link.resolve() in [v.resolve() for v in versions] and len(versions) == 2
