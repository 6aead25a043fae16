"""nginx (from apt) in front of `vorleser serve`, with the shipped docs/nginx-vorleser.conf:
pages pass through, MP3s are sent by nginx via X-Accel-Redirect (Range included) after Flask
allowed them, and a private library refuses anonymous MP3s."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.support import stop, wait_until_serving
from tests.web.web_support import SLUG

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
CONF = ROOT / "docs" / "nginx-vorleser.conf"


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(audio: Path, instance: Path, log: Path, private: bool):
    port = _free_port()
    env = {**os.environ, "VORLESER_X_ACCEL": "/_vorleser_audio/", "VORLESER_BEHIND_PROXY": "1",
           "VORLESER_INSTANCE": str(instance)}
    env.pop("VORLESER_PRIVATE", None)
    if private:
        env["VORLESER_PRIVATE"] = "1"
    fh = open(log, "w")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir",
                             str(audio), "--workers", "0"], cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    wait_until_serving(proc, f"http://127.0.0.1:{port}/healthz", 30, log.read_text)
    return proc, port


@pytest.fixture(scope="module")
def stack(built_dir, tmp_path_factory):
    if not NGINX.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing; apt-get install -y nginx")
        pytest.skip("nginx is missing (apt-get install -y nginx)")
    work = tmp_path_factory.mktemp("nginx-front")
    audio = work / "audio"
    shutil.copytree(built_dir, audio, symlinks=True)
    public, public_port = _serve(audio, work / "inst-public", work / "public.log", private=False)
    private, private_port = _serve(audio, work / "inst-private", work / "private.log", private=True)
    ports = {"public": _free_port(), "private": _free_port()}
    sites = []
    for name, upstream in (("public", public_port), ("private", private_port)):
        text = CONF.read_text().replace("@LISTEN@", f"127.0.0.1:{ports[name]}")
        text = text.replace("@UPSTREAM@", f"127.0.0.1:{upstream}").replace("@AUDIO_DIR@", str(audio.resolve()))
        text = text.replace("@CACHE_DIR@", str(work / f"cache-{name}")).replace("@NAME@", name)
        text = text.replace("upstream vorleser {", f"upstream vorleser_{name} {{").replace(
            "http://vorleser;", f"http://vorleser_{name};")
        (work / f"{name}.conf").write_text(text)
        sites.append(f"include {work / (name + '.conf')};")
    temp = "\n".join(f"{k}_temp_path {work / k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(f"""{user}worker_processes 1;
daemon off;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'} warn;
events {{ worker_connections 128; }}
http {{
  access_log off;
  default_type application/octet-stream;
  {temp}
  {' '.join(sites)}
}}
""")
    log = open(work / "nginx.out", "w")
    ngx = subprocess.Popen([str(NGINX), "-c", str(work / "nginx.conf"), "-p", str(work), "-e",
                            str(work / "error.log")], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{ports['public']}"
    wait_until_serving(ngx, url + "/healthz", 15, lambda: (work / "error.log").read_text()
                       if (work / "error.log").exists() else "")
    yield {"public": url, "private": f"http://127.0.0.1:{ports['private']}", "upstream": public_port,
           "audio": audio, "work": work}
    stop(ngx, timeout=5)
    stop(public)
    stop(private)
    log.close()


def _get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as res:
            return res.status, dict(res.headers), res.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_pages_pass_through_with_the_security_headers(stack):
    status, headers, body = _get(stack["public"] + "/")
    assert status == 200 and b"Treffen in Wladiwostok" in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_mp3_range_is_sent_by_nginx_after_flask_allowed_it(stack):
    path = f"/artikel/{SLUG}/audio/01-titel.mp3"
    real = (stack["audio"] / SLUG / "01-titel.mp3").read_bytes()
    status, headers, body = _get(stack["public"] + path, {"Range": "bytes=100-1099"})
    assert status == 206 and body == real[100:1100]
    assert headers["Content-Range"] == f"bytes 100-1099/{len(real)}"
    assert headers["Content-Type"] == "audio/mpeg" and "X-Accel-Redirect" not in headers
    assert headers.get("X-Content-Type-Options") == "nosniff"
    # Flask itself only answered with the redirect header, no body
    status, headers, body = _get(f"http://127.0.0.1:{stack['upstream']}{path}")
    assert status == 200 and body == b"" and headers["X-Accel-Redirect"] == f"/_vorleser_audio/{SLUG}/01-titel.mp3"


def test_cached_answers_still_go_through_x_accel_and_signed_in_requests_bypass(stack):
    path = f"/artikel/{SLUG}/audio/01-titel.mp3"
    real = (stack["audio"] / SLUG / "01-titel.mp3").read_bytes()
    for _ in range(3):  # the second and third come from nginx's short cache: still the file, not the redirect
        status, headers, body = _get(stack["public"] + path, {"Range": "bytes=0-99"})
        assert status == 206 and body == real[:100] and "X-Accel-Redirect" not in headers
    status, _, _ = _get(stack["private"] + path, {"Range": "bytes=0-99", "Cookie": "session=fake"})
    assert status == 401  # a cookie never gets a cached answer, and a forged one gets nothing


def test_the_internal_location_is_not_reachable_from_outside(stack):
    status, _, _ = _get(stack["public"] + f"/_vorleser_audio/{SLUG}/01-titel.mp3")
    assert status == 404


def test_private_library_refuses_anonymous_mp3s_and_pages(stack):
    status, headers, _ = _get(stack["private"] + f"/artikel/{SLUG}/audio/01-titel.mp3", {"Range": "bytes=0-99"})
    assert status == 401
    status, _, _ = _get(stack["private"] + "/feed.xml")
    assert status == 401
    request = urllib.request.Request(stack["private"] + "/")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *a, **k: None}))
    try:
        opener.open(request, timeout=10)
        raise AssertionError("the private library showed its front page")
    except urllib.error.HTTPError as err:
        assert err.code == 302 and "/anmelden" in err.headers["Location"]


@pytest.mark.parametrize("path", [f"/%5Fvorleser_audio/{SLUG}/01-titel.mp3", f"//_vorleser_audio/{SLUG}/01-titel.mp3",
                                  f"/artikel/{SLUG}/audio/../../../_vorleser_audio/{SLUG}/01-titel.mp3",
                                  f"/artikel/{SLUG}/audio/%2e%2e/%2e%2e/%2e%2e/_vorleser_audio/{SLUG}/01-titel.mp3"])
def test_the_internal_location_is_not_reachable_by_other_spellings(stack, path):
    """Security review: nginx decodes and normalises before it picks a location."""
    import http.client
    for site in ("public", "private"):
        conn = http.client.HTTPConnection(stack[site].split("//")[1], timeout=10)
        conn.request("GET", path)  # sent as written, not normalised by the client
        reply = conn.getresponse()
        body = reply.read()
        conn.close()
        assert reply.status in (400, 401, 404), (site, path, reply.status)
        assert not body.startswith(b"ID3") and b"\xff\xfb" not in body[:4], (site, path)


def test_an_editors_answers_in_a_private_library_are_never_cached_for_anonymous_visitors(stack):
    """Security review: the editor's MP3 and page answers (200) must not be reused for the next
    visitor without a cookie."""
    import http.client
    import http.cookiejar
    import re

    from app.accounts.store import AccountStore
    store = AccountStore(stack["work"] / "inst-private")
    if "nginx-editor" not in store.users():
        store.add_user("nginx-editor", "ein sehr geheimes passwort")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(stack["private"] + "/anmelden", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login).group(1)
    data = urllib.parse.urlencode({"name": "nginx-editor", "password": "ein sehr geheimes passwort",
                                   "csrf_token": token}).encode()
    opener.open(urllib.request.Request(stack["private"] + "/anmelden", data=data), timeout=10).read()
    mp3 = f"/artikel/{SLUG}/audio/01-titel.mp3"
    for path, marker in ((mp3, None), (f"/artikel/{SLUG}", b"Abmelden (nginx-editor)")):
        with opener.open(urllib.request.Request(stack["private"] + path, headers={"Range": "bytes=0-99"}),
                         timeout=10) as reply:
            body = reply.read()
            assert reply.status in (200, 206) and (marker is None or marker in body), path
        for _ in range(2):  # at once, and again from nginx's cache if it had kept it
            conn = http.client.HTTPConnection(stack["private"].split("//")[1], timeout=10)
            conn.request("GET", path, headers={"Range": "bytes=0-99"})  # no cookie; redirects not followed
            anonymous = conn.getresponse()
            body = anonymous.read()
            conn.close()
            assert anonymous.status in (302, 401) and b"nginx-editor" not in body, (path, anonymous.status)
