"""What the HTML path costs next to trafilatura alone, stage by stage, in one run.

Usage (from the project root):

    python bench/bench_html.py [FOLDER_OF_HTML ...] [--rounds N]

Default folder: ``../shared/corpus/boilerplate/dev/html``.  For every page, in one process and
alternating, best of ``--rounds`` (2): ``trafilatura.extract`` on the page's text (the peer),
the reader's whole loader (:func:`reader.ingest.html.load_html`: parse, metadata, block walk,
article finder, merge, display), and its stages alone: parse, block walk (with the structure
listener), trafilatura's quick pass on the parsed tree, and the density scorer
(:mod:`reader.ingest.html_density`) on the walk's blocks.  Prints milliseconds per page, the
loader-to-peer ratio, and how often the density scorer and the quick pass agree (word overlap
of the two articles at least 0.8), which bounds how much of the quick pass it could spare.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    return sum((a & b).values()) / max(sum(a.values()), sum(b.values()))


def main(argv: list[str]) -> int:
    import trafilatura

    from reader.ingest.decode import decode
    from reader.ingest.html import _parse, load_html
    from reader.ingest.html_article import extract, extract_in
    from reader.ingest.html_blocks import Nodes, visible_blocks
    from reader.ingest.html_density import density_article
    from reader.ingest.html_structure import StructureWalk

    rounds = 2
    if "--rounds" in argv:
        at = argv.index("--rounds")
        rounds = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    folders = [Path(a) for a in argv] or [Path("../shared/corpus/boilerplate/dev/html")]
    pages = [(str(p), decode(p.read_bytes())) for f in folders for p in sorted(f.glob("*.htm*"))]
    if not pages:
        print("no HTML pages found", file=sys.stderr)
        return 2

    def walk(text: str) -> tuple[Any, list[Any], Nodes]:
        root = _parse(text)
        body = root.find("body")
        nodes = Nodes()
        blocks = visible_blocks(body if body is not None else root, StructureWalk(), nodes)
        return root, blocks, nodes

    trees = [walk(text) for _, text in pages]
    jobs: dict[str, Callable[[int], object]] = {
        "trafilatura.extract (peer)": lambda i: trafilatura.extract(pages[i][1]),
        "reader load_html (whole)": lambda i: load_html(*pages[i]),
        "  parse": lambda i: _parse(pages[i][1]),
        "  block walk + structure": lambda i: walk(pages[i][1]),
        "  trafilatura quick pass": lambda i: extract(trees[i][0]),
        "  density scorer": lambda i: density_article(trees[i][1], trees[i][2]),
        "  quick pass in its region": lambda i: region_pass(i),
    }

    def region_pass(i: int) -> object:
        _, blocks, nodes = trees[i]
        found = density_article(blocks, nodes)
        return extract_in(nodes.element[found.region]) if found.region >= 0 else None

    for job in jobs.values():  # imports and caches warmed before timing
        job(0)
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(rounds):
        spent = dict.fromkeys(jobs, 0.0)
        for i in range(len(pages)):  # alternate, page by page, so load affects all alike
            for name, job in jobs.items():
                t0 = time.perf_counter()
                job(i)
                spent[name] += time.perf_counter() - t0
        for name in jobs:
            best[name] = min(best[name], spent[name])
    n = len(pages)
    print(f"{n} pages, best of {rounds} rounds")
    for name, total in best.items():
        print(f"{name:30s} {1000 * total / n:7.2f} ms/page")
    peer = best["trafilatura.extract (peer)"]
    print(f"loader / peer ratio {best['reader load_html (whole)'] / peer:.2f}")
    agree = 0
    for root, blocks, nodes in trees:
        found = density_article(blocks, nodes)
        ours = Counter(w for k in found.blocks for w in _WORD.findall(blocks[k].text))
        quick = Counter(w for _, t in extract(root).parts for w in _WORD.findall(t))
        agree += _overlap(ours, quick) >= 0.8
    print(f"density scorer agrees with the quick pass on {agree} of {n} pages ({agree / n:.0%})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main(sys.argv[1:]))
