"""MP3 Range mix through nginx in front of `vorleser serve` with X-Accel-Redirect (the shipped
docs/nginx-vorleser.conf), against nginx serving the same files directly; target >= 0.8x."""
from __future__ import annotations

import json
import os
import subprocess
import urllib.request

from .common import PYTHON, ROOT, BenchError, Context, check, free_port, median, paired_ratio, wait_http
from .load import LUA, PAGE_SHARE, RANGE, ensure, lua_list, run_wrk, start_nginx

MAIN = """%(user)sworker_processes 2;
daemon off;
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  default_type application/octet-stream;
  client_body_temp_path %(tmp)s/body; proxy_temp_path %(tmp)s/proxy; fastcgi_temp_path %(tmp)s/fcgi;
  uwsgi_temp_path %(tmp)s/uwsgi; scgi_temp_path %(tmp)s/scgi;
  include %(tmp)s/vorleser.conf;
}
"""


def xaccel(ctx: Context) -> list:
    wrk = ensure("wrk", "wrk")
    nginx = ensure("nginx", "nginx")
    if not wrk or not nginx:
        raise BenchError("wrk and nginx are needed: apt-get install -y wrk nginx")
    b = ctx.bundled()
    slug, audio = b["slug"], b["dir"]
    folder = ctx.path("xaccel")
    port = free_port()
    env = {**os.environ, "VORLESER_X_ACCEL": "/_vorleser_audio/", "VORLESER_BEHIND_PROXY": "1",
           "VORLESER_INSTANCE": str(ctx.path("xaccel-instance")), "PYTHONUNBUFFERED": "1"}
    log = folder / "serve.log"
    proc = subprocess.Popen([PYTHON, "-m", "app.cli", "serve", "--port", str(port), "--audio-dir", str(audio),
                             "--workers", "0"], cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    ctx.stack.callback(lambda: (proc.terminate(), proc.wait(10)))
    wait_http(f"http://127.0.0.1:{port}/healthz", proc, log)
    front = free_port()
    site = (ROOT / "docs" / "nginx-vorleser.conf").read_text()
    for key, value in (("@LISTEN@", f"127.0.0.1:{front}"), ("@UPSTREAM@", f"127.0.0.1:{port}"),
                       ("@AUDIO_DIR@", str(audio.resolve())), ("@CACHE_DIR@", str(folder / "cache")),
                       ("@NAME@", "bench")):
        site = site.replace(key, value)
    (folder / "vorleser.conf").write_text(site)
    (folder / "nginx.conf").write_text(MAIN % {"tmp": folder, "user": "user root;\n" if os.geteuid() == 0 else ""})
    ngx = subprocess.Popen([nginx, "-p", str(folder), "-c", str(folder / "nginx.conf")], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    ctx.stack.callback(lambda: (ngx.terminate(), ngx.wait(10)))
    base = f"http://127.0.0.1:{front}"
    page = f"/artikel/{slug}"
    wait_http(base + page, ngx, None, timeout=15)
    audio_url = f"{page}/audio"
    mp3s = [s["file"] for s in b["manifest"]["sections"]] + [b["manifest"]["full"]["file"]]
    mp3s = [f for f in mp3s if (audio / slug / f).stat().st_size > 2 * RANGE]
    script = folder / "mix.lua"
    script.write_text(LUA % {"page": json.dumps(page), "files": lua_list(f"{audio_url}/{f}" for f in mp3s),
                             "sizes": lua_list((audio / slug / f).stat().st_size for f in mp3s),
                             "share": PAGE_SHARE, "range": RANGE})
    html = urllib.request.urlopen(base + page, timeout=10).read()
    ref_folder = ctx.path("xaccel-ref")
    ref = start_nginx(nginx, ctx, ref_folder, page, audio_url, audio / slug, html)
    clients, seconds = (10, 2) if ctx.quick else (50, 20)
    ours, theirs = [], []
    for _ in range(ctx.runs):
        ours.append(run_wrk(wrk, script, base, clients, seconds))
        theirs.append(run_wrk(wrk, script, ref, clients, seconds))
    ratio = paired_ratio([r["rps"] for r in theirs], [r["rps"] for r in ours])
    return [check("xaccel", "MP3 Range mix: nginx + X-Accel in front of vorleser / nginx alone", ratio, "x", ">=",
                  0.8, ours_rps=[round(r["rps"]) for r in ours], nginx_rps=[round(r["rps"]) for r in theirs],
                  errors=sum(r["errors"] for r in ours), p99_ms=median([r["p99_us"] for r in ours]) / 1000,
                  error_kinds={k: sum(r[k] for r in ours) for k in ("connect", "read", "write", "status", "timeout")}),
            check("xaccel.errors", "MP3 Range mix via nginx + X-Accel: failed requests", sum(r["errors"] for r in ours),
                  "", "==", 0)]
