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


class ManifestError(InputError):
    """A manifest.json is missing, unreadable or does not match the schema."""


class DependencyError(VorleserError):
    """A Python package Vorleser needs is missing or broken."""


# import name -> the distribution to install
_DISTRIBUTIONS = {"bs4": "beautifulsoup4", "lxml.html.clean": "lxml_html_clean", "espeakng_loader": "espeakng-loader",
                  "imageio_ffmpeg": "imageio-ffmpeg", "flask_compress": "flask-compress", "num2words": "num2words"}


def missing_package(exc: ImportError) -> DependencyError:
    """A clear error for an ImportError of a dependency: which package, and how to get it."""
    name = exc.name or ""
    text = str(exc)
    if "lxml.html.clean" in text:
        name = "lxml.html.clean"
    dist = _DISTRIBUTIONS.get(name) or _DISTRIBUTIONS.get(name.split(".")[0]) or name.split(".")[0] or "vorleser"
    return DependencyError(f"the Python package '{dist}' is missing or broken ({text})",
                           f"an incomplete installation; run 'python -m pip install --upgrade {dist}' "
                           "in Vorleser's environment, or reinstall Vorleser")


class LexiconError(VorleserError):
    """A pronunciation lexicon (PLS file) is missing, invalid or unsafe."""


class AlignError(VorleserError):
    """A recording cannot be aligned with the article's text (unreadable, or it does not match)."""


class RecordedArticleError(VorleserError):
    """The article is a narrator's recording (``vorleser align``): a build from its text would replace it."""

    def __init__(self, slug: str):
        self.slug = slug
        super().__init__(f"the article '{slug}' is a narrator's recording, aligned with 'vorleser align'; "
                         "it is not rebuilt with synthetic speech",
                         "to change its text or word times, align the recording again with "
                         f"'vorleser align TEXT RECORDING --slug {slug}'; to replace it with synthetic "
                         "speech, delete it first or build with --replace-recording")
