"""Every binding of every screen, walked at 80x24 and 160x50: each does what its description says,
or is hidden from the footer where it cannot apply.

``CHECKS`` has one entry per binding id; a binding added without one fails the first test.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.command import CommandPalette

from reader.ui.app import ReaderApp
from reader.ui.screens._picker import Picker
from reader.ui.screens.collection_people import CollectionPeopleScreen
from reader.ui.screens.failures import FailuresScreen
from reader.ui.screens.help import HelpScreen, sections
from reader.ui.screens.links import LinksScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.people import PeopleScreen
from reader.ui.screens.quotes import QuotesScreen
from reader.ui.widgets.app_header import AppHeader
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.conftest import GARDEN, HARBOUR
from tests.ui.helpers import open_article, ready, screen_text, settled

LONG = (
    "Lantern Keepers of the Northern Coast\n\n"
    + "\n\n".join(
        f"Paragraph {i}: the keepers trimmed the wicks and wrote the weather in the log before dawn."
        for i in range(160)
    )
    + "\n"
)

Check = Callable[[Any, ReaderApp], Awaitable[None]]


def all_ids() -> set[str]:
    ids = {b.id for _t, bs in sections(ReaderApp.BINDINGS) for b in bs if b.id}
    ids |= {b.id for b in Binding.make_bindings([*Picker.BINDINGS, *QueryBar.BINDINGS]) if b.id}
    return ids


def footer(app: ReaderApp) -> str:
    return screen_text(app).splitlines()[-1]


def main(app: ReaderApp) -> MainScreen:
    assert app.main is not None
    return app.main


def lst(app: ReaderApp) -> ArticleList:
    return main(app).query_one(ArticleList)


def pane(app: ReaderApp) -> ReadingPane:
    return main(app).query_one(ReadingPane)


async def home(pilot: Any, app: ReaderApp) -> None:
    """Back to the list of the whole collection, nothing open in a modal."""
    while not isinstance(app.screen, MainScreen):
        app.pop_screen()
        await pilot.pause()
    m = main(app)
    if m.find_row.is_open:
        m.find_row.close()
    if m.list_pane.hits is not None or not m.list_pane.bar.has_class("hidden"):
        m.list_pane.close_search()
    m.focus_list()
    await pilot.pause()
    lst(app).cursor = 0


async def reading(pilot: Any, app: ReaderApp, name: str) -> ReadingPane:
    await home(pilot, app)
    p = await open_article(pilot, name)
    p.scroll_to(y=0, animate=False)
    p.cursor = None
    await pilot.pause()
    return p


async def press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# -- the article list --------------------------------------------------------------------------
async def list_moves(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    a = lst(app)
    height = a.scrollable_content_region.height
    await press(pilot, "j")
    assert a.cursor == 1
    await press(pilot, "k")
    assert a.cursor == 0
    await press(pilot, "G")
    assert a.cursor == a.count - 1
    await press(pilot, "g")
    assert a.cursor == 0
    await press(pilot, "space")
    assert a.cursor == min(a.count - 1, max(height - 1, 1))
    await press(pilot, "b")
    assert a.cursor == 0
    await press(pilot, "ctrl+d")
    assert a.cursor == min(a.count - 1, max(height // 2, 1))
    await press(pilot, "ctrl+u")
    assert a.cursor == 0


async def list_open(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    a = lst(app)
    a.cursor = next(i for i in range(a.count) if not a.source.row(i).failed)
    row = a.current
    await press(pilot, "enter")
    assert pane(app).article is not None and main(app).open_path == row.path
    assert app.focused is pane(app)


async def list_sort(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    header = main(app).query_one(AppHeader)
    assert header.order == "newest first"
    await press(pilot, "s")
    assert header.order == "title A-Z" and "title A-Z" in screen_text(app)
    titles = [lst(app).source.row(i).title.lower() for i in range(lst(app).count)]
    assert titles == sorted(titles)
    for _ in range(3):
        await press(pilot, "s")
    assert header.order == "newest first"


async def list_unread(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    unread = app.library.count(unread_only=True)
    await press(pilot, "u")
    assert lst(app).count == unread and all(not lst(app).source.row(i).read for i in range(unread))
    await press(pilot, "u")
    assert lst(app).count == app.library.count()


async def mark_all(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    before = app.library.count(unread_only=True)
    assert "Undo mark" not in footer(app)  # hidden: nothing to undo
    await press(pilot, "M")
    assert app.library.count(unread_only=True) == 0
    assert "Undo mark" in footer(app)
    await press(pilot, "U")
    assert app.library.count(unread_only=True) == before
    assert "Undo mark" not in footer(app)


# -- everywhere ---------------------------------------------------------------------------------
async def switch_pane(pilot: Any, app: ReaderApp) -> None:
    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "tab")
    assert app.focused is lst(app)
    await press(pilot, "tab")
    assert app.focused is pane(app)


async def back(pilot: Any, app: ReaderApp) -> None:
    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "escape")
    assert app.focused is lst(app)
    assert main(app).query_one("#list-pane").region.width > 0


async def search_and_bar(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    await press(pilot, "slash")
    bar = main(app).list_pane.bar
    assert app.focused is bar
    await pilot.press(*"keepers")
    await ready(pilot)
    assert main(app).list_pane.hits is not None and lst(app).count == 1
    await press(pilot, "escape")
    assert bar.has_class("hidden") and main(app).list_pane.hits is None
    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "slash")
    assert app.focused is main(app).query_one("#find")


async def query_moves(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    await pilot.press("slash", *"the ")
    await ready(pilot)
    assert lst(app).count >= 2
    await press(pilot, "down")
    assert lst(app).cursor == 1 and app.focused is main(app).list_pane.bar
    await press(pilot, "up")
    assert lst(app).cursor == 0


async def next_prev_article(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    a = lst(app)
    start = next(
        i for i in range(a.count - 1) if not a.source.row(i).failed and not a.source.row(i + 1).failed
    )
    a.cursor = start
    await press(pilot, "J")
    assert lst(app).cursor == start + 1 and main(app).open_path == lst(app).current.path
    await press(pilot, "K")
    assert lst(app).cursor == start and main(app).open_path == lst(app).current.path


async def panels(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    m = main(app)
    if pane(app).article is None:
        assert "People" not in footer(app) and "Quotes" not in footer(app)
    await reading(pilot, app, "harbour-bridge.txt")
    for key, screen in (
        ("p", PeopleScreen),
        ("Q", QuotesScreen),
        ("L", LinksScreen),
        ("F", FailuresScreen),
        ("question_mark", HelpScreen),
    ):
        await press(pilot, key)
        assert isinstance(app.screen, screen), key
        await press(pilot, "escape")
        assert app.screen is m
    await press(pilot, "ctrl+p")
    assert await settled(pilot, lambda: isinstance(app.screen, CommandPalette))
    await press(pilot, "escape")


async def picker_keys(pilot: Any, app: ReaderApp) -> None:
    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "Q")
    screen = app.screen
    assert isinstance(screen, QuotesScreen) and screen.highlighted_value == 0
    await press(pilot, "j")
    assert screen.highlighted_value == 1
    await press(pilot, "k")
    assert screen.highlighted_value == 0
    await press(pilot, "q")  # q closes a panel, not the app
    assert isinstance(app.screen, MainScreen) and app.is_running


async def people_all(pilot: Any, app: ReaderApp) -> None:
    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "p")
    await press(pilot, "a")
    await ready(pilot)
    bar = main(app).list_pane.bar
    assert bar.value.startswith("person:") and lst(app).count >= 1


async def everyone(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    await press(pilot, "P")
    screen = app.screen
    assert isinstance(screen, CollectionPeopleScreen) and "Maria Holm" in screen_text(app)
    await press(pilot, "slash", *"holm")
    assert [name for name, _a, _q in screen.shown] == ["Maria Holm"]
    await press(pilot, "enter")
    await ready(pilot)
    assert app.screen is main(app) and main(app).list_pane.bar.value == "person:Maria person:Holm"
    assert [lst(app).source.row(i).path for i in range(lst(app).count)] == ["harbour-bridge.txt"]
    await press(pilot, "P", "escape")
    assert app.screen is main(app)


async def quotes_copy(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "Q")
    await press(pilot, "j", "y")
    assert main(app).copied == p.article.quotes[1].text
    await press(pilot, "escape")
    await press(pilot, "g", "y")
    assert main(app).copied == p.article.quotes[p.quote_in_view()].text


async def state_keys(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    row = lst(app).current
    await press(pilot, "m")
    assert app.library.entry(row.path).read is (not row.read)
    await press(pilot, "m")
    assert app.library.entry(row.path).read is row.read
    await press(pilot, "asterisk")
    assert app.library.entry(row.path).starred is (not row.starred)
    await press(pilot, "asterisk")
    assert app.library.entry(row.path).starred is row.starred


async def next_copy(pilot: Any, app: ReaderApp) -> None:
    # the walk's articles have no copies (tests/ui/test_copies.py opens one): c says so, stays put
    p = await reading(pilot, app, "harbour-bridge.txt")
    app.clear_notifications()
    await press(pilot, "c")
    assert p.article is not None and p.article.path.endswith("harbour-bridge.txt")
    assert any("no other copy" in n.message for n in app._notifications)


async def refresh_key(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    app.clear_notifications()
    await press(pilot, "ctrl+r")
    await ready(pilot)
    assert any("nothing new" in n.message for n in app._notifications)


async def open_url(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    assert "Open URL" not in footer(app)
    await reading(pilot, app, "garden-notes.md")
    await press(pilot, "o")
    await app.workers.wait_for_complete()
    assert app.browser_opened[-1] == "https://example.org/garden-notes"


async def edit(pilot: Any, app: ReaderApp) -> None:
    await reading(pilot, app, "garden-notes.md")
    await press(pilot, "e")
    await ready(pilot)
    assert app.edited[-1][-2:] == ["--", str(Path(app.root, "garden-notes.md").resolve())]


async def export_key(pilot: Any, app: ReaderApp) -> None:
    from reader.ui.screens.export import ExportScreen

    await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "E")
    assert isinstance(app.screen, ExportScreen)
    await press(pilot, "escape")
    assert isinstance(app.screen, MainScreen)


async def copy_quote(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "harbour-bridge.txt")
    await press(pilot, "y")
    assert main(app).copied == p.article.quotes[p.quote_in_view()].text


# -- the reading pane ----------------------------------------------------------------------------
async def read_moves(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "lantern-keepers.txt")
    h = p.size.height
    await press(pilot, "j")
    assert p.scroll_y == 1
    await press(pilot, "k")
    assert p.scroll_y == 0
    await press(pilot, "G")
    assert p.scroll_y == p.max_scroll_y > 0
    await press(pilot, "g")
    assert p.scroll_y == 0
    await press(pilot, "space")
    assert p.scroll_y == max(h - 2, 1)
    await press(pilot, "b")
    assert p.scroll_y == 0
    await press(pilot, "ctrl+d")
    assert p.scroll_y == max(h // 2, 1)
    await press(pilot, "ctrl+u")
    assert p.scroll_y == 0


async def read_steps(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "lantern-keepers.txt")
    assert "Next match" not in footer(app)  # nothing to step through yet
    assert "Next fold" not in footer(app)  # no fold in this article
    await press(pilot, "slash", *"wicks", "enter")
    assert len(p.targets) == 160 and p.target_index == 0
    assert "Next match" in footer(app)
    await press(pilot, "n")
    assert p.target_index == 1
    await press(pilot, "N")
    assert p.target_index == 0
    await press(pilot, "N")
    assert p.target_index == 159
    line = p._layout.line_of_offset(p.targets[159].start)
    assert p.scroll_y <= line < p.scroll_y + p.size.height


async def fold_keys(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "harbour-bridge.txt")
    path = main(app).open_path
    assert "Always show" not in footer(app)  # no fold chosen
    await press(pilot, "f")
    assert isinstance(p.cursor, Fold) and p.cursor is p.folds[0]
    assert "Reveal/fold" in footer(app) or app.size.width < 100
    await press(pilot, "enter")
    assert p.folds[0].revealed
    await press(pilot, "enter")
    assert not p.folds[0].revealed
    await press(pilot, "z")
    assert all(f.revealed for f in p.folds)
    await press(pilot, "z")
    assert not any(f.revealed for f in p.folds)
    text = p.folds[0].blocks[0].text
    await press(pilot, "x")
    assert app.library.state.block_choice(path, text) == "keep"
    kept = p.cursor
    assert isinstance(kept, BlockView) and kept.kept and kept.block.text == text
    await press(pilot, "x")
    assert app.library.state.block_choice(path, text) is None
    assert any(f.blocks[0].text == text for f in p.folds)


async def hide_block(pilot: Any, app: ReaderApp) -> None:
    p = await reading(pilot, app, "lantern-keepers.txt")
    path = main(app).open_path
    await press(pilot, "G")
    block = p.block_at_top()
    assert block is not None
    await press(pilot, "X")
    assert app.library.state.block_choice(path, block.text) == "hide"
    assert any(block.text in [b.text for b in f.blocks] for f in p.folds)
    app.library.state.set_block_choice(path, block.text, None)


async def quit_key(pilot: Any, app: ReaderApp) -> None:
    await home(pilot, app)
    assert app.return_code is None
    await pilot.press("q")
    await pilot.pause()
    assert app.return_code == 0  # the app is closing


CHECKS: dict[str, Check] = {
    "list.down": list_moves,
    "list.up": list_moves,
    "list.first": list_moves,
    "list.last": list_moves,
    "list.page_down": list_moves,
    "list.page_up": list_moves,
    "list.half_down": list_moves,
    "list.half_up": list_moves,
    "list.open": list_open,
    "list.sort": list_sort,
    "list.unread": list_unread,
    "list.mark_all_read": mark_all,
    "list.undo_mark_all": mark_all,
    "app.switch_pane": switch_pane,
    "app.back": back,
    "app.search": search_and_bar,
    "query.close": search_and_bar,
    "query.next": query_moves,
    "query.prev": query_moves,
    "app.next_article": next_prev_article,
    "app.prev_article": next_prev_article,
    "app.people": panels,
    "app.quotes": panels,
    "app.links": panels,
    "app.failures": panels,
    "app.help": panels,
    "picker.close": picker_keys,
    "picker.down": picker_keys,
    "picker.up": picker_keys,
    "people.all": people_all,
    "app.everyone": everyone,
    "everyone.filter": everyone,
    "quotes.copy": quotes_copy,
    "app.toggle_read": state_keys,
    "app.toggle_star": state_keys,
    "app.refresh": refresh_key,
    "app.next_copy": next_copy,
    "app.open_url": open_url,
    "app.edit": edit,
    "app.export": export_key,
    "app.copy_quote": copy_quote,
    "read.down": read_moves,
    "read.up": read_moves,
    "read.top": read_moves,
    "read.bottom": read_moves,
    "read.page_down": read_moves,
    "read.page_up": read_moves,
    "read.half_down": read_moves,
    "read.half_up": read_moves,
    "read.next": read_steps,
    "read.prev": read_steps,
    "read.next_fold": fold_keys,
    "read.reveal_all": fold_keys,
    "fold.toggle": fold_keys,
    "fold.keep": fold_keys,
    "block.hide_again": fold_keys,
    "read.hide_block": hide_block,
    "app.quit": quit_key,
}


def test_every_binding_has_a_check() -> None:
    assert all_ids() - set(CHECKS) == set()
    assert set(CHECKS) - all_ids() == set()


@pytest.fixture
def walk_collection(tmp_path: Path) -> Path:
    root = tmp_path / "walk"
    root.mkdir()
    (root / "harbour-bridge.txt").write_text(HARBOUR, encoding="utf-8")
    (root / "garden-notes.md").write_text(GARDEN, encoding="utf-8")
    (root / "lantern-keepers.txt").write_text(LONG, encoding="utf-8")
    for i in range(60):
        (root / f"note-{i:02d}.txt").write_text(
            f"Note Number {i}\n\nA short note, number {i}, on the tides.\n", encoding="utf-8"
        )
    (root / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    return root


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_walk_every_binding(
    walk_collection: Path, make_app: Any, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch, browser: Any
) -> None:
    edited: list[list[str]] = []

    class Done:
        returncode = 0

    def fake_run(argv: list[str], check: bool = False) -> Done:
        edited.append(argv)  # the article file is never written
        return Done()

    monkeypatch.setenv("VISUAL", "myeditor")
    monkeypatch.setattr(subprocess, "run", fake_run)
    app = make_app(walk_collection)

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        yield

    app.suspend = suspend
    app.edited = edited
    app.browser_opened = browser.opened
    done: list[str] = []
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for check in dict.fromkeys(CHECKS.values()):  # each check once, quit last
            await check(pilot, app)
            done.append(check.__name__)
    assert done[-1] == "quit_key" and len(done) == len(set(CHECKS.values()))
