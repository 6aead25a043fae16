"""Disk and permission faults during a build: one clear error line, old output still served.

Tests run as root in CI, where ``chmod 0o555`` does not stop writes, so the
faults are made by patching the writers in-process (ENOSPC, EACCES) and, for a
real kernel-enforced limit, by a subprocess with ``RLIMIT_FSIZE``.
"""
from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from pathlib import Path

from app import create_app
from tests.faults.conftest import SMALL_SLUG, small_source
from tests.faults.fault_support import ROOT, BuildChecker, assert_one_line_error, cli


def _served_intact(out: Path, before: tuple) -> None:
    """The reader still serves the old build, byte for byte."""
    assert BuildChecker().check(out, SMALL_SLUG) == before
    manifest, _ = before
    client = create_app({"TESTING": True, "AUDIO_DIR": out}).test_client()
    assert client.get(f"/artikel/{SMALL_SLUG}/manifest.json").get_json() == manifest
    for name in [s["file"] for s in manifest["sections"]] + [manifest["full"]["file"]]:
        response = client.get(f"/artikel/{SMALL_SLUG}/audio/{name}")
        assert response.status_code == 200
        assert response.data == (out / SMALL_SLUG / name).read_bytes()


def _changed_build(out: Path, tmp_path: Path) -> list[str]:
    src = small_source(tmp_path, " Ein neuer Satz kommt hinzu.")
    return ["build", str(src), "--out", str(out), "--quiet"]


def test_disk_full_while_encoding(small_out, tmp_path, monkeypatch):
    from app.pipeline import encode

    real, calls = encode.encode_mp3, []

    def encode_until_full(pcm, rate, out_path, *args, **kwargs):
        calls.append(out_path)
        if len(calls) == 2:  # the second file: half written, then the disk is full
            Path(out_path).write_bytes(b"\xff\xfb" * 1000)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out_path))
        return real(pcm, rate, out_path, *args, **kwargs)

    before = BuildChecker().check(small_out, SMALL_SLUG)
    monkeypatch.setattr(encode, "encode_mp3", encode_until_full)
    code, out, err = cli(_changed_build(small_out, tmp_path))
    assert_one_line_error(code, err, "space")
    _served_intact(small_out, before)


def test_disk_full_while_writing_the_manifest(small_out, tmp_path, monkeypatch):
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).name == "manifest.json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst, *args, **kwargs)

    before = BuildChecker().check(small_out, SMALL_SLUG)
    monkeypatch.setattr(os, "replace", replace)
    code, out, err = cli(_changed_build(small_out, tmp_path))
    monkeypatch.undo()
    assert_one_line_error(code, err, "space")
    _served_intact(small_out, before)


def test_output_folder_not_writable(small_out, tmp_path, monkeypatch):
    """The version folder cannot be created (EACCES, as for a non-root user on a 0o555 folder)."""
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name.endswith(".partial"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_mkdir(self, *args, **kwargs)

    before = BuildChecker().check(small_out, SMALL_SLUG)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    code, out, err = cli(_changed_build(small_out, tmp_path))
    monkeypatch.undo()
    assert_one_line_error(code, err, "permission")
    _served_intact(small_out, before)


def test_output_folder_without_write_access(small_out, tmp_path, monkeypatch):
    """What ``chmod 0o555`` does for a normal user: os.access says no."""
    before = BuildChecker().check(small_out, SMALL_SLUG)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw))
    code, out, err = cli(_changed_build(small_out, tmp_path))
    monkeypatch.undo()
    assert_one_line_error(code, err, "not writable")
    _served_intact(small_out, before)


def test_file_size_limit_in_a_real_build(small_out, tmp_path):
    """A kernel-enforced file size limit (ulimit -f) hits the encoder of the whole-article MP3."""
    before = BuildChecker().check(small_out, SMALL_SLUG)
    manifest = before[0]
    largest = max(s["bytes"] for s in manifest["sections"])
    limit = (largest + manifest["full"]["bytes"]) // 2
    assert largest < limit < manifest["full"]["bytes"]

    def set_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([sys.executable, "-m", "app.cli", *_changed_build(small_out, tmp_path)], cwd=ROOT,
                          preexec_fn=set_limit, capture_output=True, text=True, timeout=120)
    assert proc.returncode != -13, "killed by SIGPIPE without a message (encoder pipe broke)"
    line = assert_one_line_error(proc.returncode, proc.stderr)
    assert any(word in line.lower() for word in ("space", "too large", "size limit")), \
        f"the message does not name the probable cause: {line}"
    _served_intact(small_out, before)
