"""The ``vorleser`` command line: build audio, serve the reader, export."""
from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .cliargs import bounded, non_negative, positive, slug
from .engines.espeak import PITCH_RANGE, RATE_RANGE
from .errors import VorleserError, missing_package
from .paths import audio_dir

log = logging.getLogger("vorleser")


def version() -> str:
    """The installed package's version (the checkout's pyproject when not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("vorleser")
    except PackageNotFoundError:
        return "unknown (not installed)"



def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vorleser", description="German articles as timed speech and an accessible reader.")
    p.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="synthesise articles into section MP3s, a chaptered full MP3 and a manifest")
    b.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="text/Markdown/HTML file, folder of such files, or http(s) URL; none = the bundled article")
    b.add_argument("--engine", choices=["espeak", "gtts", "auto"], default="espeak",
                   help="speech engine: espeak (offline, default), gtts (natural voice, needs internet), auto")
    b.add_argument("--out", default=audio_dir(), metavar="DIR",
                   help="output folder (default: $VORLESER_AUDIO_DIR, else audio/ in the data folder)")
    b.add_argument("--jobs", type=positive, default=os.cpu_count() or 2, metavar="N",
                   help="parallel workers (default: number of cores)")
    b.add_argument("--rate", type=bounded(*RATE_RANGE), default=175, metavar="WPM",
                   help="eSpeak speech rate in words per minute, {}-{} (default 175)".format(*RATE_RANGE))
    b.add_argument("--pitch", type=bounded(*PITCH_RANGE), default=50, metavar="{}-{}".format(*PITCH_RANGE),
                   help="eSpeak pitch (default 50)")
    b.add_argument("--bitrate", type=positive, default=64, metavar="KBPS", help="constant MP3 bitrate (default 64)")
    b.add_argument("--slug", type=slug, metavar="SLUG", help="output name for a single source (default: from the source)")
    b.add_argument("--quiet", action="store_true", help="no progress output, only errors and the summary")
    b.add_argument("--replace-recording", action="store_true",
                   help="replace an article that is a narrator's recording (made by 'vorleser align') with "
                        "synthetic speech; without it such an article is left as it is")
    from .lexicon.cli import add_lexicon_options, register as register_lexicon
    add_lexicon_options(b)

    s = sub.add_parser("serve", help="serve the reader with a production WSGI server (waitress)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=bounded(1, 65535), default=5000, help="port, 1-65535 (default 5000)")
    s.add_argument("--audio-dir", default=audio_dir(), metavar="DIR",
                   help="folder with built articles (default: $VORLESER_AUDIO_DIR, else audio/ in the data folder)")
    s.add_argument("--workers", type=non_negative, default=1, metavar="N",
                   help="in-process queue workers building submitted articles (default 1; 0 = none, "
                        "e.g. when 'vorleser worker' runs elsewhere)")

    from .export.cli import register as register_export
    register_export(sub)
    register_lexicon(sub)
    from .accounts.cli import register as register_accounts
    from .jobs.cli import register as register_worker
    register_accounts(sub)
    register_worker(sub)
    from .align.cli import register as register_align
    register_align(sub)
    return p


def _expand(sources: list[str]) -> list[str | None]:
    if not sources:
        return [None]
    out: list[str | None] = []
    for src in sources:
        path = Path(src)
        if not src.startswith(("http://", "https://")) and path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in {".txt", ".md", ".markdown", ".html", ".htm"})
            if not found:
                raise VorleserError(f"no article files in folder {src}", "it holds no .txt, .md or .html files")
            out += [str(p) for p in found]
        else:
            out.append(src)
    return out


def build_one(source: str | None, args: dict) -> str:
    """Build a single source (runs in a worker process for parallel builds)."""
    from .engines import get_engine
    from .lexicon.cli import lexicon_from_args, report
    from .model import from_raw
    from .pipeline.build import BuildOptions, build_article
    from .sources import load_source, suggest_slug

    raw = load_source(source)
    slug = args.get("slug") or suggest_slug(source, raw)
    article = from_raw(raw, slug)
    notice = (lambda msg: None) if args["quiet"] else (lambda msg: print(msg, file=sys.stderr))
    engine = get_engine(args["engine"], rate=args["rate"], pitch=args["pitch"], notice=notice)
    options = BuildOptions(out_dir=Path(args["out"]), bitrate_kbps=args["bitrate"], jobs=args["jobs"],
                           quiet=args["quiet"], lexicon=lexicon_from_args(args),
                           replace_recording=args.get("replace_recording", False))
    result = build_article(article, engine, options)
    report(result, options.lexicon, args.get("verbose", False))
    return result.summary()


def _build(ns: argparse.Namespace) -> int:
    sources = _expand(ns.sources)
    if ns.slug and len(sources) > 1:
        raise VorleserError("--slug works with one source only", "drop --slug when building several sources")
    args = {k: getattr(ns, k) for k in ("engine", "out", "jobs", "rate", "pitch", "bitrate", "slug", "quiet",
                                        "verbose", "replace_recording")}
    from .lexicon.cli import lexicon_settings
    args.update(lexicon_settings(ns))  # checks the lexicon files before any build starts
    if len(sources) == 1:
        print(build_one(sources[0], args))
        return 0
    workers = min(ns.jobs, len(sources))
    args["jobs"] = max(1, ns.jobs // workers)
    failed: list[str] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(build_one, src, args): src for src in sources}
        for future in as_completed(futures):
            source = futures[future]
            try:
                print(future.result())
            except VorleserError as exc:
                failed.append(source)
                print(f"vorleser: error: {source}: {exc}", file=sys.stderr)
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # one source's bug must not lose the other sources' builds
                failed.append(source)
                log.debug("build of %s failed", source, exc_info=exc)
                print(f"vorleser: error: {source}: unexpected {type(exc).__name__}: {exc}. "
                      "Probable cause: a bug in Vorleser; please report it with this line", file=sys.stderr)
    if failed:
        print(f"vorleser: {len(failed)} of {len(sources)} sources failed: {', '.join(failed)}", file=sys.stderr)
        return 2
    return 0


def _serve(ns: argparse.Namespace) -> int:
    from .jobs.queue import QueueSettings
    from .web.server import serve

    queue = QueueSettings.from_env(ns.audio_dir)  # a bad queue setting stops here, before anything starts
    if ns.workers == 0 and not queue.is_redis:
        command = f"vorleser worker --audio-dir {shlex.quote(str(queue.audio_dir))}"
        print("Note: --workers 0 with the embedded queue: articles added on the web wait until a worker runs "
              f"on this machine for the same output folder: {command}", file=sys.stderr)
    try:
        serve(host=ns.host, port=ns.port, audio_dir=ns.audio_dir, workers=ns.workers)
    except OSError as exc:
        raise VorleserError(f"cannot listen on {ns.host}:{ns.port}",
                            f"{exc.strerror or exc}; is another server using the port? choose one with --port") from exc
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="vorleser: %(levelname)s: %(message)s")
    ns = parser().parse_args(argv)
    try:
        if ns.command == "build":
            return _build(ns)
        if ns.command == "serve":
            return _serve(ns)
        if hasattr(ns, "func"):
            return ns.func(ns)
    except VorleserError as exc:
        print(f"vorleser: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except ImportError as exc:  # a broken install must not end in a traceback
        error = missing_package(exc)
        print(f"vorleser: error: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # e.g. `vorleser build | head`: the reader went away
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("vorleser: interrupted; unfinished builds were discarded, every published article is complete",
              file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
