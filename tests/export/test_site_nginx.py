"""The static export served by nginx behaves like the Flask reader in Chromium:
no failed requests or console errors, playback, highlight, Range seeking, downloads."""
from __future__ import annotations

import os
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.export.export_support import MEDIUM, require
from tests.support import stop, wait_until_serving

pytestmark = pytest.mark.browser

NGINX = Path("/usr/sbin/nginx")
TYPES = {"text/html": "html", "text/css": "css", "text/javascript": "js", "application/json": "json",
         "audio/mpeg": "mp3", "text/vtt": "vtt", "application/zip": "zip", "application/epub+zip": "epub",
         "application/rss+xml": "xml", "image/svg+xml": "svg"}
CURRENT_JS = "() => [...document.querySelectorAll('[aria-current=\"true\"]')].map((e) => e.id).join(' ')"
AUDIO_JS = "document.querySelector('#player audio')"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_config(root: Path, run_dir: Path, port: int) -> str:
    temp = "\n".join(f"  {kind}_temp_path {run_dir / kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    types = "\n".join(f"    {mime} {ext};" for mime, ext in TYPES.items())
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the pytest temp folder
    return f"""{user}worker_processes 1;
daemon off;
pid {run_dir / 'nginx.pid'};
error_log {run_dir / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
  types {{
{types}
  }}
  default_type application/octet-stream;
  access_log {run_dir / 'access.log'};
{temp}
  server {{
    listen 127.0.0.1:{port};
    root {root};
    index index.html;
  }}
}}
"""


@pytest.fixture(scope="module")
def site_url(export_audio, tmp_path_factory):
    require(NGINX.exists(), "nginx", "apt-get install -y nginx")
    from app.export.site import export_site

    root = tmp_path_factory.mktemp("nginx-site") / "seite"
    export_site(root, export_audio)
    run_dir = tmp_path_factory.mktemp("nginx-run")
    port = _free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_config(root, run_dir, port), encoding="utf-8")
    log = (run_dir / "stderr.log").open("w")
    proc = subprocess.Popen([str(NGINX), "-c", str(conf), "-p", str(run_dir), "-e", str(run_dir / "error.log")],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def output() -> str:
        error_log = run_dir / "error.log"
        return (run_dir / "stderr.log").read_text() + (error_log.read_text() if error_log.exists() else "")

    wait_until_serving(proc, url + "/index.html", 15, output)
    yield url
    stop(proc, timeout=5)
    log.close()


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def _media_abort(request) -> bool:
    """Chromium cancels media fetches by design (metadata read, new Range after a seek)."""
    return request.resource_type == "media" and "ERR_ABORTED" in (request.failure or "")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.on("requestfailed",
            lambda r: None if _media_abort(r) else page.problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))
    yield page
    context.close()


def test_nginx_serves_ranges(site_url, medium_manifest):
    name = medium_manifest["sections"][0]["file"]
    request = urllib.request.Request(f"{site_url}/artikel/{MEDIUM}/{name}", headers={"Range": "bytes=100-199"})
    with urllib.request.urlopen(request, timeout=5) as res:
        assert res.status == 206 and len(res.read()) == 100


def test_library_links_to_the_reader(site_url, page):
    page.goto(f"{site_url}/")
    page.wait_for_selector("html.js", timeout=10000)
    page.click(f"a[href='artikel/{MEDIUM}/index.html']")
    page.wait_for_selector("html.js", timeout=10000)
    assert page.url == f"{site_url}/artikel/{MEDIUM}/index.html"
    assert page.problems == []


def test_player_plays_highlights_and_seeks(site_url, page, medium_manifest):
    page.goto(f"{site_url}/artikel/{MEDIUM}/")
    page.wait_for_selector("html.js", timeout=10000)
    region = page.get_by_role("region", name="Wiedergabe")
    region.get_by_role("button", name="Abspielen").click()
    page.wait_for_function(f"() => {AUDIO_JS}.currentTime > 0.3", timeout=10000)
    first = page.evaluate(CURRENT_JS)
    t0 = page.evaluate(f"() => {AUDIO_JS}.currentTime")
    page.wait_for_function(f"(t0) => {AUDIO_JS}.currentTime > t0 + 0.2", arg=t0, timeout=10000)  # it advances
    assert first in {s["id"] for s in medium_manifest["sections"][0]["sentences"]}

    page.evaluate("() => { const r = document.querySelector('.p-seek'); r.value = 10;"
                  " r.dispatchEvent(new Event('change')); }")
    page.wait_for_function(f"() => !{AUDIO_JS}.seeking && {AUDIO_JS}.currentTime > 9.5", timeout=10000)
    landed = page.evaluate(f"() => {AUDIO_JS}.currentTime")
    assert 9.5 <= landed <= 11.5, f"seeking to 10 s landed at {landed:.2f} s"
    page.wait_for_function(f"(s) => ({CURRENT_JS})() !== s && ({CURRENT_JS})() !== ''", arg=first, timeout=5000)
    now = page.evaluate(CURRENT_JS)
    expected = [s["id"] for s in medium_manifest["sections"][0]["sentences"] if s["begin_ms"] <= landed * 1000]
    assert now in expected[-2:], f"highlight {now!r} at {landed:.2f} s, manifest says {expected[-1]!r}"
    assert page.problems == []


def test_download_link_returns_the_mp3(site_url, page, medium_manifest, export_audio):
    page.goto(f"{site_url}/artikel/{MEDIUM}/index.html")
    section = medium_manifest["sections"][1]
    link = page.locator(f"a[download='02 - {section['heading']}.mp3']")
    href = link.get_attribute("href")
    response = page.request.get(f"{site_url}/artikel/{MEDIUM}/{href}")
    assert response.status == 200 and response.headers["content-type"] == "audio/mpeg"
    assert response.body() == (export_audio / MEDIUM / section["file"]).read_bytes()
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == f"02 - {section['heading']}.mp3"
    assert page.problems == []
