"""The app reads the folder when the inotify watch says it changed, and only then (bar a rare
safety look); without a watch it polls."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.ui.screens import main as main_screen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import ready


class FakeWatch:
    def __init__(self) -> None:
        self.pending = False

    def changed(self) -> bool:
        pending, self.pending = self.pending, False
        return pending

    def close(self) -> None:
        pass


def folder(root: Path) -> Path:
    root.mkdir()
    (root / "a.md").write_text("# Tide tables\n\nThe harbour master posts them weekly.\n", encoding="utf-8")
    return root


def watched(app: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[MainScreen, FakeWatch, list[str]]:
    """The main screen with a fake watch in place of inotify, and the refreshes it starts."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    started: list[str] = []
    monkeypatch.setattr(screen, "start_refresh", started.append)
    fake = FakeWatch()
    screen.folder_watch = fake  # type: ignore[assignment]
    screen._last_look = time.monotonic()
    return screen, fake, started


async def test_refreshes_on_the_watchs_word_only(
    tmp_path: Path, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(folder(tmp_path / "c"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen, fake, started = watched(app, monkeypatch)
        screen._poll()
        assert started == []  # nothing changed: no walk
        fake.pending = True
        screen._poll()
        assert started == ["watch"]
        screen._last_look = time.monotonic() - main_screen.SAFETY_SECONDS - 1
        screen._next_poll = 0.0  # no spacing owed for a slow walk
        screen._poll()
        assert started == ["watch", "watch"]  # the safety look


async def test_a_change_seen_during_a_refresh_is_read_after_it(
    tmp_path: Path, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(folder(tmp_path / "c"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen, fake, started = watched(app, monkeypatch)
        screen.indexing = True
        fake.pending = True
        screen._poll()
        assert started == []
        screen.indexing = False
        screen._poll()
        assert started == ["watch"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
async def test_a_file_written_while_running_appears(tmp_path: Path, make_app: Any) -> None:
    root = folder(tmp_path / "c")
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.folder_watch is not None and screen.folder_watch.folders == 1
        (root / "b.md").write_text("# Ferry timetable\n\nBoats leave on the hour.\n", encoding="utf-8")
        lst = app.query_one(ArticleList)
        for _ in range(100):
            await pilot.pause(0.1)
            if lst.count == 2:
                break
        assert lst.count == 2


async def test_the_watch_is_opened_in_the_refresh_thread_not_the_app_s(
    tmp_path: Path, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing every folder to watch can take seconds on a cold disk: it must not hold up the first paint."""
    import threading

    threads: list[threading.Thread] = []

    def record(root: str, *, follow_symlinks: bool = False) -> None:
        threads.append(threading.current_thread())

    monkeypatch.setattr(main_screen, "open_watch", record)
    app = make_app(folder(tmp_path / "c"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert len(threads) == 1 and threads[0] is not threading.main_thread()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.folder_watch is None  # falls back to the poll
