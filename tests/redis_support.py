"""A real redis-server for the queue tests: own port, own data folder, stopped at the end.

With CI=true a missing redis-server fails the test (never a skip)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

IN_CI = os.environ.get("CI") == "true"


def redis_binary() -> str:
    import pytest

    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if found:
        return found
    if IN_CI:
        pytest.fail("redis-server is missing; install it with `apt-get install -y redis-server` (scripts/test.sh does)")
    pytest.skip("redis-server is missing (install it with `apt-get install -y redis-server`)")
    raise AssertionError("unreachable")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, folder: Path, appendonly: bool = False, binary: str | None = None):
        self.folder, self.appendonly = Path(folder), appendonly
        self.binary = binary or redis_binary()
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self.folder.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 15) -> "RedisServer":
        log = open(self.folder / "redis.log", "ab")
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "yes" if self.appendonly else "no", "--appendfsync", "always", "--daemonize", "no",
             "--protected-mode", "yes"], stdout=log, stderr=subprocess.STDOUT)
        log.close()
        import redis
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.folder / 'redis.log').read_text()[-2000:]}")
            try:
                if client.ping():
                    break
            except redis.RedisError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("redis-server did not answer PING in time")
            time.sleep(0.05)
        client.close()
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        """Stop (SIGTERM: with appendonly the data is kept) and start again on the same port."""
        self.stop()
        self.start()

    def flush(self) -> None:
        import redis
        client = redis.Redis.from_url(self.url)
        client.flushall()
        client.close()
