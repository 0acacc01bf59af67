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
    await pilot.pause()
    pane = pilot.app.query_one(ReadingPane)
    assert pane.article is not None and pane.article.path.endswith(name)
    return pane


def screen_text(app: Any) -> str:
    """Every character on the screen, for asserting what a person would see."""
    return "\n".join(
        "".join(seg.text for seg in line) for line in app.screen._compositor.render_strips()
    )
