"""``reader index [PATH]``: build or refresh the library cache and say what changed."""

from __future__ import annotations

import argparse
import sys

from reader.commands._common import add_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path(parser)
    parser.add_argument("--check", action="store_true",
                        help="also read every stored analysis and redo the damaged ones (slower)")


def run(ns: argparse.Namespace) -> int:
    from reader import paths
    from reader.commands._common import refresh_with_notices
    from reader.ingest.discover import BROKEN
    from reader.library import open_library
    from reader.sanitize import escaped

    with open_library(ns.path or paths.sample_articles_dir(), follow_symlinks=ns.follow_symlinks) as lib:
        counts = refresh_with_notices(lib)
        repaired = ""
        if ns.check:
            shown = len(lib.notices)
            n = len(lib.check())
            for note in lib.notices[shown:]:
                print(f"reader: {escaped(note)}", file=sys.stderr)
            repaired = f", {n} repaired" if n else ""
        failures = lib.failures()
        for path, reason in failures:
            print(f"reader: {escaped(path)}: {escaped(reason)}", file=sys.stderr)
        # every file failing now counts, not only those that failed in this run; a broken link
        # (said once, as a notice, when the collection is walked) is a file that cannot be read
        still = len(failures) - counts.failed
        unchanged = max(0, counts.unchanged - still)
        broken = sum(1 for note in lib.notices if BROKEN in note)
        failed = len(failures) + broken
        print(f"{lib.count()} articles in {escaped(str(lib.root))}: {counts.added} added, "
              f"{counts.changed} changed, {counts.removed} removed, {failed} failed, "
              f"{unchanged} unchanged{repaired}")
        return 1 if failed else 0
