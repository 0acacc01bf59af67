"""Seconds of ``make_blocks`` on a huge plain-text file of short lines (made up here, capped by ingest).

    python bench/bench_huge.py [--lines N] [--blank]

``--blank`` puts a blank line after each line (every line its own paragraph).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from reader.analysis.boilerplate.blocks import make_blocks
from reader.ingest import load_bytes

WORDS = ["the", "river", "bridge", "council", "ferry", "city", "mayor", "home", "news", "sport", "weather",
         "share", "sign", "in", "more", "read", "said", "work", "old", "new", "year"]


def make(lines: int, blank: bool, seed: int = 1) -> bytes:
    """``lines`` short lines of one to four words, every third numbered."""
    rnd = random.Random(seed)
    end = "\n\n" if blank else "\n"
    rows = (" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))) + (f" {n}" if n % 3 else "")
            for n in range(lines))
    return end.join(rows).encode() + b"\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--blank", action="store_true")
    ns = ap.parse_args()
    doc = load_bytes("huge.txt", make(ns.lines, ns.blank), "text")
    t = time.perf_counter()
    blocks = make_blocks(doc)
    secs = time.perf_counter() - t
    units = doc.source.count("\n\n" if ns.blank else "\n")
    print(f"{len(doc.source)} chars, {units} lines read, {len(blocks)} blocks: make_blocks {secs:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
