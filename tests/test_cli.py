"""The command line: build, errors as one line with exit code 2, parallel sources."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main, parser

ROOT = Path(__file__).resolve().parent.parent


def test_build_bundled_then_rebuild_reports_nothing_to_do(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 0
    first = capsys.readouterr().out
    assert "nordkorea-russland: 14 sections" in first and "0 cached" in first
    manifest = json.loads((tmp_path / "nordkorea-russland" / "manifest.json").read_text("utf-8"))
    assert manifest["article"]["source"].startswith("bundled:")
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 0
    second = capsys.readouterr().out
    assert "(0 synthesised," in second and "0 files encoded" in second


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, content, message):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("vorleser: error:") and message in err.lower()
    assert len(err.splitlines()) == 1


def test_missing_file_names_the_file(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_folder_of_sources_builds_in_parallel(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"artikel-{i}.md").write_text(f"# Artikel {i}\n\nVorspann {i}.\n\n## Teil\n\nEin Satz Nummer {i}.\n",
                                            encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"]) == 0
    built = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert built == ["artikel-0", "artikel-1", "artikel-2"]


def test_invalid_option_values_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        parser().parse_args(["build", "--jobs", "0"])
    assert exc.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def test_build_audio_script_is_a_thin_wrapper(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_audio.py"), "--help"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--engine" in proc.stdout


def test_serve_on_a_busy_port_is_a_clear_error(tmp_path, capsys):
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--audio-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err


def test_version_names_the_installed_package(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"vorleser {version('vorleser')}"


def test_a_missing_dependency_is_one_line_naming_the_package(tmp_path, capsys, monkeypatch):
    """As with pip 23.2.1, which dropped lxml[html_clean]: the import fails inside trafilatura."""
    page = tmp_path / "seite.html"
    page.write_text("<html><body><h1>Titel</h1><p>Ein Satz.</p></body></html>", encoding="utf-8")

    def broken_import(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    import trafilatura
    monkeypatch.setattr(trafilatura, "extract", broken_import)
    monkeypatch.setattr(trafilatura, "extract_metadata", broken_import)
    assert main(["build", str(page), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "'lxml_html_clean' is missing" in err and "pip install --upgrade lxml_html_clean" in err


def test_a_text_build_does_not_need_the_html_reader(tmp_path):
    """Text and Markdown builds work even when trafilatura cannot be imported."""
    src = tmp_path / "artikel.txt"
    src.write_text("Titel\nVorspann.\nAbschnitt\nEin Satz.\n", encoding="utf-8")
    code = ("import sys; sys.modules['trafilatura'] = None; from app.cli import main; "
            f"sys.exit(main(['build', {str(src)!r}, '--out', {str(tmp_path / 'out')!r}, '--quiet']))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_one_source_crashing_does_not_lose_the_others(tmp_path, capsys, monkeypatch):
    """An unexpected exception in one parallel source is reported on one line; the others are built."""
    import app.sources.load as load

    good = tmp_path / "gut.txt"
    good.write_text("Guter Titel\nVorspann.\nAbschnitt\nEin Satz.\n", encoding="utf-8")
    bad = tmp_path / "kaputt.txt"
    bad.write_text("Anderer Titel\nVorspann.\nAbschnitt\nEin Satz.\n", encoding="utf-8")
    real = load.load_source

    def crash_on_bad(spec):
        if spec and spec.endswith("kaputt.txt"):
            raise RuntimeError("simulated bug")
        return real(spec)

    monkeypatch.setattr("app.sources.load_source", crash_on_bad)  # the worker processes are forked with it
    out = tmp_path / "out"
    assert main(["build", str(good), str(bad), "--out", str(out), "--quiet", "--jobs", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("gut: 2 sections")  # the slug comes from the file name
    assert (out / "gut" / "manifest.json").is_file()
    assert "kaputt.txt: unexpected RuntimeError: simulated bug" in captured.err
    assert "Traceback" not in captured.err
    assert "1 of 2 sources failed: " in captured.err


@pytest.mark.parametrize("bad", ["Bad Slug!", "../evil", "Groß", "_x", "a" * 82])
def test_a_bad_slug_is_refused_before_any_work(tmp_path, capsys, bad):
    src = tmp_path / "a.txt"
    src.write_text("Titel\nVorspann.\nAbschnitt\nEin Satz.\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(src), "--slug", bad, "--out", str(out), "--quiet"])
    assert exit_.value.code == 2
    assert "is not an article name" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "evil").exists()


BAD_ENVIRONMENT = [
    ("worker", "VORLESER_JOB_LEASE", "abc", "a number of seconds"),
    ("worker", "VORLESER_JOB_LEASE", "0", "1 or more"),
    ("worker", "VORLESER_BUILD_JOBS", "-1", "1 or more"),
    ("worker", "VORLESER_QUEUE", "http://queue.example", "redis://"),
    ("worker", "VORLESER_FETCH_PORTS", "80,99999", "1 to 65535"),
    ("serve", "VORLESER_QUEUE", "redis", "redis://"),
    ("serve", "VORLESER_JOB_LEASE", "lang", "a number of seconds"),
    ("serve", "VORLESER_LOGIN_RATE_LIMIT", "10 per fortnight", "10 per minute"),
    ("serve", "VORLESER_LOGIN_RATE_LIMIT", "0 per minute", "1 or more"),
    ("serve", "VORLESER_RATELIMIT_STORAGE", "nirgends", "redis://"),
    ("serve", "VORLESER_PRIVATE", "vielleicht", "1 to switch it on"),
    ("serve", "VORLESER_SECURE_COOKIES", "2", "1 to switch it on"),
    ("serve", "VORLESER_BEHIND_PROXY", "false", "number of proxies"),
    ("serve", "VORLESER_X_ACCEL", "/", "URL path prefix"),
    ("serve", "VORLESER_EMBED_ORIGINS", "zeitung.example/pfad", "https://zeitung.example"),
]


@pytest.mark.parametrize("command, name, value, expected", BAD_ENVIRONMENT)
def test_a_bad_environment_value_is_one_line_naming_it(tmp_path, capsys, monkeypatch, command, name, value,
                                                       expected):
    """The command stops at its start: one line with the variable, the value and what it expects."""
    monkeypatch.setenv(name, value)
    assert main([command, "--audio-dir", str(tmp_path / "audio"), "--workers", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("vorleser: error:") and name in err and value in err and expected in err


def test_a_bad_environment_value_ends_the_real_command_without_a_traceback(tmp_path):
    env = {**os.environ, "VORLESER_BUILD_JOBS": "zwei", "VORLESER_AUDIO_DIR": str(tmp_path / "audio")}
    proc = subprocess.run([sys.executable, "-m", "app.cli", "worker"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("vorleser: error: VORLESER_BUILD_JOBS='zwei' is not valid: expected the number "
                                   "of encoder threads per queued build, 1 or more; correct the environment "
                                   "variable or unset it for the default")


@pytest.mark.parametrize("argv, message", [
    (["serve", "--workers", "-1"], "argument --workers: '-1' must be 0 or more"),
    (["serve", "--port", "70000"], "argument --port: '70000' is out of range: use 1 to 65535"),
    (["build", "--rate", "20"], "argument --rate: '20' is out of range: use 80 to 450"),
    (["build", "--pitch", "100"], "argument --pitch: '100' is out of range: use 0 to 99"),
    (["aussprache", "Hallo", "--rate", "schnell"], "argument --rate: 'schnell' is not a whole number"),
    (["aussprache", "Hallo", "--pitch", "-1"], "argument --pitch: '-1' is out of range: use 0 to 99"),
])
def test_out_of_range_options_are_argparse_errors(capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        parser().parse_args(argv)
    assert exc.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith(message)


def _help(*argv: str) -> None:
    """Print the help of a subcommand (argparse exits after it)."""
    with pytest.raises(SystemExit):
        parser().parse_args([*argv, "--help"])


@pytest.mark.parametrize("command", ["build", "aussprache", "align"])
def test_lexicon_help_names_the_editors_lexicon_and_the_order(capsys, command):
    _help(command)
    text = " ".join(capsys.readouterr().out.split())
    assert "the editors' lexicon edited on the web page /aussprache (aussprache.pls in the instance folder" in text
    assert "a later one winning for the same word" in text
    assert text.index("bundled default") < text.index("/aussprache") < text.index("$VORLESER_LEXICON") \
        < text.index("then each --lexicon")


def test_worker_help_says_the_output_folder_is_the_web_servers(capsys):
    _help("worker")
    assert "it must be the same folder the web server uses" in " ".join(capsys.readouterr().out.split())


def _serve_on_busy_port(tmp_path, capsys, workers: str) -> str:
    """Run ``vorleser serve`` until it fails to listen (the port is taken): what it printed to stderr."""
    import socket
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--audio-dir", str(tmp_path), "--workers", workers]) == 2
    return capsys.readouterr().err


def test_serve_without_workers_on_the_embedded_queue_says_how_to_start_one(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VORLESER_QUEUE", raising=False)
    notes = [line for line in _serve_on_busy_port(tmp_path, capsys, "0").splitlines() if "--workers 0" in line]
    assert notes == [f"Note: --workers 0 with the embedded queue: articles added on the web wait until a worker "
                     f"runs on this machine for the same output folder: vorleser worker --audio-dir {tmp_path}"]


@pytest.mark.parametrize("workers, queue", [("1", ""), ("0", "redis://127.0.0.1:1/0")])
def test_serve_says_nothing_about_workers_when_jobs_run(tmp_path, capsys, monkeypatch, workers, queue):
    """With in-process workers, or with Redis (workers elsewhere), there is nothing to warn about."""
    monkeypatch.setenv("VORLESER_QUEUE", queue)
    assert "--workers 0" not in _serve_on_busy_port(tmp_path, capsys, workers)
