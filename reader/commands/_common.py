"""Helpers shared by the library commands: the PATH argument, opening, a progress bar on stderr."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from reader import paths
from reader.commands._flags import add_follow_symlinks
from reader.library import Library, RefreshCounts, open_library
from reader.sanitize import escaped


def add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH", default=None,
                        help="collection folder (default: the bundled sample articles)")
    add_follow_symlinks(parser)


def open_and_refresh(path: str | None, *, quiet: bool = False, follow: bool | None = None) -> Library:
    """Open the collection and bring its cache up to date, showing progress on a terminal.

    ``follow`` is the --follow-symlinks flag (None: the library reads the config file)."""
    lib = open_library(path or paths.sample_articles_dir(), follow_symlinks=follow)
    refresh_with_notices(lib, quiet=quiet)
    return lib


def refresh_with_notices(lib: Library, *, quiet: bool = False) -> RefreshCounts:
    """Refresh ``lib``, printing its notices (cache rebuilt, ...) on stderr as they come."""
    for note in lib.notices:
        print(f"reader: {escaped(note)}", file=sys.stderr)
    shown = len(lib.notices)
    counts = lib.refresh(progress=None if quiet else progress_bar())
    for note in lib.notices[shown:]:
        print(f"reader: {escaped(note)}", file=sys.stderr)
    return counts


def progress_bar(label: str = "indexing") -> Callable[[int, int], None] | None:
    """A progress callback drawing on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None
    start = time.monotonic()

    finished = False

    def draw(done: int, total: int) -> None:
        nonlocal finished
        if total == 0 or finished:
            return
        finished = done >= total
        width = 30
        filled = width * done // total
        rate = done / max(1e-6, time.monotonic() - start)
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                         f"({rate:.0f}/s){end}")
        sys.stderr.flush()

    return draw
