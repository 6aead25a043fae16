"""What offline listening needs from the server: the service worker at the top
of the site, the German offline page, the Web App Manifest and its icons, and
the reader page's data for saving a copy."""
from __future__ import annotations

import json
import re

from tests.web.web_support import SLUG


def test_service_worker_is_served_at_the_top(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert "no-cache" in response.headers["Cache-Control"]
    assert "self.addEventListener(\"fetch\"" in response.get_data(as_text=True)
    assert client.post("/sw.js").status_code == 405


def test_offline_page_is_german(client):
    html = client.get("/offline.html").get_data(as_text=True)
    assert 'lang="de"' in html and "Keine Verbindung" in html and 'href="/"' in html


def test_web_app_manifest(client):
    html = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="manifest" href="([^"]+)"', html).group(1)
    response = client.get(href)
    assert response.mimetype == "application/manifest+json"
    data = json.loads(response.data)
    assert data["lang"] == "de" and data["short_name"] == "Vorleser" and data["display"] == "standalone"
    assert data["start_url"] == "../" and href == "/static/app.webmanifest"  # the site's top
    sizes = {i["sizes"]: i for i in data["icons"]}
    assert {"192x192", "512x512", "any"} <= set(sizes)
    assert any(i.get("purpose") == "maskable" for i in data["icons"])
    for icon in data["icons"]:
        got = client.get(f"/static/{icon['src']}")
        assert got.status_code == 200 and got.mimetype == icon["type"], icon
    for scheme in ("light", "dark"):
        assert f'<meta name="theme-color" media="(prefers-color-scheme: {scheme})"' in html


def test_reader_page_carries_what_a_copy_needs(client, manifest):
    html = client.get(f"/artikel/{SLUG}").get_data(as_text=True)
    box = re.search(r'<div class="offline" data-module="offline" ([^>]*)>', html).group(1)
    assert 'data-sw="/sw.js"' in box and 'data-offline-page="/offline.html"' in box and 'data-library="/"' in box
    assert f'data-total="{sum(s["bytes"] for s in manifest["sections"])}"' in box
    for i, s in enumerate(manifest["sections"]):
        assert (f'data-sec="{i}" data-at="{s["offset_ms"]},{s["duration_ms"]}" '
                f'data-words="/artikel/{SLUG}/zeiten/{s["file"][:-4]}.json"') in html
    assert f'data-build="{manifest["built_at"]}/' in html
