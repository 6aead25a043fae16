"""SIGKILL and Ctrl-C during real ``vorleser build`` runs: nothing served is ever lost or partial.

Each trial starts ``python -m app.cli build`` on the bundled article or on an
edited variant (same slug, so it replaces the same output), with some of the
target's cache entries removed so that every trial synthesises and encodes.
The build is killed with SIGKILL either after a seeded random delay or while
it is held at a named checkpoint (``app/checkpoints.py``: cache writes, MP3
encoding, VTT writes, manifest write, folder renamed, symlink swapped), so a
phase is hit exactly, never by racing the build on a loaded machine. After each
kill the served build is checked through ``<out>/<slug>/``; then the next build
must complete and reuse the cache: it synthesises exactly the sentences the
killed build had not cached yet.
"""
from __future__ import annotations

import collections
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.engines import engine_key, get_engine
from app.model import from_raw
from app.pipeline.build import cache_keys
from app.sources import load_source
from tests.faults.fault_support import BUNDLED, ROOT, SLUG, BuildChecker, HeldBuild, cli, copy_build

SEED = 20261129
TRIALS = 20
# trigger per trial: a seeded random delay, or a checkpoint the build is held at
MODES = ["delay", "synthesised", "encoding", "delay", "sidecars", "delay", "encoding", "manifest", "renamed",
         "published"] * 2
PHASES = {"synthesised": "synthesis/cache writes", "encoding": "encoding", "sidecars": "VTT writes",
          "manifest": "manifest write", "renamed": "renamed, not yet linked", "published": "published"}
SUMMARY = re.compile(r"\((\d+) synthesised, (\d+) cached\)")


@dataclass
class Target:
    name: str
    argv: list[str]  # source arguments for `vorleser build`
    keys: list[str]  # unique cache keys of its sentences


class KillLab:
    """An audio folder with the bundled build, its cache, and the edited variants."""

    def __init__(self, out: Path, tmp: Path):
        self.out = out
        self.link = out / SLUG
        self.versions = out / ".versions" / SLUG
        self.rng = random.Random(SEED)
        engine = get_engine("espeak")  # the CLI's defaults: rate 175, pitch 50
        self.ekey = engine_key(engine)
        self.cache = out / ".cache" / self.ekey
        self.checker = BuildChecker()
        self.targets = [self._target("bundled", None)]
        lines = BUNDLED.read_text("utf-8").split("\n")
        body = [i for i, line in enumerate(lines) if i >= 3 and len(line) > 200]
        for n in range(3):
            edited = list(lines)
            for i in self.rng.sample(body, 3):  # every sentence of three paragraphs changes
                edited[i] = re.sub(r"([.!?])(\s|$)", rf" in Fassung {n + 2}\1\2", edited[i])
            path = tmp / f"variante-{n + 2}.txt"
            path.write_text("\n".join(edited), "utf-8")
            self.targets.append(self._target(path.name, path))
        self.log: list[dict] = []

    def _target(self, name: str, path: Path | None) -> Target:
        raw = load_source(str(path) if path else None)
        article = from_raw(raw, SLUG)
        keys = sorted(set(cache_keys(article, get_engine("espeak")).values()))
        argv = [str(path), "--slug", SLUG] if path else []
        return Target(name, argv, keys)

    def cached(self, key: str) -> bool:
        return (self.cache / key[:2] / f"{key}.json").is_file()

    def forget(self, target: Target, count: int) -> list[str]:
        """Remove ``count`` random cache entries of the target; return its missing keys."""
        for key in self.rng.sample(target.keys, count):
            for suffix in (".pcm", ".json"):
                (self.cache / key[:2] / f"{key}{suffix}").unlink(missing_ok=True)
        return [k for k in target.keys if not self.cached(k)]

    def command(self, target: Target) -> list[str]:
        return [sys.executable, "-m", "app.cli", "build", *target.argv, "--out", str(self.out), "--quiet"]

    def partial_names(self) -> set[str]:
        names: set[str] = set()
        for entry in os.scandir(self.versions):
            if entry.name.endswith(".partial"):
                names |= set(os.listdir(entry.path))
        return names

    def phase(self, before_link: str, before_versions: set[str], missing: list[str]) -> str:
        """Where a build killed at a random moment was, judged from what it left on disk."""
        if os.readlink(self.link) != before_link:
            return "published"
        complete = {p.name for p in self.versions.iterdir() if not p.name.endswith(".partial")}
        if complete - before_versions:
            return "renamed, not yet linked"
        names = self.partial_names()
        if any(n.startswith((".manifest.json", "manifest.json")) for n in names):
            return "manifest write"
        if any(".vtt" in n for n in names):
            return "VTT writes"
        if any(n.endswith(".mp3.tmp") for n in names):
            return "encoding"
        if any(self.cached(k) for k in missing):
            return "synthesis/cache writes"
        if any(p.name.endswith(".partial") for p in self.versions.iterdir()):
            return "output folder created"
        return "start-up"


def _start(lab: KillLab, target: Target, mode: str, delay: float) -> HeldBuild:
    """Start the build; return once it is held at checkpoint ``mode`` (or after ``delay`` s for 'delay')."""
    if mode == "delay":
        build = HeldBuild.start(lab.command(target), [])
        try:
            build.proc.wait(timeout=delay)  # a random moment to kill at, not a synchronisation
        except subprocess.TimeoutExpired:
            pass
        return build
    return HeldBuild.start(lab.command(target), [mode])


def _kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the build (True if it was still running), then reap its ffmpeg children."""
    running = proc.poll() is None
    if running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # orphaned encoders of our own process group
    except ProcessLookupError:
        pass
    return running


@pytest.fixture(scope="module")
def lab(bundled_build, tmp_path_factory) -> KillLab:
    out = copy_build(bundled_build[0], tmp_path_factory.mktemp("kill") / "audio")
    lab = KillLab(out, tmp_path_factory.mktemp("kill-src"))
    # calibrate: one uninterrupted subprocess build of a variant
    target = lab.targets[1]
    lab.forget(target, 6)
    t0 = time.monotonic()
    proc = subprocess.run(lab.command(target), cwd=ROOT, capture_output=True, text=True, timeout=300)
    lab.full_seconds = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    lab.current = lab.checker.check(out, SLUG)
    return lab


def _trial(lab: KillLab, number: int, mode: str) -> dict:
    target = lab.targets[0] if number % 2 == 0 else lab.targets[1 + (number // 2) % 3]
    missing = lab.forget(target, 6)
    before_link = os.readlink(lab.link)
    before_versions = {p.name for p in lab.versions.iterdir() if not p.name.endswith(".partial")}
    old_manifest, old_digests = lab.current
    delay = lab.rng.uniform(0.05, 1.1 * lab.full_seconds)

    t0 = time.monotonic()
    build = _start(lab, target, mode, delay)
    at = time.monotonic() - t0
    if mode != "delay":
        assert build.reached == mode, f"the build never reached checkpoint {mode!r}: {build.stderr()}"
    proc = build.proc
    killed = _kill(proc)
    _, err = proc.communicate()
    build.close()
    assert "Traceback" not in err, err
    if mode != "delay":
        phase = PHASES[mode]  # held there when killed: exact by construction
    else:
        phase = lab.phase(before_link, before_versions, missing) if killed else "finished before the kill"

    # what is served now is a complete build: the previous one, byte for byte, or the new one
    manifest, digests = lab.checker.check(lab.out, SLUG)
    if os.readlink(lab.link) == before_link:
        assert manifest == old_manifest and digests == old_digests, "the previous build changed"
    else:
        assert phase in ("published", "finished before the kill")

    # the next build completes and synthesises exactly what the killed one had not cached
    still_missing = [k for k in target.keys if not lab.cached(k)]
    code, out, err = cli(["build", *target.argv, "--out", str(lab.out), "--quiet"])
    assert code == 0, err
    synthesised, cached = map(int, SUMMARY.search(out).groups())
    assert cached > 0 and synthesised == len(still_missing), out
    lab.current = lab.checker.check(lab.out, SLUG)
    return {"trial": number, "target": target.name, "mode": mode, "at": round(at, 2), "killed": killed,
            "phase": phase, "missing": len(missing), "cached_by_killed": len(missing) - len(still_missing)}


def test_sigkill_at_any_point_keeps_the_served_build_intact(lab):
    for number in range(TRIALS):
        lab.log.append(_trial(lab, number, MODES[number % len(MODES)]))
    kills = [t for t in lab.log if t["killed"]]
    phases = collections.Counter(t["phase"] for t in kills)
    print(f"\nkill trials: {len(lab.log)} run, {len(kills)} killed, full build {lab.full_seconds:.1f} s, "
          f"{lab.checker.decoded} MP3s decoded; phases: {dict(phases)}")
    for t in lab.log:
        print("  ", t)
    # every checkpoint trial killed the build exactly in its phase (asserted per trial)
    assert set(PHASES.values()) <= set(phases), phases


def _interrupt(lab: KillLab, checkpoint: str) -> tuple[int, str, str]:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) while the build is held at
    ``checkpoint``; the build is then let go, so a deferred interrupt is seen at the next check."""
    target = lab.targets[2]
    lab.forget(target, 8)
    before_link = os.readlink(lab.link)
    old = lab.current
    build = HeldBuild.start(lab.command(target), [checkpoint])
    assert build.reached == checkpoint, f"the build never reached {checkpoint!r}: {build.stderr()}"
    os.killpg(build.proc.pid, signal.SIGINT)
    build.release()
    out, err = build.proc.communicate(timeout=120)
    build.close()
    assert os.readlink(lab.link) == before_link, "an interrupted build published"
    assert lab.checker.check(lab.out, SLUG) == old
    assert not any(p.name.endswith(".partial") for p in lab.versions.iterdir()), "the partial folder was left"
    return build.proc.returncode, out, err


@pytest.mark.parametrize("checkpoint", ["synthesised", "espeak-between-items", "encoding", "manifest",
                                        "renamed"])
def test_ctrl_c_exits_130_with_one_line(lab, checkpoint):
    code, out, err = _interrupt(lab, checkpoint)
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert code == 130, (code, err)
    assert len(lines) == 1 and "interrupted" in lines[0], err
    assert out == ""


def test_build_killed_between_rename_and_swap_does_not_evict_the_served_version(small_out, tmp_path):
    """A build killed after renaming its folder but before the symlink swap leaves a complete,
    never-served version behind. The next publish must keep the version that was being served
    until then (requests in flight read it), not the orphan."""
    import shutil

    from tests.faults.conftest import SMALL_SLUG, small_source

    link = small_out / SMALL_SLUG
    served = link.resolve()
    orphan = served.parent / "20991231T235959-1-orphan"  # what the killed build left
    shutil.copytree(served, orphan)
    os.utime(orphan)  # it was written after the served version
    code, _, err = cli(["build", str(small_source(tmp_path, " Neu.")), "--out", str(small_out), "--quiet"])
    assert code == 0, err
    assert link.resolve() not in (served, orphan)
    assert served.is_dir(), "the version served until the swap was deleted; the orphan was kept"
