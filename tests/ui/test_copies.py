"""Pilot tests: the copies of one article are one row ("×2"); enter opens the best copy, c the next."""

from __future__ import annotations

from pathlib import Path

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import ready, screen_text
from tests.unit.test_copies import FERRY, HTML, TXT


def _collection(tmp_path: Path) -> Path:
    root = tmp_path / "coll"
    files = {"news/lighthouse.txt": TXT, "web/lighthouse.html": HTML, "news/ferry.txt": FERRY}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


async def test_one_row_with_a_copies_mark_enter_opens_the_html(tmp_path: Path, make_app) -> None:
    app = make_app(_collection(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        assert lst.count == 2
        text = screen_text(app)
        assert "2 articles" in text
        line = next(ln for ln in text.splitlines() if "Keepers Return" in ln)
        assert "×2" in line
        lst.cursor = next(i for i in range(lst.count) if "Keepers" in (lst.source.row(i).title or ""))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.article is not None and pane.article.path.endswith("web/lighthouse.html")
        # the header names the other copy; c opens it, and marks stay on the article as a whole
        assert any("1 of 2 copies" in p.text and "news/lighthouse.txt" in p.text for p in pane._head)
        assert app.library.state.get("news/lighthouse.txt").read
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.article is not None and pane.article.path.endswith("news/lighthouse.txt")
        assert any("2 of 2 copies" in p.text for p in pane._head)
        await pilot.press("m")  # unread again: every copy, so the row is unread
        assert not app.library.state.get("web/lighthouse.html").read
        assert app.library.count(unread_only=True) == 2
        row = lst.source.row(lst.cursor)
        assert row is not None and not row.read
