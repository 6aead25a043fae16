"""Command line: the lexicon options of ``vorleser build`` (reusable by other commands)
and ``vorleser aussprache``.

Another command adds the options with one call and loads the lexicon with another::

    add_lexicon_options(parser)        # --lexicon FILE (repeatable), --no-default-lexicon, --verbose
    lexicon = lexicon_from_args(ns)    # default, editors' lexicon, $VORLESER_LEXICON, --lexicon; later wins
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Mapping

from ..atomic import write_bytes
from ..cliargs import bounded
from ..engines.espeak import PITCH_RANGE, RATE_RANGE
from ..errors import OutputError
from .model import Lexicon
from .sources import ENV, USER_LEXICON, lexicon_paths, load_lexicons


def add_lexicon_options(p: argparse.ArgumentParser, verbose: bool = True) -> None:
    """Add --lexicon, --no-default-lexicon and, with ``verbose`` unless the parser has it, --verbose."""
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help=f"pronunciation lexicon (W3C PLS), repeatable. All of these apply, a later one winning "
                        f"for the same word: the bundled default, the editors' lexicon edited on the web page "
                        f"/aussprache ({USER_LEXICON} in the instance folder, $VORLESER_INSTANCE, if it exists), "
                        f"the files in ${ENV}, then each --lexicon in order")
    p.add_argument("--no-default-lexicon", action="store_true",
                   help="do not use the bundled lexicon of loanwords and foreign names (the editors' lexicon, "
                        f"${ENV} and --lexicon still apply)")
    if verbose and "--verbose" not in p._option_string_actions:
        p.add_argument("--verbose", action="store_true",
                       help="also report lexicon graphemes that never occur in the article")


def _get(args: argparse.Namespace | Mapping[str, Any], key: str, default=None):
    return args.get(key, default) if isinstance(args, Mapping) else getattr(args, key, default)


def lexicon_settings(args: argparse.Namespace | Mapping[str, Any]) -> dict:
    """The lexicon part of parsed options as a plain dict (for worker processes): the files in
    order ($VORLESER_LEXICON first) and whether the default applies. Checks every file now, so a
    bad lexicon stops the command before any work, with one line naming the file and line."""
    paths = lexicon_paths(_get(args, "lexicon") or [])
    settings = {"lexicon_paths": paths, "default_lexicon": not _get(args, "no_default_lexicon", False)}
    load_lexicons(paths, settings["default_lexicon"])
    return settings


def lexicon_from_args(args: argparse.Namespace | Mapping[str, Any]) -> Lexicon:
    """The merged lexicon the options ask for (a namespace, or a dict from :func:`lexicon_settings`)."""
    if "lexicon_paths" in (args if isinstance(args, Mapping) else vars(args)):
        return load_lexicons(_get(args, "lexicon_paths"), _get(args, "default_lexicon", True))
    return load_lexicons(lexicon_paths(_get(args, "lexicon") or []), not _get(args, "no_default_lexicon", False))


def report(result, lexicon: Lexicon, verbose: bool, out=None) -> None:
    """With --verbose: per lexicon file, the graphemes that never occur in the built article."""
    usage = getattr(result, "lexicon", None)
    if not verbose or usage is None:
        return
    out = out or sys.stderr
    print(f"{result.slug}: lexicon: {len(usage.counts)} graphemes matched, {usage.replaced} spoken forms "
          f"replaced in {len(usage.changed)} sentences", file=out)
    for source in lexicon.sources:
        unused = usage.unused(lexicon, source)
        if not unused:
            continue
        shown = unused if len(unused) <= 20 or source != "default.pls" else unused[:20] + ["…"]
        print(f"{result.slug}: lexicon {source}: {len(unused)} graphemes never occur in the article: "
              + ", ".join(shown), file=out)


def _aussprache(ns: argparse.Namespace) -> int:
    from .audition import audition

    lexicon = lexicon_from_args(ns)
    result = audition(ns.text, lexicon, ns.engine, rate=ns.rate, pitch=ns.pitch, sample=True)
    rows = [("spoken (without lexicon)", result.spoken_before),
            ("eSpeak phonemes (without)", result.phonemes_before),
            ("spoken (with lexicon)", result.spoken_after),
            ("eSpeak phonemes (with)", result.phonemes_after)]
    for label, value in rows:
        print(f"{label:27} {value}")
    for entry in result.entries:
        said = entry.phoneme if ns.engine == "espeak" and entry.phoneme else entry.alias or "(not for this engine)"
        print(f"{'entry':27} {' / '.join(entry.graphemes)} -> {said}   [{entry.where()}]")
    if not result.entries:
        print(f"{'entry':27} none matched")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    out = Path(ns.output)
    try:
        write_bytes(out, result.mp3 or b"")
    except OSError as exc:
        raise OutputError(f"cannot write the sample to {out}", f"{exc.strerror}; choose another file with -o") from exc
    print(f"{'sample':27} {out} ({result.duration_ms / 1000:.1f} s, {ns.engine})")
    return 0


def register(subparsers) -> None:
    a = subparsers.add_parser("aussprache", help="audition a word or sentence: spoken form, eSpeak phonemes "
                                                 "before and after the lexicon, and an MP3 sample",
                              description="Show how Vorleser speaks TEXT with and without the pronunciation "
                                          "lexicon, and write a short MP3 sample to listen to.")
    a.add_argument("text", metavar="TEXT", help="a word or a few sentences, e.g. \"Das Meeting beginnt live.\"")
    a.add_argument("--engine", choices=["espeak", "gtts"], default="espeak",
                   help="engine for the sample (gtts needs internet); phonemes always come from eSpeak")
    a.add_argument("-o", "--output", default="aussprache.mp3", metavar="FILE",
                   help="where to write the MP3 sample (default: aussprache.mp3)")
    a.add_argument("--rate", type=bounded(*RATE_RANGE), default=175, metavar="WPM",
                   help="eSpeak speech rate in words per minute, {}-{} (default 175)".format(*RATE_RANGE))
    a.add_argument("--pitch", type=bounded(*PITCH_RANGE), default=50, metavar="{}-{}".format(*PITCH_RANGE),
                   help="eSpeak pitch (default 50)")
    add_lexicon_options(a, verbose=False)
    a.set_defaults(func=_aussprache)
