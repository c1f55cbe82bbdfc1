"""Argument types checked when the command line is parsed.

A bad value (`path -k -1`, `--max-mb nan`, `--date 2023-13-45`) is refused by
argparse with one line and exit code 2, before a project is opened or a
pipeline loaded, instead of failing later with a traceback or, worse, being
accepted.
"""

from __future__ import annotations

import argparse
import datetime
import math


def count(minimum: int):
    """An argparse type: a whole number >= `minimum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is too small (at least {minimum})")
        return value

    parse.__name__ = "count"  # argparse names the type in its messages
    return parse


positive = count(1)
non_negative = count(0)


def megabytes(text: str) -> float:
    """A file size limit in MB: a finite number above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be a number of megabytes above 0")
    return value


def iso_date(text: str) -> str:
    """A real calendar date written YYYY-MM-DD."""
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD, e.g. 2023-05-22)") from None
