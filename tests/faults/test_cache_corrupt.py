"""A damaged sentence cache is detected by checksum and re-synthesised, never encoded.

Three entries are broken three ways (truncated PCM, same-size garbage PCM of
0x7f bytes, garbage JSON). A rebuild that must re-encode every file then
yields sections as long as a clean-cache build's (eSpeak output depends a
little on the batch it is synthesised in, so bytes are not compared) and no
trace of the garbage in the decoded audio.
"""
from __future__ import annotations

import re

import numpy as np

from app.engines import engine_key, get_engine
from app.ffmpeg import decode_pcm
from app.model import from_raw
from app.pipeline.build import cache_keys
from app.pipeline.cache import SentenceCache
from app.sources import load_source
from tests.faults.conftest import SMALL_SLUG, small_source
from tests.faults.fault_support import BuildChecker, cli, copy_build

SUMMARY = re.compile(r"\((\d+) synthesised, (\d+) cached\)")


def _longest_run(samples: np.ndarray, low: int) -> int:
    """Longest run of consecutive samples >= ``low`` (garbage 0x7f7f is 32639)."""
    hot = np.concatenate(([0], (samples >= low).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(hot))
    return int((edges[1::2] - edges[::2]).max()) if edges.size else 0


def test_damaged_cache_entries_are_resynthesised(small_built, tmp_path):
    broken_out = copy_build(small_built, tmp_path / "broken")
    clean_out = copy_build(small_built, tmp_path / "clean")
    # the changed teaser forces every file (all sections and the full MP3) to be re-encoded
    src = small_source(tmp_path)
    src.write_text(src.read_text("utf-8").replace("Und dass niemand hineinkommt.", "Und dass keiner hineinkommt."),
                   "utf-8")
    article = from_raw(load_source(str(src)), SMALL_SLUG)
    cache = broken_out / ".cache" / engine_key(get_engine("espeak"))
    victims = [article.sections[i].sentences[1] for i in (2, 3, 4)]
    keys = cache_keys(article, get_engine("espeak"))
    paths = [cache / keys[s.id][:2] / keys[s.id] for s in victims]
    for path in paths:
        assert path.with_suffix(".pcm").is_file() and path.with_suffix(".json").is_file()
    pcm = paths[0].with_suffix(".pcm")
    pcm.write_bytes(pcm.read_bytes()[: pcm.stat().st_size // 2])  # truncated
    pcm = paths[1].with_suffix(".pcm")
    pcm.write_bytes(b"\x7f" * pcm.stat().st_size)  # same size, garbage: only the checksum can tell
    paths[2].with_suffix(".json").write_text("{kaputt", "utf-8")  # garbage metadata

    code, out, err = cli(["build", str(src), "--out", str(broken_out), "--quiet"])
    assert code == 0, err
    assert "Traceback" not in err
    synthesised, cached = map(int, SUMMARY.search(out).groups())
    assert synthesised == 3 + 1, out  # the three damaged entries and the new teaser sentence
    code, _, err = cli(["build", str(src), "--out", str(clean_out), "--quiet"])
    assert code == 0, err

    checker = BuildChecker()
    broken, _ = checker.check(broken_out, SMALL_SLUG)
    clean, _ = checker.check(clean_out, SMALL_SLUG)
    full = broken_out / SMALL_SLUG / broken["full"]["file"]
    samples = np.frombuffer(decode_pcm(full, broken["audio"]["sample_rate"]), dtype="<i2")
    assert _longest_run(samples, 30000) < 50, "a run of 0x7f7f garbage reached the MP3"
    for mine, theirs in zip(broken["sections"], clean["sections"]):
        assert abs(mine["duration_ms"] - theirs["duration_ms"]) <= 60, mine["file"]
        for a, b in zip(mine["sentences"], theirs["sentences"]):
            assert abs((a["end_ms"] - a["begin_ms"]) - (b["end_ms"] - b["begin_ms"])) <= 60, a["text"]
    # the repaired entries are whole again and pass their checksum
    cache_obj = SentenceCache(cache)
    for path in paths:
        timing = cache_obj.timing(path.name)
        assert timing is not None and cache_obj.pcm(path.name, timing) is not None
