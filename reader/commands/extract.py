"""``reader extract [--format jsonl] PATH...``: the analysis as JSON lines (CONTRACT.md)."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
from collections.abc import Iterator

from reader import analysis
from reader.commands._flags import add_follow_symlinks, follow_symlinks
from reader.config import max_bytes
from reader.export import to_json_line
from reader.ingest import Failed, discover, guarded, load
from reader.sanitize import escaped

#: from this many files on, analysis runs in one forked worker per core
_PARALLEL_FROM = 24

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (jsonl)")
    parser.add_argument("--max-bytes", type=_positive, default=None,
                        help="read at most this many bytes of a file "
                             "(default: $READER_MAX_BYTES, else 5000000)")
    add_follow_symlinks(parser)


def run(ns: argparse.Namespace) -> int:
    failed = 0
    files: list[str] = []
    follow = follow_symlinks(ns.follow_symlinks,
                             lambda note: print(f"reader: {escaped(note)}", file=sys.stderr))

    def report(path: str, reason: str) -> None:
        nonlocal failed
        failed += 1
        print(f"reader: {escaped(path)}: {escaped(reason)}", file=sys.stderr)

    for root in ns.paths:
        if not os.path.exists(root):
            report(root, "no such file or folder")
            continue
        files.extend(discover(root, on_error=report, follow_symlinks=follow))
    out = sys.stdout
    paths = sorted(set(files))
    cap = ns.max_bytes if ns.max_bytes is not None else max_bytes()
    jobs = [(p, cap) for p in paths]
    for path, (ok, text) in zip(paths, _results(jobs), strict=True):
        if ok:
            out.write(text + "\n")
        else:
            report(path, text)
    out.flush()
    return 1 if failed else 0


def _one(job: tuple[str, int]) -> tuple[bool, str]:
    """(True, JSON line) or (False, reason) for one file; never raises (reader.ingest.guarded)."""
    path, max_bytes = job
    out = guarded(lambda: to_json_line(analysis.analyse(load(path, max_bytes)), path))
    return (False, out.reason) if isinstance(out, Failed) else (True, out)


def _results(jobs: list[tuple[str, int]]) -> Iterator[tuple[bool, str]]:
    """Results in input order; many files are analysed on every core (forked workers)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < _PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        yield from map(_one, jobs)
        return
    _warm()
    with mp.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_one, jobs, chunksize=2)  # small: no worker idles long at the end


def _warm() -> None:
    """Load the word lists and the name tagger's weights once, before the workers fork, so that
    they share them instead of each loading its own; and leave everything loaded so far out of
    the collector's walks (``gc.freeze``), so the workers neither scan nor copy it (speed)."""
    import gc

    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.tagger import model

    lexicon()
    model()
    gc.freeze()


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n
