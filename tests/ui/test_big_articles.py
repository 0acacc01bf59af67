"""Pilot tests: articles near the size cap open, scroll, find and take keys like small ones.

Behaviour only; how fast is measured in bench/bench_big_articles.py.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import open_article, ready, screen_text

WORDS = ["river", "bridge", "council", "ferry", "harbour", "winter", "stone", "steel", "crossing", "plan"]


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    root = tmp_path / "big"
    root.mkdir()
    (root / name).write_text(text, encoding="utf-8")
    return root


def _prose(n_words: int, seed: int, per_line: int = 0) -> str:
    rnd = random.Random(seed)
    words = [rnd.choice(WORDS) for _ in range(n_words)]
    if not per_line:
        return " ".join(words)
    return "\n".join(" ".join(words[i:i + per_line]) for i in range(0, n_words, per_line))


def _on_screen(pane: ReadingPane, offset: int) -> bool:
    y = pane._layout.line_of_offset(offset)
    return pane.scroll_y <= y < pane.scroll_y + pane.size.height


async def test_huge_single_line_opens_and_scrolls(tmp_path: Path, make_app) -> None:
    text = "Start of the one line " + _prose(700_000, 1) + " end of the one line"
    app = make_app(_folder(tmp_path, "one-line.txt", text + "\n"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "one-line.txt")
        assert len(pane.article.source) > 4_000_000
        shown = screen_text(app)
        assert re.search(r"\d+ (min|h) read", shown) and "Start of the one line" in shown
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 40_000
        assert "end of the one line" in screen_text(app)
        await pilot.press("g", "pagedown")
        await pilot.pause()
        assert 0 < pane.scroll_y < 40
        y = pane.scroll_y
        await pilot.press("escape")
        pane = await open_article(pilot, "one-line.txt")
        await pilot.pause()
        assert pane.scroll_y == y  # the reading position comes back


async def test_six_hundred_thousand_lines_open_and_reveal(tmp_path: Path, make_app) -> None:
    rnd = random.Random(2)  # one word a line: most runs of them fold away as link lists
    words = [*WORDS, "the", "city", "mayor", "home", "news", "said", "work", "old", "new", "year"]
    lines = ["Many Short Lines", *(rnd.choice(words)[:6] for _ in range(600_000)), "the very end"]
    app = make_app(_folder(tmp_path, "lines.txt", "\n".join(lines) + "\n"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "lines.txt")
        assert pane.article.source.count("\n") >= 600_000
        shown = screen_text(app)
        assert re.search(r"\d+ (min|h) read", shown) and "Many Short Lines" in shown
        assert len(pane.folds) > 100 and "hidden:" in shown
        await pilot.press("z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all(f.revealed for f in pane.folds)
        first = pane.folds[0].blocks[0].text.split("\n")
        assert "▾" in screen_text(app) and first[0] in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 600_000
        assert "the very end" in screen_text(app)


async def test_find_and_n_in_a_big_article(tmp_path: Path, make_app) -> None:
    paras = [_prose(60, i) for i in range(5_000)]
    app = make_app(_folder(tmp_path, "prose.txt", "Plenty of Prose\n\n" + "\n\n".join(paras) + "\n"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        pane = await open_article(pilot, "prose.txt")
        source = pane.article.source
        assert len(source) > 1_500_000
        await pilot.press("slash", *"ferry cros")
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = source.lower().count("ferry cros")
        assert expected > 100 and len(pane.targets) == expected
        assert str(app.query_one("#find-count").render()) == f"1/{expected}"
        assert _on_screen(pane, pane.targets[0].start)
        await pilot.press("enter", "n", "n")
        await pilot.pause()
        assert app.focused is pane and pane.counter() == f"3/{expected}"
        assert _on_screen(pane, pane.targets[2].start)
        await pilot.press("N", "N", "N")
        await pilot.pause()
        assert pane.counter() == f"{expected}/{expected}"
        assert _on_screen(pane, pane.targets[-1].start)
        assert pane.scroll_y > pane.max_scroll_y - 40


async def test_keys_right_after_enter_act_in_the_reading_pane(tmp_path: Path, make_app) -> None:
    root = _folder(tmp_path, "b-big.txt", "A Big One\n\n" + "\n\n".join(_prose(40, i) for i in range(40_000)))
    (root / "a-small.txt").write_text("Small\n\nA short one.\n", encoding="utf-8")
    (root / "c-small.txt").write_text("Another\n\nA short one too.\n", encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        lst.cursor = next(i for i in range(lst.count) if lst.source.row(i).path.endswith("b-big.txt"))
        lst.focus()
        await pilot.pause()
        cursor = lst.cursor
        pane = app.query_one(ReadingPane)
        await pilot.press("enter", "G", "k")  # without waiting for the article to load
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert pane.article is not None and pane.article.path.endswith("b-big.txt")
        assert lst.cursor == cursor and app.focused is pane
        assert pane.scroll_y == pane.max_scroll_y - 1 > 1000
