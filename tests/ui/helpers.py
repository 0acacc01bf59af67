"""Small helpers for Pilot tests: wait for indexing, open an article by name."""

from __future__ import annotations

from typing import Any

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane


async def ready(pilot: Any) -> None:
    """Wait until the refresh worker is done and the list shows its rows."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


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


def screen_styles(app: Any, text: str) -> list[Any]:
    """The styles of the on-screen segments that hold ``text`` (or part of it)."""
    return [seg.style for line in app.screen._compositor.render_strips() for seg in line
            if seg.text.strip() and (seg.text.strip() in text or text in seg.text)]


def row_of(app: Any, text: str, last: bool = False) -> tuple[int, int]:
    """Screen (x, y) where ``text`` starts (the first or the last place it is shown)."""
    found = [(line.index(text), y) for y, line in enumerate(screen_text(app).splitlines()) if text in line]
    assert found, f"{text!r} is not on screen"
    return found[-1] if last else found[0]
