"""``reader extract [--format jsonl] PATH...``: the analysis as JSON lines (CONTRACT.md)."""

from __future__ import annotations

import argparse
import os
import sys

from reader.analysis import analyse
from reader.errors import ArticleError
from reader.export import to_json_line
from reader.ingest import DEFAULT_MAX_BYTES, discover, load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (jsonl)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help="read at most this many bytes of a file (default %(default)s)")


def run(ns: argparse.Namespace) -> int:
    failed = 0
    files: list[str] = []

    def report(path: str, reason: str) -> None:
        nonlocal failed
        failed += 1
        print(f"reader: {_show(path)}: {reason}", file=sys.stderr)

    for root in ns.paths:
        if not os.path.exists(root):
            report(root, "no such file or folder")
            continue
        files.extend(discover(root, on_error=report))
    out = sys.stdout
    for path in sorted(set(files)):
        try:
            article = analyse(load(path, ns.max_bytes))
        except ArticleError as exc:
            report(path, exc.reason)
            continue
        except RecursionError:
            report(path, "structure nested too deeply to analyse")
            continue
        out.write(to_json_line(article, path) + "\n")
    out.flush()
    return 1 if failed else 0


def _show(path: str) -> str:
    """A path safe to print: undecodable bytes and control characters escaped."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8").encode("unicode_escape").decode("ascii") \
        if any(ord(c) < 32 or 0xDC80 <= ord(c) <= 0xDCFF for c in path) else path
