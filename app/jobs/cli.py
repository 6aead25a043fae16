"""``vorleser worker``: build queued articles, on this machine or any other sharing the output folder."""
from __future__ import annotations

import argparse
import logging
import sys

from ..cliargs import positive
from ..paths import audio_dir



def _worker(ns: argparse.Namespace) -> int:
    from .queue import get_system
    from .worker import run_consumer

    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("huey").setLevel(logging.WARNING)
    system = get_system(ns.audio_dir)
    where = system.settings.shown_queue() or "embedded SQLite queue"
    print(f"Vorleser worker: {ns.workers} thread(s) on {where}, output {system.audio_dir} (Ctrl+C stops after "
          "the running builds)", file=sys.stderr, flush=True)
    run_consumer(system, ns.workers)
    return 0


def register(subparsers) -> None:
    w = subparsers.add_parser("worker", help="build queued articles (run it on any number of machines)",
                              description="Take build jobs from the queue ($VORLESER_QUEUE, e.g. "
                                          "redis://host:6379/0; default: the embedded queue in the instance "
                                          "folder) and build them into the shared output folder.")
    w.add_argument("--audio-dir", default=audio_dir(), metavar="DIR",
                   help="the output folder to build into: it must be the same folder the web server uses (its "
                        "--audio-dir), or the built articles never appear on the web (default: $VORLESER_AUDIO_DIR, "
                        "else audio/ in the data folder)")
    w.add_argument("--workers", type=positive, default=1, metavar="N",
                   help="builds at once in this process (default 1; run one process per core instead for speed)")
    w.set_defaults(func=_worker)
