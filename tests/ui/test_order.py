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


async def test_unread_count_u_view_and_is_unread(tmp_path: Path, make_app: Any) -> None:
    root = clips(tmp_path / "c")
    app = make_app(root)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        assert "3 articles · 3 unread" in screen_text(app)
        await pilot.press("enter")  # opens the newest, which is now read
        await pilot.pause()
        assert "3 articles · 2 unread" in screen_text(app)
        await pilot.press("escape", "u")
        await pilot.pause()
        assert "unread only" in screen_text(app)
        assert titles(app) == ["Markets reopen", "Zebra crossings return"]
        await pilot.press("u")
        await pilot.pause()
        assert len(titles(app)) == 3 and "unread only" not in screen_text(app)
        await pilot.press("slash", *"is:unread")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert titles(app) == ["Markets reopen", "Zebra crossings return"]


async def test_a_file_written_while_the_app_runs_appears_by_itself(tmp_path: Path, make_app: Any) -> None:
    root = clips(tmp_path / "c")
    app = make_app(root)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        lst.cursor = 1
        chosen = lst.current.title
        (root / "d-newest.md").write_text("---\ntitle: Brand new\ndate: 2025-01-01\n---\n\nJust written.\n",
                                          encoding="utf-8")
        for _ in range(150):  # the watcher looks every 2 s (a busy machine may take longer)
            await pilot.pause(0.1)
            if "Brand new" in titles(app):
                break
        assert titles(app)[0] == "Brand new"
        assert lst.current.title == chosen  # the selection stays on its article
        (root / "a-old.md").unlink()
        await pilot.press("ctrl+r")
        for _ in range(30):
            await pilot.pause(0.1)
            if "Zebra crossings return" not in titles(app):
                break
        assert "Zebra crossings return" not in titles(app)
        assert any("removed" in n.message for n in app._notifications)


async def test_ctrl_r_during_the_watchers_look_reports_its_counts(tmp_path: Path, make_app: Any) -> None:
    """A key press that lands while the poll is reading the folder is answered with that read's counts."""
    from reader.library import RefreshCounts
    from reader.ui.screens.main import MainScreen

    root = clips(tmp_path / "c")
    app = make_app(root)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        app.clear_notifications()
        screen.indexing, screen._refresh_kind = True, "watch"  # as if the poll had just started a read
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert any("Already reading" in n.message for n in app._notifications)
        screen._on_refreshed(RefreshCounts(unchanged=3))
        await pilot.pause()
        assert any(n.message == "nothing new" for n in app._notifications)
