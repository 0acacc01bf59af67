"""E writes the cleaned article outside the collection, to a path the user types."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.commands.export import SLUG_MAX, slug
from reader.ui.screens.export import ExportScreen
from tests.ui.helpers import open_article, ready


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "..",
        "a/b\\c",
        "What?  Now: 3.5% / ..\x00x",
        "",
        "   ",
        "…",
        "Ünïcode Tïtle — Ελληνικά",
        "x" * 300,
        ". .. ...",
    ],
)
def test_a_slug_never_holds_a_separator_or_dots(title: str) -> None:
    s = slug(title)
    assert s and "/" not in s and "\\" not in s and "." not in s and "\x00" not in s
    assert len(s) <= SLUG_MAX and not s.startswith("-")


def test_slug_examples() -> None:
    assert (
        slug("Council Votes to Rebuild the Old Harbour Bridge")
        == "council-votes-to-rebuild-the-old-harbour-bridge"
    )
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("") == "article"


async def test_e_writes_the_clean_article_to_the_typed_path(
    collection: Path, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = make_app(collection)
    before = {p: p.read_bytes() for p in collection.iterdir()}
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_article(pilot, "harbour-bridge.txt")
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one(Input)
        assert field.value == "~/council-votes-to-rebuild-the-old-harbour-bridge.md"
        await pilot.press("enter")
        await pilot.pause()
        out = home / "council-votes-to-rebuild-the-old-harbour-bridge.md"
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# Council Votes to Rebuild the Old Harbour Bridge\n")
        assert "rebuild the old harbour bridge before winter" in text
        assert "Support Harbour Weekly" not in text and "newsletter" not in text
        # again: the file is there, so it is not overwritten
        out.write_text("mine", encoding="utf-8")
        await pilot.press("E", "enter")
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "mine"
        assert any("exists already" in n.message for n in app._notifications)
        # inside the collection: refused
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one(Input).value = str(collection / "copy.md")
        await pilot.press("enter")
        await pilot.pause()
        assert not (collection / "copy.md").exists()
        assert any("inside the collection" in n.message for n in app._notifications)
        # plain text for a .txt name; escape cancels
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one(Input).value = "~/clean.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert (home / "clean.txt").read_text(encoding="utf-8").startswith("Council Votes")
        await pilot.press("E", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert {p: p.read_bytes() for p in collection.iterdir()} == before  # article files untouched
