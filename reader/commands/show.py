"""``reader show PATH [--width N]``: an article rendered as the reading pane shows it, as plain text.

Headings, bullets, numbers, quote bars, code panels, aligned tables, link numbers and folds
("▸ 4 lines hidden: ...") are drawn as in the app, without colours, so the output can be read in
a pipe or diffed.  The links the numbers refer to are listed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from reader import analysis
from reader.ingest import load
from reader.sanitize import inert

#: The width when stdout is not a terminal and no --width is given.
DEFAULT_WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a .txt, .md or .html file")
    parser.add_argument("--width", type=_width, default=None,
                        help="line width in cells (default: the terminal's, at most the config file's "
                             f"reading_width; {DEFAULT_WIDTH} in a pipe)")


def _width(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 10 <= n <= 1000:
        raise argparse.ArgumentTypeError("the width must be between 10 and 1000")
    return n


def run(ns: argparse.Namespace) -> int:
    from reader.config import load_config
    from reader.ui.widgets.reading_layout import line_text, prepare

    width = ns.width
    if width is None:
        measure = load_config().reading_width
        width = min(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, measure) \
            if sys.stdout.isatty() else DEFAULT_WIDTH
    article = analysis.analyse(load(ns.path))
    prepared = prepare(article, {}, width)
    layout = prepared.layout
    assert layout is not None
    out = sys.stdout
    for y in range(layout.height):
        found = layout.locate(y)
        if found is not None:
            out.write(line_text(found[0], found[1], width, {}, []).plain.rstrip() + "\n")
    if prepared.links:
        out.write("\nLinks\n")
        for link in prepared.links:
            out.write(f"{link.number:>3}. {inert(link.text)}  {inert(link.href)}\n")
    return 0
