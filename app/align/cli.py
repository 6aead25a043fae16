"""`vorleser align SOURCE RECORDING...`: exact word timings for an existing narration.

``register`` adds the subcommand; app/cli.py calls ``func`` and prints
:class:`~app.errors.VorleserError` messages itself (one line, exit 2).
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..cliargs import positive, slug
from ..lexicon.cli import add_lexicon_options, lexicon_from_args
from ..paths import audio_dir



def _align(ns: argparse.Namespace) -> int:
    from ..model import from_raw
    from ..sources import load_source, suggest_slug
    from .run import AlignOptions, align_article

    raw = load_source(ns.source)
    article = from_raw(raw, ns.slug or suggest_slug(ns.source, raw))
    options = AlignOptions(out_dir=Path(ns.out), jobs=ns.jobs, quiet=ns.quiet, lexicon=lexicon_from_args(ns))
    print(align_article(article, ns.recordings, options).summary())
    return 0


def register(subparsers) -> None:
    a = subparsers.add_parser(
        "align", help="time an existing narration (a person or another voice) word by word",
        description="Align a recording of an article with its text: the same section MP3s, chaptered "
                    "MP3, captions and manifest as 'vorleser build', with the recording's own voice.")
    a.add_argument("source", metavar="SOURCE",
                   help="the article: a text/Markdown/HTML file or http(s) URL, as for build "
                        "('bundled:nordkorea-russland.txt' is the bundled article)")
    a.add_argument("recordings", nargs="+", metavar="RECORDING",
                   help="one audio file for the whole article, or one per section in order "
                        "(MP3, WAV, M4A, OGG/Opus, FLAC, ...; mono or stereo, any sample rate)")
    a.add_argument("--slug", type=slug, metavar="SLUG", help="output name (default: from the source)")
    a.add_argument("--out", default=audio_dir(), metavar="DIR",
                   help="output folder (default: $VORLESER_AUDIO_DIR, else audio/ in the data folder)")
    a.add_argument("--jobs", type=positive, default=os.cpu_count() or 2, metavar="N",
                   help="parallel encoders (default: number of cores)")
    a.add_argument("--quiet", action="store_true", help="no progress output, only errors and the summary")
    add_lexicon_options(a, verbose=False)
    a.set_defaults(func=_align)
