"""The ``ui`` target of bench/fuzz.py: hostile articles opened and walked in a headless app.

Each example is one generated article (title, file name, front-matter URL and source,
speakers, people, body made of markup, escapes, bidi and odd Unicode).  Examples are
written in batches into a fresh collection; one headless app per batch opens every
article and steps through the reading pane, the people and quotes panels, copy, open,
folds, find, the failed-files and help screens and the palette.  A failure is an
exception, the app ending, a rendered segment holding a control, bidi or surrogate
character, an ``@click`` action or a link made from article text, or anything written
to the terminal that sets its title or clipboard with article text.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: articles per app run (starting an app costs far more than walking one article)
BATCH = 50
NAMES = ["Ana Ruiz", "Tom Berg", "Kim [b]Lee[/b]", "Ng \x1b]2;X\x07Ortiz", "O'Neil",
         "Dr. [@click=app.quit]Q[/]"]


class FakeBrowser:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def article(g: Any) -> tuple[str, str | None]:
    """(file name, text) of one generated article; text None makes a dangling symbolic link."""
    r = g.r

    def line(size: int) -> str:
        return " ".join(g.text(size).split())[:200]

    stem = "".join(c for c in g.text(3) if c not in "/\x00")[:60].lstrip(".") or "x"
    suffix = r.choice([".txt", ".md", ".html"])
    if r.random() < 0.05:
        return stem + suffix, None
    quote = f'"{line(6)}," said {r.choice(NAMES)}.'
    body = f"{line(6)}\n\n{g.text(30)}\n\n{quote}\n\n{r.choice(NAMES)} {line(8)}"
    if suffix == ".md":
        url = r.choice(["https://example.org/" + line(2), "javascript:" + line(2), line(3)])
        front = f"---\ntitle: {line(4)}\nurl: {url}\nsource: {line(2)}\nauthor: {r.choice(NAMES)}\n---\n\n"
        return stem + suffix, front + body
    if suffix == ".html":
        return stem + suffix, g.html().replace("<body>", f"<body><h1>{line(4)}</h1><p>{quote}</p>", 1)
    return stem + suffix, body


def write_batch(g: Any, root: Path, n: int) -> list[str]:
    root.mkdir(parents=True)
    names = []
    for i in range(n):
        name, text = article(g)
        path = root / f"{i:03d} {name}"
        try:
            if text is None:
                path.symlink_to(root / "nowhere")
            else:
                path.write_text(text, encoding="utf-8", errors="surrogatepass")
        except (OSError, ValueError):  # a name the file system refuses: a plain one instead
            path = root / f"{i:03d}{os.path.splitext(name)[1]}"
            path.write_text(text or "", encoding="utf-8", errors="surrogatepass")
        names.append(path.name)
    return names


async def walk(root: Path) -> None:
    """Open the collection headless and step through everything; raise on the first failure."""
    from reader.config import Config
    from reader.ui import opener
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList
    from tests.ui.helpers import UNSAFE, Recorder, check_screen, check_terminal

    opener.find_browser = FakeBrowser  # type: ignore[assignment]  # never a real browser
    app = ReaderApp(root, config=Config(theme="textual-dark"))
    recorder = Recorder()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        recorder.attach(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        check_screen(app, "start")
        lst = app.query_one(ArticleList)
        for i in range(lst.count):
            lst.focus()
            lst.cursor = i
            for keys in (["enter"], ["p"], ["enter", "n"], ["Q"], ["enter", "y", "o"], ["f", "z"],
                         ["slash", "a", "escape", "escape"]):
                await pilot.press(*keys)
                await pilot.pause()
                check_screen(app, f"row {i} after {'+'.join(keys)}")
                if not app.is_running:
                    raise RuntimeError(f"the app ended at row {i} after {keys}")
            assert UNSAFE.search(app.clipboard) is None, "clipboard holds a control character"
        for keys in (["F"], ["escape"], ["question_mark"], ["escape"], ["slash", "s", "a"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
            check_screen(app, f"after {'+'.join(keys)}")
        app.action_command_palette()
        await pilot.pause()
        check_screen(app, "palette")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        if app._exception is not None:
            raise app._exception
        await pilot.press("q")
    check_terminal(recorder)
    if app.return_code not in (None, 0):
        raise RuntimeError(f"the app exited with {app.return_code}")


def run(g: Any, n: int, report: Callable[[int, BaseException], None]) -> None:
    """Walk ``n`` generated articles in batches; ``report(example, exc)`` for each failed batch."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["READER_CACHE_DIR"] = f"{tmp}/cache"
        os.environ["READER_DATA_DIR"] = f"{tmp}/data"
        os.environ["READER_CONFIG_DIR"] = f"{tmp}/config"
        done = 0
        while done < n:
            size = min(BATCH, n - done)
            root = Path(tmp) / f"batch-{done}"
            write_batch(g, root, size)
            try:
                asyncio.run(walk(root))
            except Exception as exc:  # counted and shown by the caller, never hidden
                report(done, exc)
            done += size
