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


def non_negative(text: str) -> int:
    """A whole number of 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be 0 or more")
    return value


def bounded(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"'{text}' is out of range: use {low} to {high}")
        return value
    return parse
