"""Words per second of people + quotes over a folder of .txt articles (run by hand, not a test).

usage: python bench/quotes_speed.py FOLDER [LIMIT]

Also times quotes on hostile one-block texts of 40k and 160k characters: a ratio near
4 (not 16) shows linear time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.analysis.boilerplate.blocks import make_blocks
from reader.analysis.people import find_people
from reader.analysis.quotes import find_quotes
from reader.ingest import load
from reader.model import Block, BlockKind, Span

_HOSTILE = ['"a" ', "'b' said X ", "“x ", 'The "deal" and ', 'Smith said, "', "''a'' ", 'he said "x" of a ']


def hostile() -> None:
    for piece in _HOSTILE:
        secs = []
        for n in (40_000, 160_000):
            text = piece * (n // len(piece))
            t = time.perf_counter()
            find_quotes(text, [Block(BlockKind.BODY, Span(0, len(text)), text)], [])
            secs.append(time.perf_counter() - t)
        ratio = secs[1] / max(secs[0], 1e-6)
        print(f"hostile {piece!r}: {secs[0]:.3f}s -> {secs[1]:.3f}s, ratio {ratio:.1f}")


def main() -> None:
    files = sorted(Path(sys.argv[1]).rglob("*.txt"))[: int(sys.argv[2]) if len(sys.argv) > 2 else None]
    docs = [load(str(f)) for f in files]
    shown = [[b for b in make_blocks(d) if not b.hidden] for d in docs]
    words = sum(len(d.source.split()) for d in docs)
    t0 = time.perf_counter()
    people = [find_people(d.source, bs) for d, bs in zip(docs, shown, strict=True)]
    t1 = time.perf_counter()
    n = sum(len(find_quotes(d.source, bs, ps)) for d, bs, ps in zip(docs, shown, people, strict=True))
    t2 = time.perf_counter()
    print(f"{len(docs)} docs, {words} words, {n} quotes")
    print(f"people {words / (t1 - t0):,.0f} words/s; quotes {words / (t2 - t1):,.0f} words/s")
    hostile()


if __name__ == "__main__":
    main()
