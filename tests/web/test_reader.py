"""Pages: library, reader, healthz. Assertions on data, escaping and headers, not markup."""
import json

from flask import template_rendered

from tests.web.web_support import SLUG, XSS_SLUG


class Rendered:
    """Collects (template name, context) of every render during a request."""

    def __init__(self, app):
        self.app, self.items = app, []

    def __enter__(self):
        template_rendered.connect(self._record, self.app)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self._record, self.app)

    def _record(self, sender, template, context, **extra):
        self.items.append((template.name, context))

    def context(self, name):
        return next(ctx for tname, ctx in self.items if tname == name)


def test_library_lists_articles_with_data(app, client):
    with Rendered(app) as rendered:
        response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    articles = rendered.context("library.html")["articles"]
    entry = next(a for a in articles if a["slug"] == SLUG)
    assert entry == {"slug": SLUG, "title": "Treffen in Wladiwostok",
                     "teaser": "Ein kurzer Testartikel über ein Treffen.", "duration_ms": 6000,
                     "duration_label": "0:06", "sections": 3, "url": f"/artikel/{SLUG}"}
    assert {a["slug"] for a in articles} == {SLUG, XSS_SLUG}
    for text in ("Treffen in Wladiwostok", "Ein kurzer Testartikel über ein Treffen.", "0:06",
                 f'href="/artikel/{SLUG}"'):
        assert text in html
    assert "kaputt" not in html and "unfertig" not in html


def test_library_survives_broken_manifest(own_dir, own_client):
    (own_dir / SLUG / "manifest.json").write_bytes(b"\xff\xfe not json")
    (own_dir / XSS_SLUG / "manifest.json").write_text('{"schema": "vorleser-manifest/1"}')
    response = own_client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Treffen in Wladiwostok" not in html and "alert" not in html
    assert own_client.get(f"/artikel/{SLUG}").status_code == 404
    assert own_client.get("/healthz").get_json() == {"status": "ok", "articles": 0}


def test_empty_library_renders(tmp_path):
    from app import create_app
    response = create_app({"AUDIO_DIR": tmp_path / "leer"}).test_client().get("/")
    assert response.status_code == 200
    assert 'lang="de"' in response.get_data(as_text=True)


def test_reader_context(app, client, manifest):
    with Rendered(app) as rendered:
        response = client.get(f"/artikel/{SLUG}")
    assert response.status_code == 200
    context = rendered.context("reader.html")
    shown = context["manifest"]
    assert shown["article"] == manifest["article"]
    first, second, third = shown["sections"]
    assert second["audio_url"] == f"/artikel/{SLUG}/audio/02-hintergrund-des-treffens.mp3"
    assert second["download_url"] == f"/artikel/{SLUG}/download/02-hintergrund-des-treffens.mp3"
    assert second["download_name"] == "02 - Hintergrund des Treffens.mp3"
    assert third["download_name"] == "03 - Größere Folgen - Ausblick.mp3"
    assert first["download_name"] == "01 - Treffen in Wladiwostok.mp3"
    assert second["size_label"].endswith(" kB")
    assert second["duration_label"] == "0:02"
    assert second["download_label"] == f"MP3 herunterladen, {second['size_label']}, 0:02 Min."
    assert second["sentences"] == manifest["sections"][1]["sentences"]
    urls = context["urls"]
    assert urls["full_audio"] == f"/artikel/{SLUG}/audio/{SLUG}.mp3"
    assert urls["full_download"] == f"/artikel/{SLUG}/download/{SLUG}.mp3"
    assert urls["full_download_label"].startswith("MP3 herunterladen, ")
    assert urls["zip"] == f"/artikel/{SLUG}/abschnitte.zip"
    assert urls["manifest"] == f"/artikel/{SLUG}/manifest.json"
    assert urls["captions"] == f"/artikel/{SLUG}/captions.vtt"
    assert urls["chapters"] == f"/artikel/{SLUG}/chapters.vtt"
    assert urls["epub"] == f"/artikel/{SLUG}/e-book.epub"
    assert urls["chapters_json"] == f"/artikel/{SLUG}/chapters.json"
    html = response.get_data(as_text=True)
    for text in ("Treffen in Wladiwostok", "Erster Satz.", "Hintergrund des Treffens",
                 second["audio_url"], second["download_label"]):
        assert text in html


def test_reader_does_not_change_cached_manifest(app, client):
    client.get(f"/artikel/{SLUG}")
    cached = app.extensions["vorleser_library"].get(SLUG).data
    assert "audio_url" not in cached["sections"][0]


def test_reader_unknown_or_broken_slug_is_german_404(client):
    for path in ("/artikel/gibt-es-nicht", "/artikel/kaputt", "/artikel/unfertig",
                 "/artikel/Bad_Slug", f"/artikel/{SLUG}/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert 'lang="de"' in response.get_data(as_text=True)
        assert "Traceback" not in response.get_data(as_text=True)


def test_injection_is_escaped(client):
    response = client.get(f"/artikel/{XSS_SLUG}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert '" onerror="' not in html
    assert "onerror=alert" not in html
    library = client.get("/").get_data(as_text=True)
    assert "&lt;script&gt;" in library and "<script>alert" not in library
    assert '" onerror="' not in library


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert json.loads(response.data) == {"status": "ok", "articles": 2}
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_reject_post(client):
    assert client.post("/").status_code == 405
    assert client.post(f"/artikel/{SLUG}").status_code == 405
