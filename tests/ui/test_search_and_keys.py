"""Pilot tests: list search, help, command palette, keymap and theme from the config."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config, load_config
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.rows import HitsSource, LibrarySource
from tests.ui.helpers import open_article, ready, screen_text, settled


async def test_search_filters_and_enter_opens_at_first_hit(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        assert app.focused is app.query_one("#search")
        await pilot.press(*"tomatoes")
        await ready(pilot)
        lst = app.query_one(ArticleList)
        assert isinstance(lst.source, HitsSource)
        assert lst.count >= 1 and lst.current.path.endswith("garden-notes.md")
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.article.path.endswith("garden-notes.md")
        assert pane.targets and pane.article.source[slice(*pane.targets[0])].lower() == "tomatoes"
        assert app.focused is pane


async def test_search_arrows_choose_and_escape_clears(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"the")
        await ready(pilot)
        lst = app.query_one(ArticleList)
        assert lst.count >= 2
        await pilot.press("down")
        assert lst.cursor == 1
        chosen = lst.current.path
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article.path.endswith(Path(chosen).name)
        await pilot.press("tab", "escape")
        await pilot.pause()
        assert isinstance(lst.source, LibrarySource)


async def test_no_results_state(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zzqxw")
        await ready(pilot)
        assert app.query_one(ArticleList).count == 0
        assert "No articles match" in screen_text(app)


async def test_help_lists_every_binding(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Keys" in screen_text(app)
        text = "\n".join(p.plain for p in app.screen.prompts)
        for words in ("Switch pane", "Next article", "People", "Quotes", "Copy quote", "Reveal all",
                      "Next match", "Command palette", "Open URL", "Star"):
            assert words in text, words
        await pilot.press("escape")


async def test_command_palette_runs_actions(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Failed files")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "could not be read" in screen_text(app)


async def test_keymap_and_theme_from_config(collection: Path, make_app, tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('theme = "nord"\n[keys]\n"list.down" = "ctrl+n"\n', encoding="utf-8")
    config = load_config(cfg)
    assert config.theme == "nord" and config.keys == {"list.down": "ctrl+n"}
    app = make_app(collection, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme == "nord"
        lst = app.query_one(ArticleList)
        await pilot.press("ctrl+n")
        assert lst.cursor == 1
        await pilot.press("j")
        assert lst.cursor == 1


async def test_theme_argument_wins(collection: Path, make_app) -> None:
    app = make_app(collection, theme="textual-light", config=Config(theme="nord"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme == "textual-light"


def test_broken_config_is_reported(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("theme = [", encoding="utf-8")
    assert load_config(cfg).problems
    assert load_config(tmp_path / "missing.toml") == Config()


async def test_narrow_search_opens_and_focuses_the_article(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"harbour", "enter")
        await ready(pilot)
        pane = app.query_one(ReadingPane)
        assert app.focused is pane
        assert app.query_one("#list-pane").region.width == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one(ArticleList)
        assert app.query_one("#list-pane").region.width == 80


async def test_a_typo_search_highlights_and_steps_through_what_it_matched(tmp_path: Path, make_app) -> None:
    from tests.conftest import SEED

    root = tmp_path / "c"
    root.mkdir()
    (root / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"shoygu")
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        source = pane.article.source
        assert [source[s:e] for s, e in pane.targets] == ["Shoigu"] * source.count("Shoigu")
        first = pane.target_index
        await pilot.press("n")
        assert pane.target_index == (first + 1) % len(pane.targets)


async def test_a_phrase_search_highlights_the_phrase_only(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *'"old harbour" ')
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        texts = {pane.article.source[s:e].lower() for s, e in pane.targets}
        assert texts == {"old harbour"}


async def test_keys_typed_in_one_burst_after_slash_reach_the_bar(collection: Path, make_app) -> None:
    from textual import events

    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for ch in "/bri/dge":  # as a fast typist or a paste delivers them: all queued at once
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        bar = app.query_one("#search")
        await settled(pilot, lambda: bar.value == "bri/dge")
        assert app.focused is bar and bar.value == "bri/dge"  # a second "/" is text in the bar
        await pilot.press("escape")
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert app.focused is lst and bar.has_class("hidden")
        await open_article(pilot, "harbour-bridge.txt")
        assert app.focused is app.query_one(ReadingPane)
        for ch in "/the":
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        find = app.query_one("#find")
        await settled(pilot, lambda: find.value == "the")
        assert app.focused is find and find.value == "the"


async def test_unknown_settings_and_binding_ids_are_reported(tmp_path: Path, collection: Path,
                                                             make_app) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('theme = "nord"\nfollow_symlink = true\n[keys]\n'
                   '"list.dwn" = "j"\n"list.down" = "j,down"\n', encoding="utf-8")
    config = load_config(cfg)
    assert any("follow_symlink" in p for p in config.problems)
    app = make_app(collection, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any("list.dwn" in m for m in messages)
        assert not any("'list.down'" in m for m in messages)
        assert any("follow_symlink" in m for m in messages)


def test_help_lines_keep_description_and_id_apart() -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.help import describe, sections

    for line, _ in describe(sections(ReaderApp.BINDINGS), {}):
        text = line.plain
        if "people.all" in text:
            assert "person  " in text and "personpeople.all" not in text


async def test_keys_typed_in_one_burst_after_enter_act_in_the_article(collection: Path, make_app) -> None:
    from textual import events

    app = make_app(collection)
    async with app.run_test(size=(120, 16)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        lst.focus()
        lst.cursor = next(i for i in range(lst.count)
                          if lst.source.row(i).path.endswith("harbour-bridge.txt"))
        lst.cursor -= 1
        start = lst.cursor
        for key in ("j", "enter", "j", "j", "j"):  # all queued at once, as a fast typist sends them
            app.post_message(events.Key(key, None))
        await app.workers.wait_for_complete()
        pane = app.query_one(ReadingPane)
        assert await settled(pilot, lambda: pane.scroll_y >= 3)
        assert pane.article is not None and pane.article.path.endswith("harbour-bridge.txt")
        assert lst.cursor == start + 1 and pane.scroll_y == 3


async def test_reading_width_from_config(collection: Path, make_app, tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("reading_width = 50\n", encoding="utf-8")
    app = make_app(collection, config=load_config(cfg))
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "harbour-bridge.txt")
        assert pane.measure_width() == 50
        widths = [len("".join(s.text for s in pane.render_line(y)).rstrip()) for y in range(pane.size.height)]
        assert 40 <= max(widths) <= 50
    cfg.write_text("reading_width = 5\n", encoding="utf-8")
    bad = load_config(cfg)
    assert bad.reading_width == 92 and any("reading_width" in p for p in bad.problems)
