"""Pilot tests: the list pane, moving, opening, state keys, the empty and failed states."""

from __future__ import annotations

from pathlib import Path

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import open_article, ready, screen_text


async def test_starts_with_list_focused_and_rows(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        assert app.focused is lst
        assert lst.count == 4  # three articles and one file that failed, marked as such
        text = screen_text(app)
        assert "Council Votes" in text or "Harbour" in text
        assert "4 articles" in text


async def test_moving_keys(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("j")
        assert lst.cursor == 1
        await pilot.press("down", "k")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == 3
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("space")
        assert lst.cursor == 3
        await pilot.press("b")
        assert lst.cursor == 0
        await pilot.press("ctrl+d")
        assert lst.cursor == 3
        await pilot.press("ctrl+u")
        assert lst.cursor == 0


async def test_enter_opens_escape_goes_back_tab_switches(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        assert app.focused is pane
        await pilot.press("escape")
        assert app.focused is app.query_one(ArticleList)
        await pilot.press("tab")
        assert app.focused is pane
        await pilot.press("tab")
        assert app.focused is app.query_one(ArticleList)


async def test_next_previous_article(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        first = pane.article.path
        await pilot.press("J")
        await pilot.pause()
        assert pane.article.path != first
        await pilot.press("K")
        await pilot.pause()
        assert pane.article.path == first


async def test_read_and_star_are_remembered(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        path = lst.current.path
        assert not app.library.state.get(path).read
        await pilot.press("m")
        assert app.library.state.get(path).read
        assert lst.current.read
        await pilot.press("m")
        assert not app.library.state.get(path).read
        await pilot.press("asterisk")
        assert app.library.state.get(path).starred
        assert "★" in screen_text(app)
        await open_article(pilot, "garden-notes.md")
        assert app.library.state.get(app.main.open_path).read


async def test_mouse_click_selects_and_opens(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 2))
        assert lst.cursor == 1
        await pilot.click(ArticleList, offset=(5, 2))
        await pilot.pause()
        assert app.query_one(ReadingPane).article is not None


async def test_empty_folder(tmp_path: Path, make_app) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert "No articles in this folder" in screen_text(app)
        await pilot.press("enter", "j", "p", "m")
        assert app.query_one(ReadingPane).article is None


async def test_failed_files_screen(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "1 failed" in screen_text(app)
        await pilot.press("F")
        await pilot.pause()
        text = screen_text(app)
        assert "broken.txt" in text and "binary" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one(ArticleList)


async def test_narrow_shows_one_pane(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert not app.query_one("#read-pane").display or app.query_one("#read-pane").region.width == 0
        await open_article(pilot, "harbour-bridge.txt")
        assert app.query_one("#list-pane").region.width == 0
        assert app.query_one("#read-pane").region.width == 80
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#list-pane").region.width == 80


async def test_list_fills_in_from_indexing(tmp_path: Path, make_app) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(40):
        (root / f"note-{i:02d}.txt").write_text(f"Note number {i}\n\nA short body about item {i}.\n")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.query_one(ArticleList).count == 40
        text = screen_text(app)
        assert "40 articles" in text and "indexing" not in text
        await pilot.press("G")
        assert app.query_one(ArticleList).current.path.endswith("note-39.txt")


async def test_theme_change_repaints(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        before = pane.get_component_rich_style("reading--person")
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        after = pane.get_component_rich_style("reading--person")
        assert before != after


async def test_opening_a_failed_row_says_why(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        index = next(i for i in range(lst.count) if lst.source.row(i).failed)
        lst.cursor = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article is None
        assert any("broken.txt" in n.message for n in app._notifications)
        assert "✗" in screen_text(app)
