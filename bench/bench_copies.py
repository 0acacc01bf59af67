"""How the library groups copies of one article: groups found, candidate pairs and their scores.

Usage (from the project root):

    python bench/bench_copies.py FOLDER [--truth stem|none] [--half even|odd|all] [--show N]

Indexes FOLDER into a temporary cache (or the cache dir in READER_CACHE_DIR), then prints how
many files and groups there are, every group of copies (up to --show), and, for every pair of
files that share a mark (the candidates), the shorter text's share of runs found in the other
("contains") and the length ratio of the two.  With ``--truth stem``, two files are the same
article when their paths are equal without the suffix (a collection written once per format by
make_collection.py with one seed), and the script prints true and false groupings; ``--half``
keeps only the articles whose truth key falls in the even or odd half (sorted), to choose a
threshold on one half and confirm it on the other.  It also prints how long regrouping took.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.library import cache, copies, open_library


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--truth", choices=["stem", "none"], default="none")
    ap.add_argument("--half", choices=["even", "odd", "all"], default="all")
    ap.add_argument("--show", type=int, default=20)
    ns = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-copies-")
    cache_dir = os.environ.get("READER_CACHE_DIR") or os.path.join(tmp, "cache")
    lib = open_library(ns.folder, cache_dir=cache_dir, data_dir=os.path.join(tmp, "data"))
    started = time.monotonic()
    lib.refresh()
    print(f"indexed in {time.monotonic() - started:.1f} s")
    conn = cache.connect(lib.cache_path, create=False)  # a bench: reads the tables directly
    # group every row again with the rules as they are now (rolled back at the end)
    started = time.monotonic()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE docs SET lead = NULL")
    looked = copies.regroup(conn)
    print(f"regroup of every row: {looked} rows in {time.monotonic() - started:.2f} s")
    rows = conn.execute("SELECT id, path, lead, copies FROM docs").fetchall()
    path_of = {int(i): str(p) for i, p, _l, _c in rows}

    def key(path: str) -> str:
        return os.path.splitext(path)[0]

    keys = sorted({key(p) for p in path_of.values()})
    keep = set(keys) if ns.half == "all" else set(keys[0 if ns.half == "even" else 1 :: 2])
    ids = [i for i, p in path_of.items() if key(p) in keep]
    groups: dict[int, list[int]] = {}
    for i, _p, lead, _c in rows:
        if int(i) in ids:
            groups.setdefault(int(lead if lead is not None else i), []).append(int(i))
    multi = [g for g in groups.values() if len(g) > 1]
    print(f"files {len(ids)}  listed {len(groups)}  groups of copies {len(multi)}")
    for g in multi[: ns.show]:
        print("  group:", " | ".join(sorted(path_of[i] for i in g)))
    if ns.truth == "stem":
        truth: dict[str, set[int]] = {}
        for i in ids:
            truth.setdefault(key(path_of[i]), set()).add(i)
        true_pairs = {frozenset(p) for t in truth.values() for p in combinations(sorted(t), 2)}
        got_pairs = {frozenset(p) for g in multi for p in combinations(sorted(g), 2)}
        hit = len(true_pairs & got_pairs)
        print(
            f"pairs: true {len(true_pairs)}  grouped {len(got_pairs)}  right {hit}  "
            f"missed {len(true_pairs - got_pairs)}  wrong {len(got_pairs - true_pairs)}"
        )
        for p in list(true_pairs - got_pairs)[: ns.show]:
            print("  missed:", " | ".join(sorted(path_of[i] for i in p)))
        for p in list(got_pairs - true_pairs)[: ns.show]:
            print("  wrong:", " | ".join(sorted(path_of[i] for i in p)))
    # every candidate pair and its scores
    pairs = {
        (min(a, b), max(a, b))
        for a, b in copies._candidates(conn, sorted(ids))
        if a in path_of and b in path_of and key(path_of[a]) in keep and key(path_of[b]) in keep
    }
    texts = copies._texts(conn, sorted({i for p in pairs for i in p}))
    print(f"candidate pairs {len(pairs)}")
    for a, b in sorted(pairs, key=lambda p: (path_of[p[0]], path_of[p[1]])):
        sa, sb = texts[a].runs, texts[b].runs
        small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
        contains = len(small & big) / max(1, len(small))
        ratio = len(small) / max(1, len(big))
        same = "same" if key(path_of[a]) == key(path_of[b]) else "diff"
        grouped = copies.copies_of(texts[a], texts[b])
        print(
            f"  {same} contains {contains:.2f} length {ratio:.2f} grouped {grouped}  "
            f"{path_of[a]} | {path_of[b]}"
        )
    conn.execute("ROLLBACK")
    conn.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
