"""Small helpers for Pilot tests: wait for indexing, open an article by name."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane


async def ready(pilot: Any) -> None:
    """Wait until the refresh worker is done and the list shows its rows."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def settled(pilot: Any, done: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Wait until ``done()`` holds (keys queued at once are handled one by one, and a loaded
    machine may take longer than any fixed pause), then two more idle pauses so that a later
    change would show; return ``done()`` as it is then."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not done() and loop.time() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()
    return done()


async def open_article(pilot: Any, name: str) -> ReadingPane:
    """Move the list cursor to the row whose path ends with ``name`` and press enter."""
    lst = pilot.app.query_one(ArticleList)
    for i in range(lst.count):
        row = lst.source.row(i)
        if row is not None and row.path.endswith(name):
            lst.cursor = i
            break
    else:
        raise AssertionError(f"{name} not in the list")
    lst.focus()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()  # a big article is read in a worker
    await pilot.pause()
    pane = pilot.app.query_one(ReadingPane)
    assert pane.article is not None and pane.article.path.endswith(name)
    return pane


def screen_text(app: Any) -> str:
    """Every character on the screen, for asserting what a person would see."""
    return "\n".join(
        "".join(seg.text for seg in line) for line in app.screen._compositor.render_strips()
    )


#: characters that must never reach a rendered segment
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class Recorder:
    """Everything the app writes to the (headless) terminal."""

    def __init__(self) -> None:
        self.data: list[str] = []

    def attach(self, app: Any) -> None:
        driver = app._driver
        original = driver.write

        def write(data: str) -> None:
            self.data.append(data)
            original(data)

        driver.write = write


def check_screen(app: Any, where: str) -> None:
    """Fail when a rendered segment holds unsafe characters, an @click action or a link."""
    for y, line in enumerate(app.screen._compositor.render_strips()):
        for seg in line:
            bad = UNSAFE.search(seg.text)
            assert bad is None, f"{where}: line {y} shows {seg.text!r}"
            style = seg.style
            if style is None:
                continue
            assert not style.link, f"{where}: line {y} links {seg.text!r} to {style.link!r}"
            meta = style.meta or {}
            click = str(meta.get("@click", ""))
            assert "quit" not in click and "screenshot" not in click, (
                f"{where}: line {y} carries the action {click!r}")


def check_terminal(recorder: Recorder) -> None:
    written = "".join(recorder.data)
    assert "PWNED" not in written
    assert "\x1b]2;" not in written and "\x1b]0;" not in written
    assert "\x1bc" not in written
    assert "\x1b]8;;https://evil" not in written


def screen_styles(app: Any, text: str) -> list[Any]:
    """The styles of the on-screen segments that hold ``text`` (or part of it)."""
    return [seg.style for line in app.screen._compositor.render_strips() for seg in line
            if seg.text.strip() and (seg.text.strip() in text or text in seg.text)]


def row_of(app: Any, text: str, last: bool = False) -> tuple[int, int]:
    """Screen (x, y) where ``text`` starts (the first or the last place it is shown)."""
    found = [(line.index(text), y) for y, line in enumerate(screen_text(app).splitlines()) if text in line]
    assert found, f"{text!r} is not on screen"
    return found[-1] if last else found[0]
