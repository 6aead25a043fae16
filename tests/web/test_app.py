import subprocess
import sys
from pathlib import Path

from app import create_app
from app.paths import audio_dir, data_home, source_checkout

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_defaults(monkeypatch, tmp_path):
    for name in ("VORLESER_AUDIO_DIR", "VORLESER_SECRET_KEY", "VORLESER_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("VORLESER_INSTANCE", str(tmp_path / "instance"))
    app = create_app()
    assert app.config["AUDIO_DIR"] == REPO_ROOT / "audio"
    assert app.config["SECRET_KEY"] not in ("dev", "", None)
    # generated once into the instance folder (0600): a second process signs with the same key
    key_file = tmp_path / "instance" / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert create_app().config["SECRET_KEY"] == app.config["SECRET_KEY"] == key_file.read_text().strip().encode()
    monkeypatch.setenv("VORLESER_INSTANCE", str(tmp_path / "other"))
    assert create_app().config["SECRET_KEY"] != app.config["SECRET_KEY"]
    assert app.config["MAX_CONTENT_LENGTH"] <= 1024 * 1024
    assert Path(app.template_folder) == REPO_ROOT / "templates"
    assert Path(app.static_folder) == REPO_ROOT / "app" / "static"
    assert not app.debug


def test_environment_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("VORLESER_AUDIO_DIR", str(tmp_path))
    monkeypatch.setenv("VORLESER_SECRET_KEY", "aus-der-umgebung")
    assert audio_dir() == tmp_path
    app = create_app({"AUDIO_DIR": str(tmp_path / "x")})
    assert app.config["AUDIO_DIR"] == tmp_path / "x"
    assert app.config["SECRET_KEY"] == "aus-der-umgebung"


def test_data_folder_is_the_checkout_here_and_per_user_when_installed(monkeypatch, tmp_path):
    for name in ("VORLESER_AUDIO_DIR", "VORLESER_HOME"):
        monkeypatch.delenv(name, raising=False)
    assert source_checkout() == REPO_ROOT and data_home() == REPO_ROOT
    monkeypatch.setattr("app.paths.PACKAGE_DIR", tmp_path / "site-packages" / "app")  # as a wheel installs it
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert source_checkout() is None
    assert audio_dir() == tmp_path / "share" / "vorleser" / "audio"
    monkeypatch.setenv("VORLESER_HOME", str(tmp_path / "eigen"))
    assert audio_dir() == tmp_path / "eigen" / "audio"


def test_every_command_and_the_app_agree_on_the_library(monkeypatch, tmp_path):
    """Started from any folder, build, serve, export and the Flask app use the same audio folder."""
    from app.cli import parser

    monkeypatch.delenv("VORLESER_AUDIO_DIR", raising=False)
    monkeypatch.setenv("VORLESER_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path.parent)
    expected = tmp_path / "audio"
    assert Path(parser().parse_args(["build"]).out) == expected
    assert Path(parser().parse_args(["serve"]).audio_dir) == expected
    assert Path(parser().parse_args(["export", "epub", "x"]).audio_dir) == expected
    assert create_app().config["AUDIO_DIR"] == expected


def test_mmss_filter_is_global(app):
    with app.app_context():
        rendered = app.jinja_env.from_string("{{ 92400|mmss }} {{ 2100000|size_label }}").render()
    assert rendered == "1:32 2,1 MB"


def test_flask_cli_finds_the_factory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "routes"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "VORLESER_AUDIO_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    for endpoint in ("reader.library", "reader.article", "files.audio", "files.sections_zip"):
        assert endpoint in result.stdout
