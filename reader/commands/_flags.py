"""Options several commands share, kept apart from _common so that extract and the app stay light."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_follow_symlinks(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--follow-symlinks", action="store_const", const=True, default=None,
                        help="read symbolic links that lead outside the collection "
                        "(default: the config file's follow_symlinks, else no)")


def follow_symlinks(flag: bool | None, report: Callable[[str], None]) -> bool:
    """The flag when given, else the config file's setting (its problem, if any, goes to ``report``)."""
    if flag is not None:
        return flag
    from reader import config

    value, problem = config.follow_symlinks()
    if problem:
        report(problem)
    return value
