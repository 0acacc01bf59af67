"""``reader [PATH] [--theme NAME]``: open the reading app (the bundled samples without PATH)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reader.commands._flags import add_follow_symlinks
from reader.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH",
                        help="folder of articles (default: the bundled sample articles)")
    parser.add_argument("--theme", metavar="NAME", help="a Textual theme, e.g. nord, textual-light")
    add_follow_symlinks(parser)


def run(ns: argparse.Namespace) -> int:
    from reader import paths

    root = Path(ns.path).expanduser() if ns.path else paths.sample_articles_dir()
    if not root.exists() and not root.is_symlink():
        raise UsageError(f"reader: {root}: does not exist")
    if not root.is_dir():
        raise UsageError(f"reader: {root}: not a folder")
    from reader.ui.app import ReaderApp

    kwargs: dict[str, Any] = {}
    if ns.follow_symlinks:  # else the library reads follow_symlinks from the config file
        from reader import open_library

        kwargs["opener"] = lambda r: open_library(r, follow_symlinks=True)
    app = ReaderApp(root, theme=ns.theme, **kwargs)
    app.run()
    # Textual's run() returns normally after an unhandled exception; return_code says it crashed
    return exit_status(app.return_code)


def exit_status(return_code: int | None) -> int:
    """The process exit status for the app's ``return_code`` (None: it never set one, a normal quit)."""
    return int(return_code or 0)
