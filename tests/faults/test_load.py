"""Load: 50 clients for 20 s against the real server while two builds write into its audio folder.

One build adds another article; the other rebuilds the served article, so
the symlink swap happens under load. Every response must be complete: a 200
MP3 body is exactly Content-Length long and byte-identical to one version of
the file; a 206 body matches its Content-Range and the same bytes of one
version.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

from tests.faults.conftest import small_source
from tests.faults.fault_support import BUNDLED, ROOT, SLUG, copy_build, real_server

CLIENTS = 50
SECONDS = 20.0
MAX_REQUESTS_PER_CLIENT = 20_000


def _files(folder) -> dict[str, bytes]:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    names = [s["file"] for s in manifest["sections"]] + [manifest["full"]["file"]]
    return {name: (folder / name).read_bytes() for name in names}


class Client(threading.Thread):
    def __init__(self, number: int, port: int, names: list[str], full: str, deadline: float):
        super().__init__(daemon=True)
        self.rng = random.Random(number)
        self.port, self.names, self.full, self.deadline = port, names, full, deadline
        self.served, self.errors, self.records = 0, [], []

    def run(self) -> None:
        conn = None
        for _ in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() > self.deadline:
                break
            conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self._one(conn)
                self.served += 1
            except Exception as exc:  # every failure is counted, whatever it is
                self.errors.append(repr(exc))
                conn.close()
                conn = None
        if conn:
            conn.close()

    def _one(self, conn: http.client.HTTPConnection) -> None:
        roll = self.rng.random()
        if roll < 0.25:
            path = self.rng.choice(["/", f"/artikel/{SLUG}", f"/artikel/{SLUG}/manifest.json", "/healthz"])
            conn.request("GET", path)
            reply = conn.getresponse()
            body = reply.read()
            if reply.status != 200 or len(body) != int(reply.getheader("Content-Length", len(body))):
                raise AssertionError(f"{path}: {reply.status}, {len(body)} bytes")
            return
        whole = roll < 0.5
        name = self.rng.choice(self.names[:-1]) if whole else self.rng.choice(self.names)
        headers = {}
        if not whole:
            start = self.rng.randrange(0, 300_000)
            headers["Range"] = f"bytes={start}-{start + self.rng.randrange(1, 65536)}"
        conn.request("GET", f"/artikel/{SLUG}/audio/{name}", headers=headers)
        reply = conn.getresponse()
        body = reply.read()
        digest = hashlib.sha256(body).hexdigest()
        if whole:
            if reply.status != 200 or len(body) != int(reply.getheader("Content-Length")):
                raise AssertionError(f"{name}: {reply.status}, {len(body)} bytes")
            self.records.append((name, None, digest))
        else:
            if reply.status == 416:  # the range starts past the end of a short file: a valid answer
                return
            match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", reply.getheader("Content-Range", ""))
            if reply.status != 206 or not match:
                raise AssertionError(f"{name} {headers}: {reply.status}")
            first, last, total = map(int, match.groups())
            if len(body) != last - first + 1:
                raise AssertionError(f"{name}: body {len(body)} != range {first}-{last}")
            self.records.append((name, (first, last, total), digest))


def test_fifty_clients_during_builds(bundled_build, tmp_path):
    audio = copy_build(bundled_build[0], tmp_path / "audio")
    before = _files(audio / SLUG)
    names = list(before)
    full = names[-1]
    lines = BUNDLED.read_text("utf-8").split("\n")
    for i in (4, 38):  # the rebuild changes two paragraphs (two sections and the full MP3)
        lines[i] = lines[i].replace(".", " heute.", 2)
    variant = tmp_path / "variante.txt"
    variant.write_text("\n".join(lines), "utf-8")
    other = small_source(tmp_path)
    old_link = os.readlink(audio / SLUG)

    with real_server(audio) as port:
        deadline = time.monotonic() + SECONDS
        clients = [Client(n, port, names, full, deadline) for n in range(CLIENTS)]
        for client in clients:
            client.start()
        while sum(c.served for c in clients) < CLIENTS and time.monotonic() < deadline:
            time.sleep(0.01)  # poll: the builds start once every client is being served
        builds = [subprocess.Popen([sys.executable, "-m", "app.cli", "build", *argv, "--out", str(audio), "--quiet"],
                                   cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for argv in ([str(other)], [str(variant), "--slug", SLUG])]
        swapped_at = None
        while time.monotonic() < deadline:
            if swapped_at is None and os.readlink(audio / SLUG) != old_link:
                swapped_at = time.monotonic()
            time.sleep(0.05)
        for client in clients:
            client.join(timeout=60)
        results = [b.communicate(timeout=300) + (b.returncode,) for b in builds]

    for out, err, code in results:
        assert code == 0 and "Traceback" not in err, err
    after = _files(audio / SLUG)
    versions = {name: [before[name], after[name]] for name in names}
    digests = {name: {hashlib.sha256(v).hexdigest() for v in data} for name, data in versions.items()}
    served = sum(c.served for c in clients)
    errors = [e for c in clients for e in c.errors]
    torn = 0
    for client in clients:
        for name, span, digest in client.records:
            if span is None:
                torn += digest not in digests[name]
            else:
                first, last, total = span
                torn += not any(len(v) == total and hashlib.sha256(v[first:last + 1]).hexdigest() == digest
                                for v in versions[name])
    print(f"\nload: {CLIENTS} clients, {SECONDS:.0f} s, {served} requests served, {len(errors)} errors, "
          f"{torn} torn bodies, swap {'at %.1f s before the end' % (deadline - swapped_at) if swapped_at else 'missed'}")
    assert errors == [], errors[:5]
    assert torn == 0
    assert served > CLIENTS * 5
    assert swapped_at is not None, "the rebuild did not swap the served version during the load"
    assert before[full] != after[full]
    assert (audio / "klein" / "manifest.json").is_file()
