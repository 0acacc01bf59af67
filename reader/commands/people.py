"""``reader people [PATH]``: everyone named in a collection, with article counts."""

from __future__ import annotations

import argparse
import sys

from reader.commands._common import add_path, open_and_refresh
from reader.sanitize import inert


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path(parser)
    parser.add_argument("--limit", type=int, default=None, help="show only the most frequent N")


def run(ns: argparse.Namespace) -> int:
    with open_and_refresh(ns.path, follow=ns.follow_symlinks) as lib:
        for name, n in lib.people(ns.limit):
            sys.stdout.write(f"{n:6d}  {inert(name)}\n")
    return 0
