"""The list's order: newest first on start, s cycles it, the header names it, and it is remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import ready, screen_text


def clips(root: Path) -> Path:
    root.mkdir()
    for name, title, date in (("a-old.md", "Zebra crossings return", "2021-04-01"),
                              ("b-new.md", "Apples in autumn", "2024-09-30"),
                              ("c-mid.md", "Markets reopen", "2023-01-15")):
        (root / name).write_text(f"---\ntitle: {title}\ndate: {date}\nsource: Desk\n---\n\n"
                                 f"# {title}\n\nA short note written for the order test.\n", encoding="utf-8")
    return root


def titles(app: Any) -> list[str]:
    lst = app.query_one(ArticleList)
    return [lst.source.row(i).title for i in range(lst.count)]


async def test_newest_first_then_s_cycles_and_is_remembered(tmp_path: Path, make_app: Any) -> None:
    root = clips(tmp_path / "c")
    app = make_app(root)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        assert titles(app) == ["Apples in autumn", "Markets reopen", "Zebra crossings return"]
        assert "newest first" in screen_text(app)
        lst = app.query_one(ArticleList)
        lst.cursor = 2  # on "Zebra crossings return"
        await pilot.press("s")
        await pilot.pause()
        assert titles(app) == ["Apples in autumn", "Markets reopen", "Zebra crossings return"]  # A-Z too
        assert "title A-Z" in screen_text(app)
        assert lst.current is not None and lst.current.title == "Zebra crossings return"
        await pilot.press("s", "s")
        await pilot.pause()
        assert "by path" in screen_text(app)
        assert titles(app) == ["Zebra crossings return", "Apples in autumn", "Markets reopen"]
        assert lst.current is not None and lst.current.title == "Zebra crossings return"
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "by path" in screen_text(app)
        assert titles(app)[0] == "Zebra crossings return"
