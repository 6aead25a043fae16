"""Argument types shared by the ``vorleser`` subcommands: argparse turns a bad value into one
line naming the option (exit 2) before any work starts."""
from __future__ import annotations

import argparse

from .manifest.names import is_slug


def positive(text: str) -> int:
    """A whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' must be 1 or more")
    return value


def slug(text: str) -> str:
    """An article name: it becomes a folder name and part of every URL of the article."""
    if not is_slug(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an article name: use lowercase letters a-z, digits "
                                         "and '-', starting with a letter or digit, at most 81 characters")
    return text
