"""Pages per second of ``reader extract`` on the boilerplate dev set, txt and html.

Each run is one ``python -m reader extract`` process over the whole folder, so the figure
includes interpreter start-up and imports, like the scorer's.  The data set is looked for in
$READER_SHARED, then ../shared beside the project; without it the benchmark says so and exits 0.

    python bench/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dev_set() -> Path | None:
    """The boilerplate dev set folder, or None when it is not on this machine."""
    for base in (os.environ.get("READER_SHARED"), ROOT.parent / "shared"):
        if base and (Path(base) / "corpus/boilerplate/dev/txt").is_dir():
            return Path(base) / "corpus/boilerplate/dev"
    return None


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(folder: Path, repeat: int) -> tuple[int, float, float]:
    """(pages, best wall seconds, best CPU seconds) of `reader extract` over ``folder``.

    CPU seconds (user + system of the child) hardly change when other jobs share the machine.
    """
    pages = sum(1 for p in folder.iterdir() if p.is_file())
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), _child_cpu()
        subprocess.run([sys.executable, "-m", "reader", "extract", "--format", "jsonl", str(folder)],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, _child_cpu() - c)
    return pages, best, best_cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per format; the best is kept (default 3)")
    ns = ap.parse_args()
    dev = dev_set()
    if dev is None:
        print("bench_extract: boilerplate dev set not found (set READER_SHARED); skipped")
        return 0
    for fmt in ("txt", "html"):
        pages, secs, cpu = run(dev / fmt, max(1, ns.repeat))
        print(f"{fmt:4}  {pages} pages  wall {secs:.2f} s = {pages / secs:.0f} pages/s"
              f"  cpu {cpu:.2f} s = {pages / max(cpu, 1e-9):.0f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
