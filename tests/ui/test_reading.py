"""Pilot tests: the reading pane, folds, find, people and quotes panels, text as data."""

from __future__ import annotations

from pathlib import Path

from reader.ui.widgets.block_view import BlockView
from tests.ui.helpers import open_article, ready, row_of, screen_styles, screen_text, settled


def shown_blocks(pane) -> list[BlockView]:
    return [p for p in pane.parts if isinstance(p, BlockView)]


async def test_folds_reveal_one_and_all(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        folds = pane.folds
        assert folds and all(not f.revealed for f in folds)
        assert "▸ 1 line hidden: donation appeal" in screen_text(app)
        await pilot.press("f")
        assert app.focused is pane and pane.cursor is folds[0]
        await pilot.press("enter")
        assert folds[0].revealed
        assert "▾ 1 line shown" in screen_text(app) and "Support Harbour Weekly today!" in screen_text(app)
        await pilot.press("enter")
        assert not folds[0].revealed
        assert "Support Harbour Weekly today!" not in screen_text(app)
        await pilot.press("z")
        assert all(f.revealed for f in pane.folds)
        await pilot.press("z")
        assert not any(f.revealed for f in pane.folds)


async def test_keep_choice_is_remembered(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        fold = pane.folds[0]
        kept = [b.text for b in fold.blocks]
        await pilot.press("f", "x")
        await pilot.pause()
        assert app.library.state.block_choice(app.main.open_path, kept[0]) == "keep"
        await pilot.press("escape")
        pane = await open_article(pilot, "harbour-bridge.txt")
        shown = [w for w in shown_blocks(pane) if w.block.text in kept]
        assert len(shown) == len(kept)
        assert kept[0] in screen_text(app)
        await pilot.press("f")
        assert pane.cursor is shown[0]
        await pilot.press("x")
        await pilot.pause()
        assert app.library.state.block_choice(app.main.open_path, kept[0]) is None


async def test_find_in_article_counts_and_steps(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("slash", "b", "r", "i", "d", "g", "e")
        expected = pane.article.source.lower().count("bridge")
        assert len(pane.targets) == expected >= 3
        assert str(app.query_one("#find-count").render()) == f"1/{expected}"
        await pilot.press("enter")
        assert app.focused is pane
        await pilot.press("n")
        assert pane.counter() == f"2/{expected}"
        await pilot.press("N", "N")
        assert pane.counter() == f"{expected}/{expected}"
        await pilot.press("slash", "escape")
        assert app.focused is pane


async def test_people_panel_steps_through_mentions(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("p")
        await pilot.pause()
        assert "mention" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        top = max(pane.article.people, key=lambda p: len(p.mentions))
        assert pane.focus_person == top.name
        assert pane.target_kind == "person" and len(pane.targets) == len(top.mentions)
        await pilot.press("n")
        assert pane.target_index == 1 % len(pane.targets)


async def test_people_panel_all_articles(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        bar = app.query_one("#search")
        assert bar.value.startswith("person:")
        await ready(pilot)
        from reader.ui.widgets.article_list import ArticleList

        paths = [row.path for row in app.query_one(ArticleList).source.rows]
        assert any(p.endswith("harbour-bridge.txt") for p in paths)


async def test_quotes_panel_scrolls_and_copies(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("Q")
        await pilot.pause()
        text = screen_text(app)
        assert "Quotes in this article" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert pane.current_quote == 1
        await pilot.press("y")
        assert app.main.copied == pane.article.quotes[1].text


async def test_reading_position_restored(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 16)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("j", "j", "j")
        await pilot.pause()
        y = int(pane.scroll_y)
        assert y > 0
        await pilot.press("escape")
        assert app.library.state.get(app.main.open_path).position == y
        pane = await open_article(pilot, "harbour-bridge.txt")
        await pilot.pause()
        assert int(pane.scroll_y) == y


async def test_text_is_data(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "hostile-text.txt")
        await pilot.pause()
        assert app.is_running
        text = screen_text(app)
        assert "[bold red]x[/]" in text
        assert "[@click=app.quit]" in text
        assert "␛[2J" in text and "␛]52;c;" in text
        for y in range(pane.size.height):
            assert all("\x1b" not in seg.text for seg in pane.render_line(y))
        strips = app.screen._compositor.render_strips()
        assert all("\x1b" not in seg.text and "\x07" not in seg.text for s in strips for seg in s)


async def test_markdown_is_rendered_not_shown_as_source(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_article(pilot, "garden-notes.md")
        text = screen_text(app)
        assert "The tomatoes came up early" in text and "**" not in text
        assert any(s.bold for s in screen_styles(app, "tomatoes"))


async def test_folds_are_clickable(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        x, y = row_of(app, "hidden:", last=True)
        await pilot.click(offset=(x, y))
        assert pane.folds[-1].revealed and not pane.folds[0].revealed
        assert "Sign up for our free weekly newsletter" in screen_text(app)


async def test_header_click_opens_failures(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.click("#header")
        await pilot.pause()
        assert "could not be read" in screen_text(app)


async def test_people_and_quotes_are_styled_from_component_classes(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        person = pane.get_component_rich_style("reading--person")
        quote = pane.get_component_rich_style("reading--quote")
        assert person.color in {s.color for s in screen_styles(app, "Tomas Berg")}
        assert quote.color in {s.color for s in screen_styles(app, "the stone piers are sound")}


def test_quotes_panel_lists_unattributed() -> None:
    from reader.model import Article, Block, BlockKind, Quote, Span
    from reader.ui.screens.quotes import QuotesScreen

    src = '"Go home," a man said. "Stay," Ann Lee said.'
    article = Article(
        "a.txt",
        "text",
        src,
        None,
        (Block(BlockKind.BODY, Span(0, len(src)), src),),
        quotes=(Quote(Span(0, 10), src[0:10], None), Quote(Span(22, 29), src[22:29], "Ann Lee")),
    )
    prompts = [p.plain for p in QuotesScreen(article).prompts]
    assert prompts[0].startswith("unattributed:") and prompts[1].startswith("Ann Lee:")


async def test_long_article_opens_and_is_findable(tmp_path: Path, make_app) -> None:
    root = tmp_path / "long"
    root.mkdir()
    paras = [f"Paragraph {i} tells how the ferry crossed the bay again." for i in range(400)]
    (root / "long.txt").write_text("A Long Article\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "long.txt")
        assert len(shown_blocks(pane)) >= 400
        assert "Paragraph 0 tells" in screen_text(app)
        await pilot.press("slash", *"Paragraph 399")
        assert await settled(pilot, lambda: pane.counter() == "1/1")
        await pilot.press("enter")
        await pilot.pause()
        assert pane.scroll_y > pane.max_scroll_y - 40


async def test_hide_choice_folds_a_shown_block_and_is_remembered(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        target = pane.block_at_top()
        assert target is not None and target.kind.value != "title"
        await pilot.press("X")
        await pilot.pause()
        assert app.library.state.block_choice(app.main.open_path, target.text) == "hide"
        folded = [f for f in pane.folds if any(b.text == target.text for b in f.blocks)]
        assert folded and "hidden by you" in folded[0].summary and "hidden by you" in screen_text(app)
        await pilot.press("escape")
        pane = await open_article(pilot, "harbour-bridge.txt")
        assert any(b.text == target.text for f in pane.folds for b in f.blocks)
        assert not any(b.text == target.text for w in shown_blocks(pane) for b in w.blocks)
        fold = next(f for f in pane.folds if any(b.text == target.text for b in f.blocks))
        for _ in pane.folds:
            if pane.cursor is not fold:
                await pilot.press("f")
        assert pane.cursor is fold
        await pilot.press("x")
        await pilot.pause()
        assert app.library.state.block_choice(app.main.open_path, target.text) == "keep"


async def test_find_highlights_rendered_words_inside_emphasis(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "garden-notes.md")
        pane.find("basil")
        await pilot.pause()
        assert pane.counter() == "1/1"
        current = pane.get_component_rich_style("reading--match-current")
        styles = screen_styles(app, "basil")
        assert any(s.bgcolor == current.bgcolor for s in styles)
        source = pane.article.source
        s, e = pane.targets[0]
        assert source[s:e] == "basil" and source[s - 1] == "*"
