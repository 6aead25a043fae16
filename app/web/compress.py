"""Compress text responses (HTML, CSS, JS, JSON, VTT, RSS) with flask-compress.

Audio is never compressed, and neither is a partial (206) response: a byte
range of a compressed body would not match the Content-Range.
"""
from __future__ import annotations

from flask import Flask
from flask_compress import Compress

MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
             "application/json+chapters", "text/vtt", "application/rss+xml", "image/svg+xml"]


class _WholeBodyCompress(Compress):
    def after_request(self, response):
        if response.status_code == 206 or "Content-Range" in response.headers:
            return response
        return super().after_request(response)


def register(app: Flask) -> None:
    app.config.setdefault("COMPRESS_MIMETYPES", MIMETYPES)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "deflate"])  # files sent from disk
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    _WholeBodyCompress(app)
