import pytest

from app.web.security import CSP

from tests.web.web_support import SLUG

PATHS = ["/", f"/artikel/{SLUG}", "/healthz", f"/artikel/{SLUG}/audio/01-titel.mp3",
         f"/artikel/{SLUG}/download/01-titel.mp3", f"/artikel/{SLUG}/abschnitte.zip",
         f"/artikel/{SLUG}/manifest.json", f"/artikel/{SLUG}/captions.vtt",
         "/artikel/gibt-es-nicht", "/nirgends", "/static/gibt-es-nicht.css",
         "/sw.js", "/offline.html", f"/oembed?url=http://localhost/artikel/{SLUG}",
         f"/artikel/{SLUG}/zeiten/01-titel.json", "/static/app.webmanifest"]


def test_csp_is_strict():
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    for part in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                 "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                 "form-action 'self'", "media-src 'self'", "img-src 'self' data:"):
        assert part in CSP


@pytest.mark.parametrize("path", PATHS)
def test_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_headers_on_405_304_and_206(client):
    url = f"/artikel/{SLUG}/audio/01-titel.mp3"
    etag = client.get(url).headers["ETag"]
    for response in (client.post(url), client.get(url, headers={"If-None-Match": etag}),
                     client.get(url, headers={"Range": "bytes=0-1"})):
        assert response.headers["Content-Security-Policy"] == CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
