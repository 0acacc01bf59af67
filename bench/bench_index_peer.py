"""A cold index beside what trafilatura alone costs on the same collection, in one run.

    python bench/bench_index_peer.py [--count 3000] [--seed 5] [--workdir /tmp/reader_peer] [--rounds 2]

The collection comes from ../shared/tools/make_collection.py (a third each txt, md, html) and is
kept under --workdir.  Each round runs, alternating, in a fresh interpreter each (imports and
start-up included on both sides):

- cold: ``reader.open_library(C, cache_dir=new, data_dir=new).refresh()`` (its two workers);
- peer: two processes that run ``trafilatura.extract()`` on the HTML files and read the others.

It prints each run with its CPU seconds (user + system of the children, which other jobs on the
machine change less than the wall time), each round's ratio (cold / peer), the best of the rounds
for each job with the ratio of those bests (the issue's table), and the median of the rounds'
ratios, the steadier figure when the machine's load changes from minute to minute.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE = ROOT.parent / "shared" / "tools" / "make_collection.py"


def build(workdir: Path, count: int, seed: int) -> Path:
    out = workdir / f"coll_{count}_s{seed}"
    done = workdir / f"coll_{count}_s{seed}.done"
    if not done.exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(MAKE), str(out), "--count", str(count), "--seed", str(seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        done.write_text("")
    return out


def _peer_chunk(paths: list[str]) -> int:
    import trafilatura

    chars = 0
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        if p.endswith(".html"):
            chars += len(trafilatura.extract(data.decode("utf-8", "replace")) or "")
        else:
            chars += len(data.decode("utf-8", "replace"))
    return chars


def peer(collection: Path) -> None:
    files = sorted(str(p) for p in collection.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    chunks = [files[i : i + 32] for i in range(0, len(files), 32)]
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        sum(pool.map(_peer_chunk, chunks))


def cold(collection: Path) -> None:
    import reader

    with (
        tempfile.TemporaryDirectory(prefix="reader-peer-") as tmp,
        reader.open_library(collection, cache_dir=Path(tmp) / "c", data_dir=Path(tmp) / "d") as lib,
    ):
        counts = lib.refresh()
    if counts.added == 0:
        raise SystemExit("the cold index added nothing")


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def timed(kind: str, collection: Path) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t, c = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, __file__, "--child", kind, str(collection)], env=env, check=True)
    return time.perf_counter() - t, _cpu() - c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "reader_peer")
    ap.add_argument("--collection", type=Path, default=None, help="use this folder instead of building one")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("KIND", "COLLECTION"), help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child:
        (cold if ns.child[0] == "cold" else peer)(Path(ns.child[1]))
        return 0
    if ns.collection is None and not MAKE.exists():
        print(f"bench_index_peer: {MAKE} not found; skipped")
        return 0
    ns.workdir.mkdir(parents=True, exist_ok=True)
    coll = ns.collection or build(ns.workdir, ns.count, ns.seed)
    n = sum(1 for p in coll.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    best: dict[str, tuple[float, float]] = {}
    ratios: list[tuple[float, float]] = []
    for r in range(max(1, ns.rounds)):
        this: dict[str, tuple[float, float]] = {}
        for kind in ("cold", "peer"):
            this[kind] = wall, cpu = timed(kind, coll)
            print(f"round {r + 1}  {kind:4}  wall {wall:6.2f} s  cpu {cpu:6.2f} s")
            if kind not in best or wall < best[kind][0]:
                best[kind] = (wall, cpu)
        ratios.append((this["cold"][0] / this["peer"][0], this["cold"][1] / this["peer"][1]))
        print(f"round {r + 1}  ratio cold / peer: wall {ratios[-1][0]:.2f}, cpu {ratios[-1][1]:.2f}")
    (cw, cc), (pw, pc) = best["cold"], best["peer"]
    print(f"{n} articles in {coll}")
    print(f"| job | wall (best of {max(1, ns.rounds)}) | cpu (that run) |")
    print("| --- | --- | --- |")
    print(f"| `reader.open_library(C).refresh()` (cold) | {cw:.2f} s | {cc:.2f} s |")
    print(
        f"| peer: `trafilatura.extract()` on the HTML files + reading the others | {pw:.2f} s | {pc:.2f} s |"
    )
    print(f"ratio of the bests: wall {cw / pw:.2f}, cpu {cc / pc:.2f}")
    # a round's two jobs ran back to back, under much the same load: their ratio is the steadier one
    print(
        f"median ratio of a round's cold to its peer: wall {statistics.median(r[0] for r in ratios):.2f}, "
        f"cpu {statistics.median(r[1] for r in ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
