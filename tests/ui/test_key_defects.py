"""Pilot tests, one per key defect of issue 15 ("Keys:" and "Config:"); each failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from reader.config import Config
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.rows import HitsSource
from tests.ui.helpers import open_article, ready, screen_text, settled


def footer_text(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_a_in_the_people_panel_from_the_pane_lists_the_persons_articles(
    collection: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(collection)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("a")
        await ready(pilot)
        bar = app.query_one("#search")
        assert "person:" in bar.value and not app.query_one("#find-row").is_open
        lst = app.query_one(ArticleList)
        assert isinstance(lst.source, HitsSource) and lst.count >= 1
        assert any(lst.source.row(i).path.endswith("harbour-bridge.txt") for i in range(lst.count))
        assert app.query_one("#list-pane").region.width > 0  # the list is what is shown


async def test_x_on_a_fold_shows_its_blocks_at_once_and_x_folds_them_again(
    collection: Path, make_app
) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        last = pane.folds[-1]
        texts = [b.text for b in last.blocks]
        assert len(texts) == 3
        pane.choose(last)
        await pilot.press("x")
        await pilot.pause()
        kept = [p for p in pane.parts if isinstance(p, BlockView) and p.block.text in texts]
        assert len(kept) == 3 and all(k.kept for k in kept)  # shown now, not at the next opening
        assert not any(isinstance(p, Fold) and p.blocks[0].text == texts[0] for p in pane.parts)
        assert texts[0] in "\n".join(p.text for p in pane._layout.pieces)
        # one x hides the whole run kept together again, and f reaches it (the help lists f)
        pane.cursor = None
        pane.scroll_to(y=0, animate=False)
        await pilot.press("f", "f")
        assert isinstance(pane.cursor, BlockView) and pane.cursor.block.text == texts[0]
        await pilot.press("x")
        await pilot.pause()
        folds = [p for p in pane.parts if isinstance(p, Fold) and p.blocks[0].text == texts[0]]
        assert folds and len(folds[0].blocks) == 3
        assert all(app.library.state.block_choice(app.main.open_path, t) is None for t in texts)


async def test_y_in_the_quotes_panel_copies_the_highlighted_quote(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        quotes = pane.article.quotes
        await pilot.press("Q")
        await pilot.pause()
        await pilot.press("down", "down", "y")
        await pilot.pause()
        assert app.main.copied == quotes[2].text


async def test_y_outside_the_panel_copies_the_quote_in_view_not_an_old_choice(
    collection: Path, make_app
) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        quotes = pane.article.quotes
        await pilot.press("Q")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # the last quote, at the end
        await pilot.pause()
        await pilot.press("g")  # back to the top, where the first quote is in view
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.main.copied == quotes[0].text


def in_view(pane: ReadingPane, offset: int) -> bool:
    """Whether the line holding source ``offset`` is on the reading pane's screen."""
    line = pane._layout.line_of_offset(offset)
    return bool(pane.scroll_y <= line < pane.scroll_y + pane.size.height)


async def test_opening_a_hit_inside_a_fold_shows_the_match(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"weekly")
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.targets and pane.target_index >= 0
        start = pane.targets[pane.target_index].start  # the current match: shown, and in view
        fold = next((f for f in pane.folds if f.start <= start < f.end), None)
        assert fold is None or fold.revealed
        assert in_view(pane, start)


async def test_n_into_a_fold_reveals_it_and_scrolls_to_the_match(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("slash", *"inbox", "enter")
        await pilot.pause()
        await pilot.press("g", "n")
        await pilot.pause()
        start = pane.targets[pane.target_index].start
        fold = next(f for f in pane.folds if f.start <= start < f.end)
        assert fold.revealed
        assert in_view(pane, start)


async def test_the_layout_follows_each_resize(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#list-pane").region.width == 80
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        await pilot.pause()
        assert 0 < app.query_one("#list-pane").region.width < 200
        assert app.query_one("#read-pane").region.width > 0


async def test_the_find_counter_follows_the_pane(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("slash", *"the", "enter")
        await pilot.pause()
        for key in ("n", "n", "N", "n"):
            await pilot.press(key)
            await pilot.pause()
            count = str(app.query_one("#find-count").render())
            assert count == pane.counter() and pane.counter() in pane.border_subtitle
        await pilot.press("slash")
        await pilot.press("down", "down")
        await pilot.pause()
        assert str(app.query_one("#find-count").render()) == pane.counter()


async def test_help_keeps_description_and_id_apart_on_screen(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from reader.ui.screens.help import sections

        ids = {b.id for _t, bs in sections(app.BINDINGS) for b in bs if b.id}
        lines = [p.plain for p in app.screen.prompts]
        for ident in ids:
            line = next(ln for ln in lines if ln.endswith(ident))
            assert line[: -len(ident)].endswith("  "), line  # never "personpeople.all"
        text = screen_text(app)
        assert "personpeople.all" not in text


async def test_the_palette_shows_keys_as_typed(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Help")
        await settled(pilot, lambda: "key: ?" in screen_text(app))
        text = screen_text(app)
        assert "question_mark" not in text and "key: ?" in text


async def test_the_footer_hides_what_cannot_apply_and_keeps_help_and_quit(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_article(pilot, "harbour-bridge.txt")
        footer = footer_text(app)
        assert "Next match" not in footer
        assert "? Help" in footer and "q Quit" in footer
        await pilot.press("slash", *"bridge", "enter")
        await pilot.pause()
        assert "Next match" in footer_text(app)


async def test_ctrl_u_then_typing_in_one_burst_keeps_the_text(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"harbour")
        await ready(pilot)
        bar = app.query_one("#search")
        assert bar.value == "harbour"
        for key, ch in [("ctrl+u", None), *[(c, c) for c in "garden"]]:
            app.post_message(events.Key(key, ch))
        await settled(pilot, lambda: bar.value == "garden")
        await ready(pilot)
        assert bar.value == "garden"
        assert app.focused is bar
        lst = app.query_one(ArticleList)
        assert lst.current is not None and lst.current.path.endswith("garden-notes.md")


async def test_a_revealed_fold_does_not_say_hidden(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("f", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert pane.folds[0].revealed and "Support Harbour Weekly today!" in text
        assert "▾ 1 line hidden" not in text and "▾ 1 line shown" in text


async def test_a_theme_chosen_in_the_palette_is_saved_and_restored(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme", "enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "nord"
        assert "nord" in (app.library.state.setting("theme") or "")
    again = make_app(collection)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert again.theme == "nord"
    edited = make_app(collection, config=Config(theme="gruvbox"))  # the config file changed since
    async with edited.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert edited.theme == "gruvbox"
    given = make_app(collection, theme="textual-light")
    async with given.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert given.theme == "textual-light"


async def test_search_hits_show_a_snippet_line_with_the_match(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"tomatoes")
        await ready(pilot)
        lines = screen_text(app).splitlines()
        title = next(i for i, ln in enumerate(lines) if "Notes from a Small Garden" in ln)
        assert "tomatoes came up early" in lines[title + 1]
        from tests.ui.helpers import screen_styles

        styles = screen_styles(app, "tomatoes")
        assert any(s is not None and (s.bold or s.underline or s.bgcolor) for s in styles)
        assert "1 matching" in lines[0]


async def test_the_article_header_names_the_file_and_its_format(collection: Path, make_app) -> None:
    sub = collection / "pages"
    sub.mkdir()
    (sub / "garden.html").write_text("<html><head><title>Notes from a Small Garden</title></head><body>"
                                     "<article><h1>Notes from a Small Garden</h1><p>The tomatoes came "
                                     "up early this year.</p></article></body></html>", encoding="utf-8")
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_article(pilot, "garden-notes.md")
        assert "garden-notes.md · Markdown" in screen_text(app)
        await pilot.press("escape")
        await open_article(pilot, "garden.html")
        assert "pages/garden.html · HTML" in screen_text(app)
