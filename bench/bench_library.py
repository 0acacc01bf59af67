"""Benchmark the library at scale: cold index, warm reopen, per-keystroke search, memory, recall.

    python bench/bench_library.py [--sizes 10000,100000] [--queries 60] [--workdir /tmp/reader_bench]
                                  [--keep-cache]

Collections come from ../shared/tools/make_collection.py (beside the project) and are kept under
--workdir, so reruns skip building them.  Known-item queries are made from an
article's title words with one typo, a person's surname from the article, and
a phrase of its body; recall@1/@10 says how often that article is first / in
the top ten.  `fzf --filter` on the same titles is timed beside it when fzf is
installed.  Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import reader  # noqa: E402
from reader.library import Library  # noqa: E402

MAKE = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "make_collection.py"
WORD = re.compile(r"[A-Za-z]{3,}")


def build(workdir: Path, n: int) -> tuple[Path, Path]:
    out, manifest = workdir / f"coll_{n}", workdir / f"coll_{n}.tsv"
    if not manifest.exists():
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([sys.executable, str(MAKE), str(out), "--count", str(n), "--manifest", str(manifest)],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"  built collection of {n} in {time.perf_counter() - t:.1f} s")
    return out, manifest


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "sub"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + rng.choice("aeioustrn") + word[i + 1:]


def make_queries(lib: Library, rows: list[list[str]], count: int, rng: random.Random
                 ) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(query, target path)]."""
    out: dict[str, list[tuple[str, str]]] = {"title+typo": [], "surname": [], "body phrase": []}
    for rel, _origin, _fmt, title in rows:
        ws = WORD.findall(title)
        if len(out["title+typo"]) < count and len(ws) >= 2:
            ws = ws[:4]
            long = [i for i, w in enumerate(ws) if len(w) >= 5]
            if long:
                i = rng.choice(long)
                ws[i] = typo(ws[i], rng)
                out["title+typo"].append((" ".join(ws).lower(), rel))
        try:
            art = lib.article(rel)
        except reader.errors.ReaderError:
            continue
        names = [p.name.split()[-1] for p in art.people if len(p.name.split()) >= 2]
        if len(out["surname"]) < count and names:
            out["surname"].append((rng.choice(names), rel))
        body = [b.text for b in art.shown_blocks if b.kind.value == "body" and len(b.text.split()) > 12]
        if len(out["body phrase"]) < count and body:
            toks = rng.choice(body).split()
            j = rng.randrange(0, len(toks) - 6)
            out["body phrase"].append((" ".join(toks[j:j + 5]), rel))
    return out


def keystrokes(lib: Library, queries: list[str], count: bool = False) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each keystroke's search (CPU time is fair on a busy machine);
    ``count``: of the count of articles matching every word instead (the app's header)."""
    wall, cpu = [], []
    for q in queries:
        for i in range(1, len(q) + 1):
            t, c = time.perf_counter(), time.process_time()
            if count:
                lib.search_count(q[:i])
            else:
                lib.search(q[:i], limit=50)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def stats(xs: list[float]) -> str:
    xs = sorted(xs)
    return (f"median {statistics.median(xs):.1f} ms, p95 {xs[int(0.95 * (len(xs) - 1))]:.1f} ms, "
            f"max {xs[-1]:.1f} ms")


def recall(lib: Library, items: list[tuple[str, str]]) -> tuple[float, float, float]:
    at1 = at10 = 0
    times = []
    for q, target in items:
        t = time.perf_counter()
        hits = [h.path for h in lib.search(q + " ", limit=10)]
        times.append((time.perf_counter() - t) * 1000)
        at1 += bool(hits[:1] == [target])
        at10 += target in hits
    n = max(1, len(items))
    return at1 / n, at10 / n, statistics.median(times) if times else 0.0


def fzf_recall(titles: dict[str, str], items: list[tuple[str, str]]) -> tuple[float, float, float] | None:
    fzf = shutil.which("fzf")
    if not fzf:
        return None
    lines = [f"{t}\t{p}" for p, t in titles.items()]
    data = "\n".join(lines).encode()
    at1 = at10 = 0
    times = []
    for q, target in items:
        t = time.perf_counter()
        res = subprocess.run([fzf, "--filter", q, "--delimiter", "\t", "--nth", "1"], input=data,
                             capture_output=True, check=False)
        times.append((time.perf_counter() - t) * 1000)
        got = [ln.split("\t")[-1] for ln in res.stdout.decode().splitlines()[:10]]
        at1 += bool(got[:1] == [target])
        at10 += target in got
    n = max(1, len(items))
    return at1 / n, at10 / n, statistics.median(times)


COLD = """
import resource, sys, time
import reader
t, c = time.perf_counter(), time.process_time()
with reader.open_library(sys.argv[1], cache_dir=sys.argv[2], data_dir=sys.argv[2]) as lib:
    counts = lib.refresh()
wall, cpu = time.perf_counter() - t, time.process_time() - c
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
me = resource.getrusage(resource.RUSAGE_SELF)
from pathlib import Path
size = sum(p.stat().st_size for p in Path(sys.argv[2]).iterdir()) / 1e6
print(f"{wall:.1f} s wall ({counts.added} added, {counts.failed} failed); CPU: main {cpu:.1f} s, "
      f"workers {ch.ru_utime + ch.ru_stime:.1f} s; peak RSS main {me.ru_maxrss / 1024:.0f} MB, "
      f"one worker {ch.ru_maxrss / 1024:.0f} MB; cache {size:.0f} MB")
"""


def sample(manifest: Path, k: int, rng: random.Random) -> list[list[str]]:
    """k manifest rows picked at random without holding the whole manifest (reservoir)."""
    out: list[list[str]] = []
    with open(manifest, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if len(out) < k:
                out.append(line.rstrip("\n").split("\t"))
            else:
                j = rng.randrange(i + 1)
                if j < k:
                    out[j] = line.rstrip("\n").split("\t")
    return out


def _same(entry: object, title: str) -> bool:
    got = getattr(entry, "title", "")
    return " ".join(WORD.findall(got.lower())) == " ".join(WORD.findall(title.lower()))


def maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(n: int, workdir: Path, nq: int, keep: bool) -> None:
    print(f"== {n} articles")
    coll, manifest = build(workdir, n)
    cache = workdir / f"cache_{n}"
    if not keep or not cache.exists():
        shutil.rmtree(cache, ignore_errors=True)
        # in a child process, so its peak memory is the library's alone
        env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
        out = subprocess.run([sys.executable, "-c", COLD, str(coll), str(cache)], check=True,
                             capture_output=True, text=True, env=env).stdout
        print(f"  cold index: {out.strip()}")
    else:
        print("  cold index: skipped (--keep-cache)")
    t = time.perf_counter()
    lib = reader.open_library(coll, cache_dir=cache, data_dir=cache)
    first = lib.entries(0, 100)  # what the app paints before its refresh worker walks the folder
    painted = time.perf_counter() - t
    counts = lib.refresh()
    page = lib.entries(0, 100)
    warm = time.perf_counter() - t
    print(f"  warm reopen, rows painted (open + first page, before the walk): {painted:.2f} s "
          f"({len(first)} rows)")
    print(f"  warm reopen (open + stat-walk refresh + first page): {warm:.2f} s "
          f"(unchanged {counts.unchanged}, {len(page)} rows)")
    t = time.perf_counter()
    lib.search("a")
    print(f"  first search (loads vocabulary): {(time.perf_counter() - t) * 1000:.0f} ms")
    rng = random.Random(7)
    items = make_queries(lib, sample(manifest, nq * 4, rng), nq, rng)
    typed = [q for kind in items.values() for q, _ in kind[: max(5, nq // 4)]]
    wall, cpu = keystrokes(lib, typed)
    print(f"  search per keystroke ({len(wall)} keystrokes, limit 50): wall {stats(wall)}")
    print(f"                                          CPU  {stats(cpu)}")
    if hasattr(lib, "search_count"):
        wall, cpu = keystrokes(lib, typed, count=True)
        print(f"  count per keystroke (when the list is full): wall {stats(wall)}; CPU {stats(cpu)}")
    print(f"  peak RSS of this process after reopen and typing: {maxrss_mb():.0f} MB")
    rows = (ln.split("\t") for ln in manifest.read_text(encoding="utf-8").splitlines() if ln.strip())
    titles = {r[0]: r[3] for r in rows}
    for kind, its in items.items():
        r1, r10, med = recall(lib, its)
        line = f"  recall {kind:12s} (n={len(its)}): @1 {r1:.2f} @10 {r10:.2f} (median {med:.1f} ms)"
        if kind != "title+typo":
            # how ambiguous the query is: articles holding it exactly (recombined articles share text)
            holders = [len(lib.search(f'"{q}" ', limit=1000)) for q, _ in its]
            unique = [it for it, h in zip(its, holders, strict=True) if h <= 1]
            u1, u10, _ = recall(lib, unique)
            line += (f" | articles holding it exactly: median {statistics.median(holders):.0f}; "
                     f"where only one does (n={len(unique)}): @1 {u1:.2f} @10 {u10:.2f}")
        if kind == "title+typo":
            # how much of the miss is the analysis's title (wrong title -> only body weight)
            good = [(q, p) for q, p in its if _same(lib.entry(p), titles.get(p, ""))]
            g1, g10, _ = recall(lib, good)
            line += f" | where the analysed title is right (n={len(good)}): @1 {g1:.2f} @10 {g10:.2f}"
            fz = fzf_recall(titles, its)
            line += (f" | fzf --filter on titles: @1 {fz[0]:.2f} @10 {fz[1]:.2f} (median {fz[2]:.0f} ms)"
                     if fz else " | fzf not installed")
        print(line)
    incremental(lib, coll, rng)
    lib.close()


def incremental(lib: Library, coll: Path, rng: random.Random, k: int = 50) -> None:
    """Edit k files, refresh, put them back exactly (bytes and mtime), refresh again."""
    # text and Markdown only: words appended after </html> are rightly not part of a page
    page = lib.entries(rng.randrange(max(1, lib.count() - 2000)), 2000)
    picks = [e.path for e in page if not e.path.endswith((".html", ".htm"))][:k]
    saved = {}
    for rel in picks:
        p = coll / rel
        st = p.stat()
        saved[rel] = (p.read_bytes(), st.st_atime_ns, st.st_mtime_ns)
        p.write_bytes(saved[rel][0] + b"\n\nAn added paragraph about zanzibar spice ships.\n")
    try:
        t = time.perf_counter()
        counts = lib.refresh()
        dt = time.perf_counter() - t
        found = sum(h.path in saved for h in lib.search("zanzibar spice ", limit=100))
        print(f"  incremental refresh after editing {len(saved)} files: {dt:.2f} s "
              f"({counts.changed} changed); new words found in {found} of them")
    finally:
        for rel, (data, atime, mtime) in saved.items():
            (coll / rel).write_bytes(data)
            os.utime(coll / rel, ns=(atime, mtime))
        lib.refresh()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--workdir", default="/tmp/reader_bench")
    ap.add_argument("--keep-cache", action="store_true", help="reuse an existing cache (no cold index)")
    ns = ap.parse_args()
    workdir = Path(ns.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    for n in (int(x) for x in ns.sizes.split(",")):
        run(n, workdir, ns.queries, ns.keep_cache)


if __name__ == "__main__":
    main()
