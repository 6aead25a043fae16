"""Helpers shared by tests (not fixtures)."""
from __future__ import annotations

from app.model import RawArticle, RawSection


def small_raw(extra: str = "") -> RawArticle:
    return RawArticle(
        title="Ein kleiner Testartikel",
        teaser="Er prüft die Sprachausgabe. Und die Zeiten.",
        sections=[
            RawSection("Erster Abschnitt", 2, ["Am 1. Mai war z. B. alles ruhig. Dann kam der Regen.",
                                               "Ein zweiter Absatz folgt hier."]),
            RawSection("Zweiter Abschnitt", 2, ["Hier steht ein Satz." + extra, "Noch ein Satz zum Schluss!"]),
        ],
        source="test:small",
    )


def wait_until_serving(proc, url: str, timeout: float, output) -> None:
    """Poll ``url`` until it answers 200. Fail the test, with the server's output
    (``output()`` returns it), if the process dies or does not answer in time."""
    import time
    import urllib.request

    import pytest

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{output()}")
        try:
            with urllib.request.urlopen(url, timeout=1) as res:
                if res.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop(proc)
            pytest.fail(f"server did not answer {url} within {timeout:.0f} s:\n{output()}")
        time.sleep(0.1)


def stop(proc, timeout: float = 10) -> None:
    """Terminate a server process, kill it if it does not stop in time."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
