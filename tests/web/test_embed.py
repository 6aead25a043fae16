"""The embeddable player and oEmbed: responses per the oEmbed spec, framing only
for the embed route (origins from the setting), no write actions, <= 20 KB gzip."""
from __future__ import annotations

import gzip
import re

import pytest

from app import create_app
from app.web.embed import EmbedConfigError, parse_origins
from app.web.security import CSP
from tests.web.web_support import SLUG, XSS_SLUG

PAGE = f"http://localhost/artikel/{SLUG}"
EMBED = f"/artikel/{SLUG}/einbetten"


def _oembed(client, **args):
    return client.get("/oembed", query_string=args)


def test_oembed_rich_iframe(client, manifest):
    data = _oembed(client, url=PAGE, format="json").get_json()
    assert data["version"] == "1.0" and data["type"] == "rich" and data["provider_name"] == "Vorleser"
    assert data["title"] == manifest["article"]["title"]
    assert (data["width"], data["height"]) == (480, 400)
    iframe = re.fullmatch(r'<iframe src="([^"]+)" title="([^"]+)" width="(\d+)" height="(\d+)" loading="lazy"></iframe>',
                          data["html"])
    assert iframe, data["html"]
    assert iframe.groups() == (f"http://localhost{EMBED}", f"Vorleser: {manifest['article']['title']}", "480", "400")
    assert _oembed(client, url=PAGE).get_json() == data  # format defaults to json
    assert _oembed(client, url=f"http://localhost{EMBED}", format="json").get_json()["html"] == data["html"]


def test_oembed_sizes_and_escaping(client):
    small = _oembed(client, url=PAGE, maxwidth="320", maxheight="300").get_json()
    assert (small["width"], small["height"]) == (320, 300)
    tiny = _oembed(client, url=PAGE, maxwidth="10", maxheight="abc").get_json()
    assert (tiny["width"], tiny["height"]) == (280, 400)
    html = _oembed(client, url=f"http://localhost/artikel/{XSS_SLUG}").get_json()["html"]
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(("args", "status"), [
    ({"url": PAGE, "format": "xml"}, 501),
    ({"url": "http://localhost/artikel/gibt-es-nicht"}, 404),
    ({"url": f"http://andere-seite.example/artikel/{SLUG}"}, 404),
    ({"url": "http://localhost/"}, 404),
    ({"url": f"ftp://localhost/artikel/{SLUG}"}, 404),
    ({"url": f"http://localhost/artikel/{SLUG}/manifest.json"}, 404),
    ({"url": f"//andere-seite.example/artikel/{SLUG}"}, 404),
    ({"url": f"artikel/{SLUG}"}, 404),
    ({}, 400),
])
def test_oembed_errors(client, args, status):
    response = _oembed(client, **args)
    assert response.status_code == status
    assert 'lang="de"' in response.get_data(as_text=True)


def test_discovery_link_on_the_reader_page(client):
    html = client.get(f"/artikel/{SLUG}").get_data(as_text=True)
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link and link.group(1).replace("&amp;", "&") == f"/oembed?url=/artikel/{SLUG}&format=json"
    for host in ("http://localhost", "https://vorleser.example"):  # the cached page names no host
        data = client.get(link.group(1).replace("&amp;", "&"), base_url=host).get_json()
        assert f'src="{host}/artikel/{SLUG}/einbetten"' in data["html"]


def test_only_the_embed_route_may_be_framed(client):
    embed = client.get(EMBED)
    assert embed.status_code == 200
    assert embed.headers["Content-Security-Policy"] == CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", f"/artikel/{SLUG}", "/oembed?url=" + PAGE, f"/artikel/{SLUG}/zeiten/01-titel.json"):
        response = client.get(path)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Frame-Options"] == "DENY", path


def test_embed_origins_from_the_setting(monkeypatch, built_dir):
    monkeypatch.setenv("VORLESER_EMBED_ORIGINS", "https://zeitung.example, https://*.verlag.example:8443")
    client = create_app({"TESTING": True, "AUDIO_DIR": built_dir}).test_client()
    csp = client.get(EMBED).headers["Content-Security-Policy"]
    assert csp.endswith("frame-ancestors https://zeitung.example https://*.verlag.example:8443")
    assert "frame-ancestors 'none'" in client.get("/").headers["Content-Security-Policy"]
    own = create_app({"TESTING": True, "AUDIO_DIR": built_dir, "EMBED_ORIGINS": ["'self'"]}).test_client()
    assert own.get(EMBED).headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")


@pytest.mark.parametrize("value", ["https://a.example/pfad", "javascript:alert(1)", "https://a.example;script-src *",
                                   "'none' https://a.example", "   ", "a.example"])
def test_bad_embed_origins_are_refused(value):
    with pytest.raises(EmbedConfigError, match="VORLESER_EMBED_ORIGINS"):
        parse_origins(value)


def test_embed_page_is_read_only_and_small(client, manifest):
    html = client.get(EMBED).get_data(as_text=True)
    assert "<form" not in html and 'method="post"' not in html.lower()
    assert client.post(EMBED).status_code == 405 and client.post("/oembed").status_code == 405
    for section in manifest["sections"]:
        assert f'data-src="/artikel/{SLUG}/audio/{section["file"]}"' in html
    files = re.findall(r'(?:href|src)="(/(?:static|js)/[^"]+\.(?:css|js))"', html)
    first = re.search(r'data-words="([^"]+)"', html).group(1)
    assert any(f.endswith("/embed-page.js") for f in files) and any(f.endswith(".css") for f in files)
    total = len(gzip.compress(html.encode(), 6)) + sum(len(gzip.compress(client.get(f).data, 6)) for f in files)
    total += len(gzip.compress(client.get(first).data, 6))
    assert total <= 20 * 1024, f"embed weighs {total} bytes gzip"
