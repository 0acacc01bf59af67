"""CPU time of people detection (``find_people``) in two trees, measured in one run.

    python bench/bench_people.py --old /tmp/main-tree [--new .] [--repeat 5] [DIR ...]

Each measurement is a fresh process with ``PYTHONPATH`` set to one tree: it decodes the files
and makes their blocks (not timed), loads the tagger's weights and the word lists (not timed),
then runs ``find_people`` once over every document and prints its CPU seconds
(``time.process_time``, which other jobs on a busy machine hardly move).  One pass per process
keeps the caches a process builds over a collection honest: they start empty, as in a refresh
worker.  The trees alternate (old, new, old, new, ...); the best and the median of ``--repeat``
per tree and their ratios are printed.  Folders are walked recursively (a generated collection
nests them); the default files are the boilerplate dev set's text dumps in
``../shared``.  Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "boilerplate" / "dev" / "txt"

_CHILD = """
import sys, time
from pathlib import Path
from reader.ingest import load
from reader.analysis.boilerplate import make_blocks
from reader.analysis.people import find_people
from reader.analysis.people.tagger import model
from reader.analysis.lexicon import lexicon
files = [str(p) for d in sys.argv[1:] for p in sorted(Path(d).rglob("*")) if p.is_file()]
docs = []
for f in files:
    doc = load(f)
    docs.append((doc.source, [b for b in make_blocks(doc) if not b.hidden]))
model()
lexicon()
t = time.process_time()
n = sum(len(find_people(s, b)) for s, b in docs)
print(time.process_time() - t, len(docs), n)
"""


def measure(tree: Path, dirs: list[str]) -> tuple[float, int, int]:
    """CPU seconds of one pass of ``find_people`` over ``dirs`` with ``tree`` first on the path."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory() as cwd:  # neither tree is the working directory
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, *dirs],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="folders of articles (default: the boilerplate dev txt set)")
    ap.add_argument("--old", type=Path, required=True, help="the tree compared with (git archive of main)")
    ap.add_argument("--new", type=Path, default=ROOT, help="the tree measured (default: this one)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    dirs = [str(Path(d).resolve()) for d in args.dirs] or [str(DEFAULT)]
    if not all(Path(d).is_dir() for d in dirs):
        print(f"missing: {', '.join(d for d in dirs if not Path(d).is_dir())}", file=sys.stderr)
        return 1
    best: dict[str, float] = {}
    seen: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(args.repeat):
        for label, tree in (("old", args.old), ("new", args.new)):
            cpu, ndocs, npeople = measure(tree.resolve(), dirs)
            best[label] = min(best.get(label, cpu), cpu)
            seen[label].append(cpu)
            print(f"round {r + 1} {label}: {cpu:.3f} s CPU, {ndocs} documents, {npeople} people")
    old, new = best["old"], best["new"]
    print(
        f"best of {args.repeat}: old {old:.3f} s, new {new:.3f} s CPU; new/old = {new / old:.3f} "
        f"({ndocs / new:.0f} documents/s of people detection)"
    )
    mo, mn = statistics.median(seen["old"]), statistics.median(seen["new"])
    print(f"median: old {mo:.3f} s, new {mn:.3f} s CPU; new/old = {mn / mo:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
