from app import create_app


def _app(built_dir, **extra):
    app = create_app({"AUDIO_DIR": built_dir, **extra})

    @app.get("/kaputt-intern")
    def broken():
        raise RuntimeError("geheimer Stacktrace-Inhalt")

    return app


def test_404_is_german(client):
    response = client.get("/gibt/es/nicht")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert 'lang="de"' in html
    assert "Diese Seite gibt es nicht" in html
    assert response.mimetype == "text/html"


def test_own_404_message_is_used(client):
    html = client.get("/artikel/gibt-es-nicht").get_data(as_text=True)
    assert "Diesen Artikel gibt es nicht" in html


def test_500_without_traceback(built_dir):
    client = _app(built_dir).test_client()
    response = client.get("/kaputt-intern")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "interner Fehler" in html
    assert "geheimer" not in html and "Traceback" not in html and "RuntimeError" not in html
    assert response.headers["Content-Security-Policy"]


def test_missing_error_template_falls_back(built_dir, tmp_path):
    client = _app(built_dir, TEMPLATE_FOLDER=tmp_path).test_client()
    for path, code in (("/nirgends", 404), ("/kaputt-intern", 500)):
        response = client.get(path)
        assert response.status_code == code
        html = response.get_data(as_text=True)
        assert f"Fehler {code}" in html and 'lang="de"' in html


def test_413_for_large_bodies(client):
    response = client.post("/", data=b"x" * (200 * 1024))
    assert response.status_code in (405, 413)
