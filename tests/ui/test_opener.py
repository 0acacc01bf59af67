"""o opens http(s) addresses only, in a worker; a console browser gets the terminal (app suspended)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.ui.opener import url_problem
from tests.ui.helpers import open_article, ready, screen_text


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "--version", "-h", "data:text/html,x",
    "https://example.org/a\nb", "https://example.org/\x1b]2;x\x07", "http://exa mple.org/",
    "https://", "ftp://example.org/", "https://example.org/\u202e", "",
])
def test_url_problem_refuses_anything_but_plain_http(url: str) -> None:
    assert url_problem(url) is not None


@pytest.mark.parametrize("url", ["https://example.org/garden-notes", "http://example.org:8080/a?b=c#d",
                                 "HTTPS://EXAMPLE.ORG/"])
def test_url_problem_accepts_http_and_https(url: str) -> None:
    assert url_problem(url) is None


def write(root: Path, url: str) -> None:
    root.mkdir()
    (root / "a.md").write_text(f"---\ntitle: A\nurl: \"{url}\"\n---\n\nSome text.\n", encoding="utf-8")


async def press_o(tmp_path: Path, make_app: Any, url: str, app: Any = None) -> list[str]:
    """Open an article whose address is ``url``, press o; the toasts it gave."""
    write(tmp_path / "c", url)
    app = app or make_app(tmp_path / "c")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_article(pilot, "a.md")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        return [n.message for n in app._notifications]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "--version"])
async def test_o_refuses_other_schemes(tmp_path: Path, make_app: Any, browser: Any, url: str) -> None:
    messages = await press_o(tmp_path, make_app, url)
    assert browser.opened == []
    assert any("Not opened" in m for m in messages)


async def test_o_opens_https_in_a_worker(tmp_path: Path, make_app: Any, browser: Any) -> None:
    messages = await press_o(tmp_path, make_app, "https://example.org/x")
    assert browser.opened == ["https://example.org/x"]
    assert not any("Not opened" in m for m in messages)


async def test_o_without_browser_says_so(tmp_path: Path, make_app: Any, browser: Any) -> None:
    browser.works = False
    messages = await press_o(tmp_path, make_app, "https://example.org/x")
    assert any("did not start" in m for m in messages)


async def test_console_browser_runs_with_the_app_suspended(tmp_path: Path, make_app: Any,
                                                           browser: Any) -> None:
    browser.console = True
    app = make_app(tmp_path / "c")
    suspended: list[bool] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        suspended.append(True)
        yield
        suspended.append(False)

    app.suspend = suspend
    await press_o(tmp_path, make_app, "https://example.org/x", app)
    assert browser.opened == ["https://example.org/x"]
    assert suspended == [True, False]


async def test_article_without_url(collection: Path, make_app: Any, browser: Any) -> None:
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("o")
        assert browser.opened == []
        assert any("no address" in n.message for n in app._notifications)


async def test_links_panel_lists_the_numbered_links_and_opens_one(collection: Path, make_app: Any,
                                                                  browser: Any) -> None:
    (collection / "linked.md").write_text(
        "# Linked\n\nSee [the seed list](https://example.org/seeds) and [a bad one](ftp://example.org/x).\n",
        encoding="utf-8")
    app = make_app(collection)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        await open_article(pilot, "linked.md")
        assert "the seed list¹" in screen_text(app) and "a bad one²" in screen_text(app)
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(app)
        assert "Links in this article (2)" in text and "https://example.org/seeds" in text
        await pilot.press("enter")
        await pilot.pause()
        assert browser.opened == ["https://example.org/seeds"]
        await pilot.press("L", "j", "enter")
        await pilot.pause()
        assert browser.opened == ["https://example.org/seeds"]  # an ftp: link is never opened
        assert any("Not opened" in n.message for n in app._notifications)


async def test_a_relative_link_opens_against_the_article_address(collection: Path, make_app: Any,
                                                                  browser: Any) -> None:
    (collection / "rel.md").write_text(
        "---\nurl: https://example.org/news/story\n---\n\n# Rel\n\nSee [the archive](/archive?y=2020).\n",
        encoding="utf-8")
    app = make_app(collection)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        await open_article(pilot, "rel.md")
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert browser.opened == ["https://example.org/archive?y=2020"]


async def test_e_opens_the_file_in_the_editor_and_shows_the_edit(collection: Path, make_app: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from reader.ui.widgets.reading_pane import ReadingPane

    ran: list[list[str]] = []

    class Done:
        returncode = 0

    def fake_run(argv: list[str], check: bool = False) -> Done:
        ran.append(argv)
        path = Path(argv[-1])
        path.write_text(path.read_text(encoding="utf-8").replace("came up early", "came up late"),
                        encoding="utf-8")
        return Done()

    monkeypatch.setenv("VISUAL", "myeditor --wait")
    monkeypatch.setattr(subprocess, "run", fake_run)
    app = make_app(collection)
    suspended: list[bool] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        suspended.append(True)
        yield

    app.suspend = suspend
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_article(pilot, "garden-notes.md")
        await pilot.press("e")
        for _ in range(30):
            await pilot.pause(0.1)
            pane = app.query_one(ReadingPane)
            if pane.article is not None and "came up late" in pane.article.source:
                break
        assert ran == [["myeditor", "--wait", "--", str(collection / "garden-notes.md")]]
        assert suspended == [True]
        assert "came up late" in app.query_one(ReadingPane).article.source
