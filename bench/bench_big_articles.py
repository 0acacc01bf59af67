"""Key to screen-updated on big articles (within the 5 MB cap), in a headless app at 120x40.

    python bench/bench_big_articles.py [--only NAME ...] [--timeout 180]

Four made-up shapes: a 5 MB single line, 600k short lines, 100k short paragraphs each holding a
quote with a speaker, and a 2 MB article of prose (for find and n).  They are indexed into a
temporary cache first (that time is printed too, but it is the library's, not the UI's).  For each
key the figure is the time from the key reaching the app to the first frame that shows its effect.
Figures are printed, never asserted.  Target: every key within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

WORDS = ["the", "river", "bridge", "council", "ferry", "city", "mayor", "home", "news", "harbour", "said",
         "work", "old", "new", "year", "stone", "steel", "winter", "crossing", "meeting", "gallery",
         "resident", "plan", "engineer", "piers", "rust", "tuesday"]
NAMES = ["Ann Lee", "Tomas Berg", "Maria Holm", "Nils Ek", "Ada Lindqvist", "Lena Park", "Omar Haddad",
         "Ruth Okafor", "Ivan Petrov", "Mei Chen"]


def _words(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def single_line(size: int = 4_900_000) -> str:
    """One 5 MB line of sentences, a quote with a speaker in about one in ten."""
    rnd, out, total = random.Random(1), [], 0
    while total < size:
        s = _words(rnd, 12).capitalize() + "."
        if rnd.random() < 0.1:
            s += f' "{_words(rnd, 6).capitalize()}," said {rnd.choice(NAMES)}.'
        out.append(s)
        total += len(s) + 1
    return ("A Single Line " + " ".join(out))[:size] + "\n"


def short_lines(n: int = 600_000) -> str:
    """A title and ``n`` one-word lines (most of them fold as boilerplate)."""
    rnd = random.Random(2)
    return "Many Short Lines\n" + "\n".join(rnd.choice(WORDS)[:6] for _ in range(n)) + "\n"


def quotes(n: int = 100_000) -> str:
    """``n`` paragraphs, each one quote: '"...," said Name.'"""
    rnd = random.Random(3)
    return "A Hundred Thousand Quotes\n\n" + "\n\n".join(
        f'"{_words(rnd, 3).capitalize()}," said {rnd.choice(NAMES)}.' for _ in range(n)) + "\n"


def prose(size: int = 2_000_000) -> str:
    """2 MB of paragraphs of five sentences, a quote in about a third of them."""
    rnd, paras, total = random.Random(4), [], 0
    while total < size:
        p = " ".join(_words(rnd, 14).capitalize() + "." for _ in range(5))
        if rnd.random() < 0.3:
            p += f' "{_words(rnd, 6).capitalize()}," said {rnd.choice(NAMES)}.'
        paras.append(p)
        total += len(p) + 2
    return "Two Megabytes of Prose\n\n" + "\n\n".join(paras) + "\n"


SHAPES: dict[str, Callable[[], str]] = {
    "single-line": single_line, "short-lines": short_lines, "quotes": quotes, "prose-2mb": prose,
}


def screen_text(app: Any) -> str:
    return "\n".join("".join(seg.text for seg in line) for line in app.screen._compositor.render_strips())


class Timer:
    """Sends keys as the driver would and times them to the first frame showing their effect."""

    def __init__(self, app: Any, timeout: float) -> None:
        self.app, self.timeout = app, timeout
        self.frames: list[float] = []
        self.first = float("inf")  # the first frame after the last key, whatever it showed
        display = app._display

        def stamp(screen: object, renderable: object) -> None:
            if renderable is not None:
                self.frames.append(time.perf_counter())
            display(screen, renderable)

        app._display = stamp

    async def key(self, key: str, done: Callable[[], bool] | None = None) -> float:
        """Seconds from sending ``key`` to the first frame after ``done()`` became true."""
        from textual import events

        await asyncio.sleep(0.05)
        char = {"space": " ", "enter": "\r", "slash": "/", "escape": "\x1b"}.get(
            key, key if len(key) == 1 else None)
        self.frames.clear()
        t = time.perf_counter()
        self.app._driver.send_message(events.Key(key, char))
        seen = 0
        self.first = float("inf")
        while time.perf_counter() - t < self.timeout:
            await asyncio.sleep(0.001)
            if len(self.frames) > seen:
                seen = len(self.frames)
                self.first = min(self.first, self.frames[0] - t)
                if done is None or done():
                    return self.frames[-1] - t
        return float("inf")


def _fmt(secs: float) -> str:
    return "timed out" if secs == float("inf") else f"{secs * 1000:.0f} ms"


async def run_shape(app: Any, name: str, timer: Timer) -> list[tuple[str, str]]:
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane

    lst = app.query_one(ArticleList)
    index = next(i for i in range(lst.count) if lst.source.row(i).path.startswith(name))
    lst.cursor = index
    lst.focus()
    await asyncio.sleep(0.1)
    pane = app.query_one(ReadingPane)
    out: list[tuple[str, str]] = []

    def opened() -> bool:
        article = pane.article
        if article is None or not article.path.endswith(f"{name}.txt"):
            return False
        first = next((b for b in article.blocks if not b.hidden), None)
        text = screen_text(app)
        return "min read" in text and (first is None or " ".join(first.text[:20].split()) in text)

    shown = await timer.key("enter", opened)
    out.append(("open (enter), key to first frame", _fmt(timer.first)))
    out.append(("open (enter), key to article shown", _fmt(shown)))
    for key in ("pagedown", "pagedown", "G", "g"):
        before = pane.scroll_y
        out.append((f"scroll ({key})", _fmt(await timer.key(key, lambda b=before: pane.scroll_y != b))))
    if pane.folds:
        out.append(("next fold (f)", _fmt(await timer.key("f", lambda: pane.cursor is not None))))
        out.append(("reveal all (z)", _fmt(await timer.key("z", lambda: not pane.busy
                                                           and all(f.revealed for f in pane.folds)))))
        out.append(("fold all again (z)", _fmt(await timer.key("z", lambda: not pane.busy
                                                               and not any(f.revealed for f in pane.folds)))))
    if name == "prose-2mb":
        out += await find_and_step(app, pane, timer)
    for key, screen in (("p", "PeopleScreen"), ("Q", "QuotesScreen")):
        label = "people panel (p)" if key == "p" else "quotes panel (Q)"
        out.append((label, _fmt(await timer.key(key, lambda s=screen: type(app.screen).__name__ == s
                                                and "in this article" in screen_text(app)))))
        await timer.key("escape", lambda: app.screen is app.screen_stack[0])
    return out


async def find_and_step(app: Any, pane: Any, timer: Timer) -> list[tuple[str, str]]:
    from textual.widgets import Input

    out: list[tuple[str, str]] = []
    find = app.query_one("#find", Input)
    out.append(("find bar (/)", _fmt(await timer.key("slash", lambda: app.focused is find))))
    echo, shown = [], []
    typed = ""
    for ch in "bridge":
        typed += ch
        want = pane.article.source.lower().count(typed)
        t = time.perf_counter()
        echo.append(await timer.key(ch, lambda typed=typed: find.value == typed))
        left = await _until(timer, lambda want=want: len(pane.targets) == want and pane.target_index == 0)
        shown.append(time.perf_counter() - t if left else float("inf"))
    out.append(("find typing, key to echo (median/max)",
                f"{_fmt(statistics.median(echo))} / {_fmt(max(echo))}"))
    out.append(("find typing, key to matches shown (median/max)",
                f"{_fmt(statistics.median(shown))} / {_fmt(max(shown))}"))
    out.append((f"  ({len(pane.targets)} matches of 'bridge')", ""))
    await timer.key("enter", lambda: app.focused is pane)
    steps = []
    for key in ("n", "n", "n", "N"):
        before = pane.target_index
        steps.append(await timer.key(key, lambda b=before: pane.target_index != b))
    out.append(("n / N (median/max)", f"{_fmt(statistics.median(steps))} / {_fmt(max(steps))}"))
    return out


async def _until(timer: Timer, done: Callable[[], bool]) -> bool:
    """Wait for a frame after ``done()`` is true (the frame already drawn counts if it is)."""
    t = time.perf_counter()
    seen = len(timer.frames)
    if done():
        return True
    while time.perf_counter() - t < timer.timeout:
        await asyncio.sleep(0.001)
        if len(timer.frames) > seen:
            seen = len(timer.frames)
            if done():
                return True
    return False


async def bench(root: Path, only: list[str], timeout: float) -> None:
    from reader.config import Config
    from reader.ui.app import ReaderApp

    app = ReaderApp(root, refresh=False, config=Config(theme="textual-dark"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timer = Timer(app, timeout)
        for name in only:
            t = time.perf_counter()
            rows = await run_shape(app, name, timer)
            print(f"\n{name}  ({time.perf_counter() - t:.1f} s for the whole run)")
            for label, figure in rows:
                print(f"  {label:<48} {figure}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=list(SHAPES), default=list(SHAPES))
    ap.add_argument("--timeout", type=float, default=180, help="seconds to wait for one key")
    ns = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_big_"))
    os.environ.update(READER_CACHE_DIR=str(tmp / "cache"), READER_DATA_DIR=str(tmp / "data"),
                      READER_CONFIG_DIR=str(tmp))
    root = tmp / "articles"
    root.mkdir()
    for name in ns.only:
        text = SHAPES[name]()
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{name}.txt: {len(text.encode()) / 1e6:.1f} MB, {text.count(chr(10))} lines")
    from reader import open_library

    with open_library(root) as lib:
        t = time.perf_counter()
        lib.refresh()
        print(f"indexed {lib.count()} articles in {time.perf_counter() - t:.1f} s (library, not UI)")
    asyncio.run(bench(root, ns.only, ns.timeout))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
