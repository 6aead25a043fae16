"""Run the reader with waitress (never the Flask debug server).

``vorleser serve`` (app/cli.py) is the command; this module is what it runs.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def serve(host: str = "127.0.0.1", port: int = 5000, audio_dir: str | Path | None = None,
          threads: int = 8, workers: int = 1) -> None:
    """Serve the reader until Ctrl+C; prints the URL first. ``workers`` in-process queue
    workers build what editors submit (0: none, the queue is served by ``vorleser worker``)."""
    import waitress

    from .. import create_app
    from ..paths import audio_dir as default_audio_dir

    folder = Path(audio_dir) if audio_dir else default_audio_dir()
    app = create_app({"AUDIO_DIR": folder})
    if not folder.is_dir():
        print(f"Note: audio folder {folder} does not exist yet; "
              "build an article with 'vorleser build'.", file=sys.stderr)
    embedded = None
    if workers:
        from ..jobs.queue import get_system
        from ..jobs.worker import EmbeddedWorkers
        embedded = EmbeddedWorkers(get_system(folder, app.config["INSTANCE_DIR"]), workers).start()
    if not app.extensions["vorleser_accounts"].has_users():
        print("Note: no editor account exists yet. Create the first one with 'vorleser user add NAME' "
              "(the password is asked twice), then sign in at /anmelden.", file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(f"Vorleser reader: http://{shown}:{port}/  (audio: {folder}; Ctrl+C stops)", flush=True)
    # 16 KiB of request headers is plenty for a reader; larger requests get 431.
    try:
        waitress.serve(app, host=host, port=port, threads=threads, ident="Vorleser",
                       max_request_header_size=16 * 1024)
    finally:
        if embedded is not None:
            embedded.close()
