"""Which lexicons apply: the bundled default, then the editors' lexicon (``aussprache.pls`` in
the instance folder, edited on the web page "Aussprache"), then $VORLESER_LEXICON, then
--lexicon files.

Later files override earlier ones (and the default), grapheme by grapheme.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

from .model import Lexicon
from .pls import parse_bytes, parse_file

log = logging.getLogger(__name__)

ENV = "VORLESER_LEXICON"
DEFAULT_NAME = "default.pls"


def default_path() -> Path:
    """Where the bundled default lexicon lives (inside the installed package)."""
    return Path(str(resources.files(__package__).joinpath(DEFAULT_NAME)))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled default lexicon (English loanwords and foreign names in German news)."""
    data = resources.files(__package__).joinpath(DEFAULT_NAME).read_bytes()
    return parse_bytes(data, DEFAULT_NAME)


def env_paths(environ: Mapping[str, str] | None = None) -> list[str]:
    """The files named in $VORLESER_LEXICON (separated by os.pathsep), in order."""
    value = (os.environ if environ is None else environ).get(ENV, "")
    return [p for p in value.split(os.pathsep) if p.strip()]


USER_LEXICON = "aussprache.pls"


def user_lexicon_path() -> Path:
    """The editors' lexicon, kept in the instance folder (it may not exist yet)."""
    from ..paths import instance_dir
    return instance_dir() / USER_LEXICON


def lexicon_paths(cli_paths: Iterable[str] | None = None, environ: Mapping[str, str] | None = None) -> list[str]:
    """The editors' lexicon (if it exists), then $VORLESER_LEXICON files, then the --lexicon files:
    the later overrides the earlier. Command-line and queue builds use the same list."""
    user = user_lexicon_path()
    own = [str(user)] if user.is_file() else []
    return own + env_paths(environ) + [str(p) for p in (cli_paths or [])]


def load_lexicons(paths: Iterable[str | Path] = (), include_default: bool = True) -> Lexicon:
    """The default lexicon (unless ``include_default`` is False) merged with ``paths`` in order.
    Raises LexiconError (one line, with the file and line) for a missing or invalid file."""
    parts = [default_lexicon()] if include_default else []
    parts += [parse_file(p) for p in paths]
    merged = Lexicon.merge(parts)
    log.debug("lexicon: %d graphemes from %s", len(merged), ", ".join(merged.sources) or "nothing")
    return merged
