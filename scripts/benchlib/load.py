"""Server under load: `vorleser serve` vs nginx serving the same files.

Load generator: wrk (Debian package; installed here when missing and root)
with a Lua script: 1 in 5 requests loads the reader page, the others are
random 64 KiB Range requests into the article's MP3s. The same request mix
goes to nginx, configured in a temp folder to serve a saved copy of the
reader page and the same audio folder as static files: the physical-limit
reference. Runs alternate vorleser, nginx, vorleser, nginx, ...
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

from .common import BenchError, Context, Row, check, free_port, info, median, paired_ratio, wait_http

RANGE = 65536
PAGE_SHARE = 0.2

LUA = """
local page = %(page)s
local files = %(files)s
local sizes = %(sizes)s
local page_share = %(share)s
local range = %(range)d
init = function(args) math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) end
request = function()
  if math.random() < page_share then return wrk.format("GET", page) end
  local i = math.random(#files)
  local start = math.random(0, sizes[i] - range - 1)
  return wrk.format("GET", files[i], {["Range"] = "bytes=" .. start .. "-" .. (start + range - 1)})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%%d,"duration_us":%%d,"connect":%%d,"read":%%d,"write":%%d,' ..
    '"status":%%d,"timeout":%%d,"p50_us":%%d,"p99_us":%%d,"max_us":%%d}\\n', summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end
"""

NGINX_CONF = """
daemon off;
worker_processes 2;
%(user)s
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path %(tmp)s/body; proxy_temp_path %(tmp)s/proxy; fastcgi_temp_path %(tmp)s/fcgi;
  uwsgi_temp_path %(tmp)s/uwsgi; scgi_temp_path %(tmp)s/scgi;
  types { audio/mpeg mp3; text/html html; }
  server {
    listen 127.0.0.1:%(port)d;
    location = %(page)s { default_type text/html; alias %(tmp)s/page.html; }
    location %(audio_url)s/ { alias %(audio_dir)s/; }
  }
}
"""


def ensure(binary: str, package: str) -> str | None:
    """Path of ``binary``; installs the Debian package when missing and root."""
    found = shutil.which(binary) or (f"/usr/sbin/{binary}" if os.path.exists(f"/usr/sbin/{binary}") else None)
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", package], env=env, capture_output=True, check=False)
    return shutil.which(binary) or (f"/usr/sbin/{binary}" if os.path.exists(f"/usr/sbin/{binary}") else None)


def lua_list(values) -> str:
    return "{" + ", ".join(json.dumps(v) for v in values) + "}"


def run_wrk(wrk: str, script: Path, url: str, clients: int, seconds: int) -> dict:
    cmd = [wrk, "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s", "-s", str(script), url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=False)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if proc.returncode != 0 or line is None:
        raise BenchError(f"wrk failed (exit {proc.returncode}): {(proc.stderr or proc.stdout)[-500:]}")
    r = json.loads(line[len("WRKJSON "):])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = sum(r[k] for k in ("connect", "read", "write", "status", "timeout"))
    return r


def start_nginx(nginx: str, ctx: Context, folder: Path, page: str, audio_url: str, audio_dir: Path, html: bytes):
    port = free_port()
    (folder / "page.html").write_bytes(html)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF % {"tmp": folder, "port": port, "page": page, "audio_url": audio_url,
                                  "audio_dir": audio_dir.resolve(), "user": "user root;" if os.geteuid() == 0 else ""})
    log_path = folder / "nginx.out"
    logf = open(log_path, "wb")
    proc = subprocess.Popen([nginx, "-p", str(folder), "-c", str(conf)], stdout=logf, stderr=subprocess.STDOUT)

    def stop():
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
        logf.close()

    ctx.stack.callback(stop)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + page, proc, log_path, timeout=15)
    except BenchError as exc:
        err = (folder / "error.log").read_text(errors="replace")[-800:] if (folder / "error.log").exists() else ""
        raise BenchError(f"{exc}\n{err}") from exc
    return base


def server_load(ctx: Context) -> list:
    wrk = ensure("wrk", "wrk")
    if not wrk:
        raise BenchError("wrk is missing; install it with 'apt-get install -y wrk'")
    base, b = ctx.server(), ctx.bundled()
    slug = b["slug"]
    page = f"/artikel/{slug}"
    audio_url = f"{page}/audio"
    audio_dir = b["dir"] / slug
    mp3s = [s["file"] for s in b["manifest"]["sections"]] + [b["manifest"]["full"]["file"]]
    mp3s = [f for f in mp3s if (audio_dir / f).stat().st_size > 2 * RANGE]
    clients, seconds = (10, 2) if ctx.quick else (50, 20)
    folder = ctx.path("load")
    script = folder / "mix.lua"
    script.write_text(LUA % {"page": json.dumps(page), "files": lua_list(f"{audio_url}/{f}" for f in mp3s),
                             "sizes": lua_list((audio_dir / f).stat().st_size for f in mp3s),
                             "share": PAGE_SHARE, "range": RANGE})
    html = urllib.request.urlopen(base + page, timeout=10).read()
    nginx = ensure("nginx", "nginx")
    ngx_base = start_nginx(nginx, ctx, folder, page, audio_url, audio_dir, html) if nginx else None
    ours, ref = [], []
    for _ in range(ctx.runs):
        ours.append(run_wrk(wrk, script, base, clients, seconds))
        if ngx_base:
            ref.append(run_wrk(wrk, script, ngx_base, clients, seconds))
    errors = sum(r["errors"] for r in ours)
    detail = {"generator": f"wrk -t2 -c{clients} -d{seconds}s (Lua: {PAGE_SHARE:.0%} page loads, "
                           f"{RANGE // 1024} KiB random Range requests into {len(mp3s)} MP3s)",
              "vorleser_rps": [round(r["rps"], 1) for r in ours],
              "requests": sum(r["requests"] for r in ours),
              "error_kinds": {k: sum(r[k] for r in ours) for k in ("connect", "read", "write", "status", "timeout")}}
    rows = [check("server_load", f"server load: errors ({clients} clients, {seconds} s x {ctx.runs})", errors, "",
                  "==", 0, **detail),
            info("server_load.rps", "server load: requests/s (vorleser serve)", median([r["rps"] for r in ours]),
                 "req/s"),
            info("server_load.p50", "server load: latency p50", median([r["p50_us"] for r in ours]) / 1000, "ms"),
            info("server_load.p99", "server load: latency p99", median([r["p99_us"] for r in ours]) / 1000, "ms")]
    if ref:
        ratio = paired_ratio([r["rps"] for r in ref], [r["rps"] for r in ours])
        rows.append(info("server_load.nginx_ratio", "server load: requests/s vorleser / nginx (same mix)", ratio,
                         "x", nginx_rps=[round(r["rps"], 1) for r in ref],
                         nginx_p99_ms=round(median([r["p99_us"] for r in ref]) / 1000, 2),
                         nginx_errors=sum(r["errors"] for r in ref)))
    else:
        rows.append(Row("server_load.nginx_ratio", "server load: nginx reference skipped (nginx missing, not root)",
                        0.0, "x", "", None, {"note": "install nginx: apt-get install -y nginx"}))
    return rows
