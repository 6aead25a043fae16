"""`vorleser export epub|site`: exports of built articles.

Each subcommand sets ``func`` (namespace -> exit code); app/cli.py calls it
and prints :class:`~app.errors.VorleserError` messages itself.
"""
from __future__ import annotations

import argparse

from ..paths import audio_dir


def _audio_dir_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--audio-dir", default=audio_dir(), metavar="DIR",
                   help="folder with built articles (default: $VORLESER_AUDIO_DIR, else audio/ in the data folder)")


def _epub(ns: argparse.Namespace) -> int:
    from .epub import export_epub

    path = export_epub(ns.audio_dir, ns.slug, ns.output, word_level=ns.word_level)
    print(f"{ns.slug}: EPUB 3 with media overlays -> {path}")
    return 0


def _site(ns: argparse.Namespace) -> int:
    from .site import export_site

    result = export_site(ns.dir, ns.audio_dir, base_url=ns.base_url)
    print(result.summary())
    return 0


def register(subparsers) -> None:
    export = subparsers.add_parser("export", help="export built articles (EPUB 3, static site)",
                                   description="Export built articles as EPUB 3 or as a static copy of the reader.")
    sub = export.add_subparsers(dest="export_command", required=True, metavar="FORMAT")

    e = sub.add_parser("epub", help="EPUB 3 with synchronised audio (media overlays)")
    e.add_argument("slug", metavar="SLUG", help="article name (its folder in the audio folder)")
    e.add_argument("-o", "--output", metavar="FILE", help="EPUB file to write (default: ./SLUG.epub)")
    _audio_dir_option(e)
    e.add_argument("--word-level", action="store_true",
                   help="also synchronise single words, not only sentences (larger overlays)")
    e.set_defaults(func=_epub)

    s = sub.add_parser("site", help="static copy of the reader for any web server")
    s.add_argument("dir", metavar="DIR", help="output folder (created; a previous export there is replaced)")
    _audio_dir_option(s)
    s.add_argument("--base-url", metavar="URL",
                   help="public address of DIR, e.g. https://example.org/vorleser/ (needed for feed.xml)")
    s.set_defaults(func=_site)
