"""Security review (docs/security-review.md): the secret key and the files with accounts and job
records are readable by their owner only, and the key appears whole or not at all."""
from __future__ import annotations

import os
import stat
import threading

import pytest

from app.accounts.secret import FILE, secret_key
from app.accounts.store import AccountStore
from app.errors import OutputError
from app.jobs.store import SqliteJobStore


@pytest.fixture(autouse=True)
def no_explicit_key(monkeypatch):
    monkeypatch.delenv("VORLESER_SECRET_KEY", raising=False)


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_key_is_made_private_even_with_an_open_umask(tmp_path, open_umask):
    key = secret_key(tmp_path / "inst")
    assert len(key) == 64 and _mode(tmp_path / "inst" / FILE) == 0o600
    assert secret_key(tmp_path / "inst") == key
    assert sorted(p.name for p in (tmp_path / "inst").iterdir()) == [FILE]  # no temp file left


def test_a_key_file_readable_by_others_is_made_private(tmp_path):
    folder = tmp_path / "inst"
    folder.mkdir()
    (folder / FILE).write_text("a" * 64)
    os.chmod(folder / FILE, 0o644)
    assert secret_key(folder) == b"a" * 64
    assert _mode(folder / FILE) == 0o600


def test_a_failed_first_write_leaves_no_broken_key(tmp_path, monkeypatch):
    """A disk that fills up while the key is written must not leave an empty key file behind
    (every later start would then fail)."""
    real = os.fsync
    calls = []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match=r"^cannot create the secret key file"):
        secret_key(tmp_path / "inst")
    assert not (tmp_path / "inst" / FILE).exists()
    assert len(secret_key(tmp_path / "inst")) == 64


def test_concurrent_first_starts_agree_on_one_key(tmp_path):
    keys: list[bytes] = []
    barrier = threading.Barrier(8)

    def start():
        barrier.wait()
        keys.append(secret_key(tmp_path / "inst"))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(keys) == 8 and len(set(keys)) == 1 and len(keys[0]) == 64


def test_accounts_and_job_records_are_private_in_an_open_folder(tmp_path):
    folder = tmp_path / "inst"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # an instance folder made by hand, readable by others
    old = os.umask(0o022)
    try:
        AccountStore(folder).add_user("anna", "ein sehr geheimes passwort")
        SqliteJobStore(folder / "jobs.sqlite3")
    finally:
        os.umask(old)
    assert _mode(folder / "accounts.sqlite3") == 0o600
    assert _mode(folder / "jobs.sqlite3") == 0o600
