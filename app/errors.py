"""Named errors. Each message says what failed and the probable cause or fix.

The CLI prints ``str(error)`` on one line and exits with ``exit_code``.
"""
from __future__ import annotations


class VorleserError(Exception):
    """Base class: a problem the user can act on (never a bug)."""

    exit_code = 2

    def __init__(self, what: str, cause: str | None = None):
        self.what = what
        self.cause = cause
        super().__init__(what if not cause else f"{what}. Probable cause: {cause}")


class InputError(VorleserError):
    """The source could not be read or holds no article text."""


class EngineError(VorleserError):
    """A speech engine failed (library missing, network, rate limit)."""


class EncodeError(VorleserError):
    """ffmpeg is missing or failed to encode/decode audio."""


class OutputError(VorleserError):
    """The output directory cannot be written."""


class BuildLockedError(VorleserError):
    """Another build of the same article is running."""


class AlignError(VorleserError):
    """A recording cannot be aligned with the article's text (unreadable, or it does not match)."""
