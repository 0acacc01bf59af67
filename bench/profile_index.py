"""CPU per article and per format of each stage of a cold index, in one process.

    python bench/profile_index.py COLLECTION [--per-format 200] [--cprofile OUT.prof]
    python bench/profile_index.py --startup

Each file goes through what a refresh worker does (read, hash, decode, load, analyse, encode)
and then what the writer does (rows, full-text insert, commit) into a throw-away cache; every
stage is timed in CPU seconds of this process (``time.process_time``, so other jobs on the machine
hardly move it), exclusive of the stages it calls.  Stages are found by wrapping the functions
named in ``STAGES``; a function that no longer exists (another extractor) is skipped, and its time
stays with its caller.  ``--cprofile`` also writes a cProfile of the same run (one worker's work).
``--startup`` times the worker's imports and a process pool's first answer instead.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import hashlib
import importlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (module, attribute, stage): each wrapped so its CPU time (less its wrapped callees') is the stage's
STAGES = [
    ("reader.ingest", "decode", "decode"),
    ("reader.ingest.markdown", "load_markdown", "markdown front matter"),
    ("reader.ingest.html", "_parse", "HTML parse"),
    ("reader.ingest.html_meta", "page_meta", "HTML metadata"),
    ("reader.ingest.html_blocks", "visible_blocks", "HTML blocks + structure"),
    ("reader.ingest.html_article", "extract", "HTML extraction (trafilatura)"),
    ("reader.ingest.html_merge", "merge", "HTML merge"),
    ("reader.ingest.html", "html_display", "rendering model"),
    ("reader.ingest.display_md", "markdown_blocks", "rendering model"),  # imported when Markdown comes
    ("reader.analysis", "make_blocks", "boilerplate"),
    ("reader.analysis", "find_people", "people"),
    ("reader.analysis", "find_quotes", "quotes"),
    ("reader.library.refresh", "encode", "encode for the cache"),
]
ORDER = [
    "read + hash",
    "decode",
    "markdown front matter",
    "HTML parse",
    "HTML metadata",
    "HTML blocks + structure",
    "HTML extraction (trafilatura)",
    "HTML merge",
    "rendering model",
    "boilerplate",
    "people",
    "quotes",
    "encode for the cache",
    "load + analyse (rest)",
    "rows (docs, people, quotes)",
    "FTS insert",
    "commit",
]


class Clock:
    """Exclusive CPU time per stage: a stage's callees are taken out of its own time."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # per open stage: [start, callee time]

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [time.process_time(), 0.0]
            self._stack.append(frame)
            try:
                return fn(*args, **kwargs)
            finally:
                self._stack.pop()
                spent = time.process_time() - frame[0]
                self.totals[stage] += spent - frame[1]
                if self._stack:
                    self._stack[-1][1] += spent

        return timed

    def run(self, stage: str, fn: Callable[[], Any]) -> Any:
        return self.wrap(stage, fn)()


class TimedConn:
    """The writer's connection, with the full-text insert timed apart from the other rows."""

    def __init__(self, conn: Any, clock: Clock) -> None:
        self._conn, self._clock = conn, clock

    def execute(self, sql: str, args: Any = ()) -> Any:
        if sql.startswith("INSERT INTO fts (rowid"):
            return self._clock.run("FTS insert", lambda: self._conn.execute(sql, args))
        return self._conn.execute(sql, args)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self._conn.executemany(sql, rows)


def install(clock: Clock) -> list[str]:
    """Wrap every stage function that exists; returns the stages found."""
    found = []
    for mod_name, attr, stage in STAGES:
        try:
            mod = importlib.import_module(mod_name)
        except ImportError:
            continue
        fn = getattr(mod, attr, None)
        if callable(fn):
            setattr(mod, attr, clock.wrap(stage, fn))
            found.append(stage)
    return found


def sample(collection: Path, per_format: int) -> dict[str, list[Path]]:
    by: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(collection.rglob("*")):
        ext = p.suffix.lstrip(".")
        if p.is_file() and ext in ("txt", "md", "html") and len(by[ext]) < per_format:
            by[ext].append(p)
    return by


def profile(collection: Path, per_format: int, prof_out: str | None) -> None:
    from reader import analysis
    from reader.config import max_bytes
    from reader.ingest import format_of, load_bytes, read_regular
    from reader.library import cache, refresh

    files = sample(collection, per_format)
    cap = max_bytes()
    profiler = cProfile.Profile() if prof_out else None
    print(f"{'stage':32}" + "".join(f"{f:>10}" for f in files) + "   (CPU ms per article)")
    table: dict[str, dict[str, float]] = {}
    for fmt, paths in files.items():
        clock = Clock()
        install(clock)
        with tempfile.TemporaryDirectory() as tmp:
            conn, _ = cache.open_cache(Path(tmp) / "c.sqlite3", str(collection))
            timed = TimedConn(conn, clock)
            if profiler:
                profiler.enable()
            for p in paths:
                data = clock.run("read + hash", lambda p=p: read_regular(str(p), cap))
                digest = clock.run(
                    "read + hash", lambda d=data: hashlib.blake2b(d, digest_size=16).hexdigest()
                )
                fmt_ = format_of(str(p))
                rel = str(p.relative_to(collection))

                def work(p: Path = p, data: bytes = data, fmt_: Any = fmt_, rel: str = rel) -> Any:
                    return refresh.encode(analysis.analyse(load_bytes(str(p), data, fmt_, cap)), rel)

                rec = clock.run("load + analyse (rest)", work)
                st = p.stat()
                res = refresh.Result(refresh.Job(str(p), rel, st.st_size, st.st_mtime_ns, None), digest, rec)
                conn.execute("BEGIN IMMEDIATE")
                clock.run(
                    "rows (docs, people, quotes)",
                    lambda res=res, timed=timed: refresh.write_result(timed, res),
                )
                clock.run("commit", lambda conn=conn: conn.execute("COMMIT"))
            if profiler:
                profiler.disable()
            conn.close()
        uninstall()
        table[fmt] = {k: v * 1000 / max(1, len(paths)) for k, v in clock.totals.items()}
    for stage in ORDER:
        if any(stage in t for t in table.values()):
            print(f"{stage:32}" + "".join(f"{table[f].get(stage, 0.0):10.2f}" for f in files))
    print(f"{'total':32}" + "".join(f"{sum(table[f].values()):10.2f}" for f in files))
    print(
        "(articles: "
        + ", ".join(f"{len(v)} {k}" for k, v in files.items())
        + "; commit is timed per article here, a refresh commits once per batch)"
    )
    if profiler and prof_out:
        profiler.dump_stats(prof_out)
        print(f"cProfile written to {prof_out} (python -m pstats {prof_out})")


_ORIGINALS: dict[tuple[str, str], Any] = {}


def uninstall() -> None:
    for (mod_name, attr), fn in _ORIGINALS.items():
        setattr(sys.modules[mod_name], attr, fn)


def remember() -> None:
    for mod_name, attr, _stage in STAGES:
        try:
            mod = importlib.import_module(mod_name)
        except ImportError:
            continue
        if hasattr(mod, attr):
            _ORIGINALS[(mod_name, attr)] = getattr(mod, attr)


def _noop(_i: int) -> int:
    return os.getpid()


def _child_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def startup() -> None:
    """Wall and CPU time of a fresh interpreter importing what a worker needs, and of a pool's first
    answer (the best of three each)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    warm = "from reader.analysis.lexicon import lexicon; from reader.analysis.people.tagger import model; "
    for what, code in [
        ("python -c pass", "pass"),
        ("import reader.library.refresh", "import reader.library.refresh"),
        ("+ reader.analysis", "import reader.library.refresh, reader.analysis"),
        (
            "+ word lists and tagger weights loaded",
            "import reader.library.refresh, reader.analysis; " + warm + "lexicon(); model()",
        ),
        (
            "+ the HTML loader and trafilatura",
            "import reader.library.refresh, reader.analysis, reader.ingest.html, trafilatura; "
            + warm
            + "lexicon(); model()",
        ),
        ("import reader.library.core (the parent)", "import reader.library.core"),
    ]:
        best = best_cpu = float("inf")
        for _ in range(3):
            t, c = time.perf_counter(), _child_cpu()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, _child_cpu() - c)
        print(f"{what:42} {best * 1000:7.0f} ms wall {best_cpu * 1000:7.0f} ms cpu")
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(_noop, range(2)))
        best = min(best, time.perf_counter() - t)
    print(f"{'spawn pool of 2: start, first answer, stop':42} {best * 1000:7.0f} ms wall")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("collection", nargs="?", type=Path)
    ap.add_argument("--per-format", type=int, default=200)
    ap.add_argument("--cprofile", default=None, help="also write a cProfile of the run here")
    ap.add_argument("--startup", action="store_true", help="time imports and pool start-up instead")
    ns = ap.parse_args()
    if ns.startup:
        startup()
        return 0
    if ns.collection is None:
        ap.error("a collection folder is needed (or --startup)")
    remember()
    profile(ns.collection, ns.per_format, ns.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
