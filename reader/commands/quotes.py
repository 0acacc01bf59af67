"""``reader quotes [PATH] [--speaker NAME]``: quotes in a collection with who said them."""

from __future__ import annotations

import argparse
import sys

from reader.commands._common import add_path, open_and_refresh
from reader.sanitize import escaped, inert


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path(parser)
    parser.add_argument("--speaker", default=None, help="only quotes whose speaker contains NAME")


def run(ns: argparse.Namespace) -> int:
    with open_and_refresh(ns.path, follow=ns.follow_symlinks) as lib:
        for q in lib.quotes(ns.speaker):
            text = " ".join(q.text.split())
            sys.stdout.write(f"{escaped(q.path)}\t{inert(q.speaker or '?')}\t{inert(text)}\n")
    return 0
