"""Where a cold refresh's parent process spends its CPU on grouping copies.

    python bench/profile_regroup.py COLLECTION

Runs ``open_library(COLLECTION).refresh()`` into a temporary cache (its two workers as usual)
with ``reader.library.copies.regroup``, ``_texts`` (rows read back and cut again) and
``_candidates`` timed in the parent, and prints the parent's CPU and wall time, each one's CPU
and how many rows were read back.  Figures are printed, never asserted.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import reader.library as library
from reader.library import copies

cpu: dict[str, float] = {"regroup": 0.0, "texts": 0.0, "candidates": 0.0}
read_back = [0]


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu[name] += time.process_time() - t

    return run


def _count_texts(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(conn: Any, ids: Any) -> Any:
        read_back[0] += len(ids)
        return fn(conn, ids)

    return run


def main() -> None:
    copies.regroup = _timed("regroup", copies.regroup)  # type: ignore[assignment]
    copies._texts = _timed("texts", _count_texts(copies._texts))  # type: ignore[assignment]
    copies._candidates = _timed("candidates", copies._candidates)  # type: ignore[assignment]
    tmp = tempfile.mkdtemp(prefix="reader_regroup_")
    try:
        t0, w0 = time.process_time(), time.monotonic()
        library.open_library(sys.argv[1], cache_dir=tmp, data_dir=tmp).refresh()
        print(f"parent CPU {time.process_time() - t0:.1f} s, wall {time.monotonic() - w0:.1f} s")
        print("  " + ", ".join(f"{k} {v:.1f} s" for k, v in cpu.items()) + f"; rows read back {read_back[0]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
