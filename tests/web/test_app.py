import subprocess
import sys
from pathlib import Path

from app import REPO_ROOT, create_app, default_audio_dir


def test_defaults(monkeypatch):
    monkeypatch.delenv("VORLESER_AUDIO_DIR", raising=False)
    monkeypatch.delenv("VORLESER_SECRET_KEY", raising=False)
    app = create_app()
    assert app.config["AUDIO_DIR"] == REPO_ROOT / "audio"
    assert app.config["SECRET_KEY"] not in ("dev", "", None)
    assert create_app().config["SECRET_KEY"] != app.config["SECRET_KEY"]
    assert app.config["MAX_CONTENT_LENGTH"] <= 1024 * 1024
    assert Path(app.template_folder) == REPO_ROOT / "templates"
    assert Path(app.static_folder) == REPO_ROOT / "app" / "static"
    assert not app.debug


def test_environment_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("VORLESER_AUDIO_DIR", str(tmp_path))
    monkeypatch.setenv("VORLESER_SECRET_KEY", "aus-der-umgebung")
    assert default_audio_dir() == tmp_path
    app = create_app({"AUDIO_DIR": str(tmp_path / "x")})
    assert app.config["AUDIO_DIR"] == tmp_path / "x"
    assert app.config["SECRET_KEY"] == "aus-der-umgebung"


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
