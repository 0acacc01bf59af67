"""UI fixtures: a small fixed collection written into tmp_path, and an app factory."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HARBOUR = """\
Support Harbour Weekly today!

Council Votes to Rebuild the Old Harbour Bridge

By Ada Lindqvist, March 3, 2021

Mayor Tomas Berg at the harbour on Tuesday. Photo: Nils Ek / Harbour Weekly

Mayor Tomas Berg said on Tuesday that the council would rebuild the old harbour bridge before winter.

"We cannot wait another year while the bridge rusts in front of us," Berg said at the meeting.

Engineer Maria Holm, who inspected the bridge in January, agreed with the plan.

"The steel is tired, but the stone piers are sound," Holm said.

Berg added that the works would start in May. "Nobody will be left without a crossing," he said.

"It is a good day for the harbour," one resident shouted from the gallery.

Sign up for our free weekly newsletter

Get the best of Harbour Weekly in your inbox every Friday.

Read more
"""

GARDEN = """\
---
title: Notes from a Small Garden
author: Lena Park
date: 2022-05-01
url: https://example.org/garden-notes
---

# Notes from a Small Garden

The **tomatoes** came up early this year, and the *basil* followed.

Gardener Lena Park wrote that the `compost` made the difference.

See [the seed list](https://example.org/seeds) for what was planted.
"""

HOSTILE = """\
Markup and Escapes Are Only Text

This line has [bold red]x[/] and [@click=app.quit] in it.

Here comes an escape: \x1b[2J and an OSC: \x1b]52;c;aGVsbG8=\x07 done.
"""

FILES = {
    "harbour-bridge.txt": HARBOUR,
    "garden-notes.md": GARDEN,
    "hostile-text.txt": HOSTILE,
}


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests with asyncio.run (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{n: pyfuncitem.funcargs[n] for n in names}))
    return True


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return root


class FakeBrowser:
    """Stands in for the user's browser: records what it was asked to open."""

    def __init__(self, console: bool = False, works: bool = True) -> None:
        self.console = console
        self.works = works
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return self.works


@pytest.fixture(autouse=True)
def browser(monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    """No UI test ever starts a real browser: ``o`` finds this fake one."""
    from reader.ui import opener

    fake = FakeBrowser()
    monkeypatch.setattr(opener, "find_browser", lambda: fake)
    monkeypatch.setattr(opener, "needs_terminal", lambda b: getattr(b, "console", False))
    return fake


@pytest.fixture
def make_app() -> Callable[..., Any]:
    from reader.config import Config
    from reader.ui.app import ReaderApp

    def make(root: Path, **kwargs: Any) -> ReaderApp:
        kwargs.setdefault("config", Config(theme="textual-dark"))
        return ReaderApp(root, **kwargs)

    return make
