"""``reader search QUERY [PATH]``: best matches first, as text or JSON lines."""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands._common import add_path, open_and_refresh
from reader.sanitize import escaped, inert


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY",
                        help='words (typos forgiven), "a phrase", person:NAME, said:NAME, title:WORD, -word')
    add_path(parser)
    parser.add_argument("--limit", type=int, default=20, help="at most this many hits (default %(default)s)")
    parser.add_argument("--format", choices=["text", "jsonl"], default="text", help="output format")


def run(ns: argparse.Namespace) -> int:
    # the query is complete, not being typed: a trailing space turns off prefix matching
    with open_and_refresh(ns.path, follow=ns.follow_symlinks) as lib:
        hits = lib.search(ns.query.rstrip() + " ", limit=ns.limit, with_matches=ns.format == "jsonl")
    out = sys.stdout
    for h in hits:
        if ns.format == "jsonl":
            rec = {"path": h.path, "title": h.title, "score": h.score, "snippet": h.snippet,
                   "snippet_spans": h.snippet_spans, "title_spans": h.title_spans, "first_hit": h.first_hit,
                   "matches": [[m.start, m.end] for m in h.matches], "copies": h.copies}
            # a file name that is not UTF-8 is written as JSON escapes (\udcff), as extract does
            out.write(json.dumps(rec, ensure_ascii=not _utf8(h.path)) + "\n")
        else:
            # article text is data: nothing in it may act on the terminal
            # one hit stands for every copy of the article (the path is the copy the list shows)
            also = f"  ({h.copies} copies)" if h.copies > 1 else ""
            out.write(f"{h.score:6.3f}  {escaped(h.path)}{also}\n"
                      f"        {inert(h.title)}\n        {inert(h.snippet)}\n")
    if not hits:
        print(f"reader: no articles match {escaped(ns.query)!r}", file=sys.stderr)
        return 1
    return 0


#: marks a query that begins with "-" while argparse reads the line (it would take it for an option)
_DASH = "\u2063"


def parse(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """Parse, with a ``-word`` that is no option (an excluded word) read as the query."""
    options = {o for a in parser._actions for o in a.option_strings}
    fixed = list(args)
    for i, arg in enumerate(fixed):
        if arg == "--":
            break
        if arg.startswith("-") and arg.split("=", 1)[0] not in options and not _number(arg):
            fixed[i] = _DASH + arg
    ns = parser.parse_args(fixed)
    ns.query = ns.query.replace(_DASH, "")
    return ns


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
