"""Benchmark the reading app: process start to first paint, keypress to repaint (median).

    python bench/bench_app.py [--collection DIR] [--cache DIR] [--data DIR] [--runs 3]

Without --collection the bundled sample articles are used (indexed into a temporary
cache first).  A large collection must already be indexed into --cache (for example
by `reader index`), since the first paint is measured on a warm reopen.  Figures are
printed, never asserted.  Targets: first paint <= 1.0 s, keypress median <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import sys
from pathlib import Path
from reader.ui.app import ReaderApp

class Bench(ReaderApp):
    def on_mount(self):
        self.call_after_refresh(self._painted)

    def _painted(self):
        print("PAINTED", self.query_one("ArticleList").count, flush=True)
        self.exit()

Bench(Path(sys.argv[1]), refresh=False).run(headless=True, size=(120, 40))
"""


def first_paint(root: Path, env: dict[str, str], runs: int) -> tuple[float, int]:
    """Median seconds from spawning the process to the first painted frame."""
    times, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(root)], env=env, capture_output=True,
                             text=True, check=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("PAINTED"))
        times.append(time.perf_counter() - t)
        rows = int(line.split()[1])
    return statistics.median(times), rows


async def keypresses(root: Path) -> dict[str, tuple[float, float]]:
    """Median milliseconds per key: moving through the list, typing a search, scrolling an article."""
    from reader.config import Config
    from reader.ui.app import ReaderApp

    app = ReaderApp(root, refresh=False, config=Config(theme="textual-dark"))
    result: dict[str, tuple[float, float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        from textual import events

        frames: list[float] = []
        display = app._display

        def stamp(screen: object, renderable: object) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
            display(screen, renderable)  # type: ignore[arg-type]

        app._display = stamp  # type: ignore[method-assign]

        async def timed(keys: list[str]) -> tuple[float, float]:
            """Post each key as the driver would; time until the next frame is composed."""
            samples = []
            for key in keys:
                await pilot.pause(0.05)
                frames.clear()
                char = {"space": " "}.get(key, key if len(key) == 1 else None)
                t = time.perf_counter()
                app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
                while not frames and time.perf_counter() - t < 2:
                    await asyncio.sleep(0.0005)
                samples.append((frames[0] if frames else time.perf_counter()) - t)
            return statistics.median(samples) * 1000, max(samples) * 1000

        result["list j/k"] = await timed(["j"] * 40 + ["k"] * 10)
        result["list page (space)"] = await timed(["space"] * 10)
        lst = app.query_one("ArticleList")
        rows = [lst.source.row(i) for i in range(min(lst.count, 200))]  # type: ignore[attr-defined]
        if rows:
            lst.cursor = max(range(len(rows)), key=lambda i: rows[i].words if rows[i] else 0)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause(0.3)
            result["article j"] = await timed(["j"] * 20)
        await pilot.press("escape", "slash")
        result["search typing"] = await timed(list("governmnt"))
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--collection", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--data", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ns = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_app_"))
    cache = ns.cache or tmp / "cache"
    data = ns.data or tmp / "data"
    os.environ.update(READER_CACHE_DIR=str(cache), READER_DATA_DIR=str(data), READER_CONFIG_DIR=str(tmp))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    from reader import open_library, paths

    root = ns.collection or paths.sample_articles_dir()
    if ns.collection is None or ns.cache is None:
        with open_library(root) as lib:
            t = time.perf_counter()
            lib.refresh()
            print(f"indexed {lib.count()} articles in {time.perf_counter() - t:.2f} s")
    paint, rows = first_paint(root, env, ns.runs)
    if rows == 0:
        print("warning: the list is empty; is --cache indexed by this version of the library?")
    print(f"first paint ({rows} rows): median {paint:.3f} s over {ns.runs} runs (target <= 1.0 s)")
    for name, (median, worst) in asyncio.run(keypresses(root)).items():
        print(f"keypress to repaint, {name}: median {median:.1f} ms, max {worst:.1f} ms"
              " (target median <= 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
