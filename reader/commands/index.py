"""``reader index [PATH]``: build or refresh the library cache and say what changed."""

from __future__ import annotations

import argparse
import sys

from reader.commands._common import add_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path(parser)


def run(ns: argparse.Namespace) -> int:
    from reader import paths
    from reader.commands._common import progress_bar
    from reader.library import open_library

    with open_library(ns.path or paths.sample_articles_dir()) as lib:
        for note in lib.notices:
            print(f"reader: {note}", file=sys.stderr)
        shown = len(lib.notices)
        counts = lib.refresh(progress=progress_bar())
        for note in lib.notices[shown:]:
            print(f"reader: {note}", file=sys.stderr)
        for path, reason in lib.failures():
            print(f"reader: {path}: {reason}", file=sys.stderr)
        print(f"{lib.count()} articles in {lib.root}: {counts.added} added, {counts.changed} changed, "
              f"{counts.removed} removed, {counts.failed} failed, {counts.unchanged} unchanged")
        return 1 if counts.failed else 0


