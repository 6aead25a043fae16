"""gTTS path: our engine vs plain gTTS, both against a local fake of Google's
batchexecute endpoint with a fixed latency.

The fake answers like Google (see app.engines.gtts_http.encode_response) with
real MP3 frames: eSpeak speech encoded as 24 kHz mono MP3, its length about
proportional to the request's text (~14 characters per second, 1-8 s).
Subject: GttsEngine.synthesize over every sentence of the article (fetch and
decode, as a build does). Baseline: ``gTTS(section_text, lang="de").save()``
once per section, sequentially (plain gTTS splits into <= 100-char parts).
"""
from __future__ import annotations

import http.server
import json
import subprocess
import threading
import time
import urllib.parse

from .common import Context, check, info, median, paired_ratio, timed

LATENCY_S = 0.150
CHARS_PER_S = 14
MAX_CLIP_S = 8


def make_clips(ctx: Context) -> dict[int, bytes]:
    """MP3 clips of 1..MAX_CLIP_S seconds of eSpeak speech at 24 kHz, 32 kbit/s."""
    from app.engines.base import SpeechItem
    from app.ffmpeg import ffmpeg_path
    _, engine = ctx.article()
    text = " ".join(s.text for s in ctx.article()[0].sections[1].sentences)
    pcm = engine.synthesize([SpeechItem(text, (0,))])[0].pcm
    clips = {}
    for secs in range(1, MAX_CLIP_S + 1):
        cmd = [ffmpeg_path(), "-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", str(engine.sample_rate),
               "-ac", "1", "-i", "pipe:0", "-t", str(secs), "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "32k",
               "-f", "mp3", "pipe:1"]
        clips[secs] = subprocess.run(cmd, input=pcm, capture_output=True, check=True).stdout
    return clips


class FakeGoogle(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, clips: dict[int, bytes], latency: float):
        from app.engines.gtts_http import encode_response
        self.bodies = {k: encode_response(v).encode() for k, v in clips.items()}
        self.latency, self.requests = latency, 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like Google

    def do_POST(self):  # noqa: N802 (http.server naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        try:
            freq = urllib.parse.parse_qs(body)["f.req"][0]
            text = json.loads(json.loads(freq)[0][0][1])[0]
        except (KeyError, IndexError, ValueError):
            self.send_error(400)
            return
        with self.server.lock:
            self.server.requests += 1
        time.sleep(self.server.latency)
        secs = min(MAX_CLIP_S, max(1, round(len(text) / CHARS_PER_S)))
        data = self.server.bodies[secs]
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def _texts(ctx: Context):
    from app.pipeline.build import speech_item
    article = ctx.article()[0]
    sections = article.sections[:2] if ctx.quick else article.sections
    items = [[speech_item(s) for s in sec.sentences] for sec in sections]
    return items, [" ".join(i.text for i in sec) for sec in items]


def plain_gtts(base: str, texts: list[str], folder) -> None:
    import gtts.tts
    from gtts import gTTS
    real = gtts.tts._translate_url
    gtts.tts._translate_url = lambda tld="com", path="": f"{base}/{path}"
    try:
        for i, text in enumerate(texts):
            gTTS(text, lang="de").save(str(folder / f"plain-{i}.mp3"))
    finally:
        gtts.tts._translate_url = real


def gtts(ctx: Context) -> list:
    from app.engines.gtts_engine import GttsEngine
    items, texts = _texts(ctx)
    flat = [i for sec in items for i in sec]
    server = FakeGoogle(make_clips(ctx), LATENCY_S)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    folder = ctx.path("gtts")
    base, ours, aligned, counts = [], [], [], {}
    try:
        for _ in range(ctx.runs):
            server.requests = 0
            base.append(timed(lambda: plain_gtts(server.url, texts, folder))[0])
            counts["plain_requests"] = server.requests
            server.requests = 0
            engine = GttsEngine(base=server.url, align_words=False)  # the network path alone
            seconds, speeches = timed(lambda: engine.synthesize(flat))
            ours.append(seconds)
            counts["engine_requests"] = server.requests
            counts["engine_concurrency"] = engine.concurrency
            counts["speech_s"] = round(sum(s.samples for s in speeches) / engine.sample_rate, 1)
            engine = GttsEngine(base=server.url)  # the default: word times aligned with eSpeak's reference
            aligned.append(timed(lambda: engine.synthesize(flat))[0])
    finally:
        server.shutdown()
        server.server_close()
    ratio = paired_ratio(base, ours)
    return [check("gtts", f"gTTS engine / plain gTTS per section ({len(texts)} sections, {LATENCY_S * 1000:.0f} ms "
                  "latency)", ratio, "x", "<=", 0.3, engine_s=[round(x, 2) for x in ours],
                  plain_s=[round(x, 2) for x in base], median_engine_s=round(median(ours), 2),
                  median_plain_s=round(median(base), 2), **counts),
            info("gtts_aligned", "  the same with word alignment (the default) / plain gTTS",
                 paired_ratio(base, aligned), "x", aligned_s=[round(x, 2) for x in aligned])]
