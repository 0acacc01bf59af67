"""P: the collection's people with article and quote counts; / filters, enter lists their articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.ui.screens.collection_people import CollectionPeopleScreen, matches
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from tests.ui.conftest import FILES
from tests.ui.helpers import ready, screen_text

FERRY = """\
Ferry Service Returns to the Harbour

Mayor Tomas Berg opened the new ferry pier on Saturday morning.

"The island is one crossing closer again," Berg said, cutting the ribbon.

Skipper Jonas Vik said the first boats would sail at dawn.
"""

SIZES = [(80, 24), (160, 50)]


@pytest.fixture
def people_collection(tmp_path: Path) -> Path:
    root = tmp_path / "people"
    root.mkdir()
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "ferry-service.txt").write_text(FERRY, encoding="utf-8")
    return root


async def press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def opened(pilot: Any) -> CollectionPeopleScreen:
    await ready(pilot)
    await press(pilot, "P")
    screen = pilot.app.screen
    assert isinstance(screen, CollectionPeopleScreen)
    return screen


def test_filter_matches_every_word_ignoring_case() -> None:
    assert matches("Donald Trump", "don TRU")
    assert matches("Donald Trump", "")
    assert not matches("Donald Trump", "don x")


@pytest.mark.parametrize("size", SIZES)
async def test_lists_names_with_counts_most_articles_first(
    people_collection: Path, make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app(people_collection)
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        people = {name: (articles, quotes) for name, articles, quotes in screen.people}
        assert people["Tomas Berg"][0] == 2  # named in the harbour and the ferry articles
        assert people["Tomas Berg"][1] >= 2  # a quote in each
        counts = [articles for _n, articles, _q in screen.people]
        assert counts == sorted(counts, reverse=True)
        text = screen_text(app)
        assert "People in the collection" in text
        assert "Tomas Berg  2 articles" in text
        assert f"{people['Tomas Berg'][1]} quotes" in text


@pytest.mark.parametrize("size", SIZES)
async def test_slash_filters_as_you_type(
    people_collection: Path, make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app(people_collection)
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot)
        await press(pilot, "slash", "h", "O", "l")
        assert [name for name, _a, _q in screen.shown] == ["Maria Holm"]
        text = screen_text(app)
        assert "Maria Holm" in text and "Tomas Berg" not in text
        await press(pilot, "x")
        assert screen.shown == [] and "No one matches 'hOlx'." in screen_text(app)
        await press(pilot, "backspace")
        assert [name for name, _a, _q in screen.shown] == ["Maria Holm"]


@pytest.mark.parametrize("size", SIZES)
async def test_enter_lists_the_persons_articles(
    people_collection: Path, make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app(people_collection)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await press(pilot, "slash", *"berg", "enter")
        await ready(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.list_pane.bar.value == "person:Tomas person:Berg"
        lst = app.screen.query_one(ArticleList)
        paths = sorted(lst.source.row(i).path for i in range(lst.count))
        assert paths == ["ferry-service.txt", "harbour-bridge.txt"]
        # enter on the list itself, without filtering, chooses the highlighted person too
        await press(pilot, "escape", "P", "enter")
        await ready(pilot)
        first = app.library.people()[0][0]
        assert app.screen.list_pane.bar.value == " ".join(f"person:{w}" for w in first.split())


@pytest.mark.parametrize("size", SIZES)
async def test_escape_returns(people_collection: Path, make_app: Any, size: tuple[int, int]) -> None:
    app = make_app(people_collection)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        main = app.main
        await press(pilot, "escape")
        assert app.screen is main and main.list_pane.hits is None
        await press(pilot, "P", "slash", "t", "escape")  # from the filter bar too
        assert app.screen is main and main.list_pane.hits is None


@pytest.mark.parametrize("size", SIZES)
async def test_a_name_with_markup_shows_literally(
    people_collection: Path, make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app(people_collection)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        hostile = "[bold]Kari[/bold] [@click=app.quit]Dahl"
        app.push_screen(CollectionPeopleScreen([(hostile, 3)], {hostile: 1}))
        await pilot.pause()
        assert f"{hostile}  3 articles · 1 quote" in screen_text(app)
        assert app.is_running


async def test_enter_lists_the_articles_that_name_the_person_by_surname_alone(
    tmp_path: Path, make_app: Any
) -> None:
    root = tmp_path / "solberg"
    root.mkdir()
    for i, place in enumerate(("Tromso", "Bodo")):
        (root / f"full-{i}.txt").write_text(
            f"Minister Visits {place}\n\nMinister Ingrid Solberg toured the harbour in {place} on Monday.\n\n"
            f'"The quay will be rebuilt," Solberg said.\n',
            encoding="utf-8",
        )
    (root / "short.txt").write_text(
        "Budget Talks Resume\n\n"
        "Finance Minister Solberg said on Tuesday that the budget talks would resume.\n\n"
        '"We are close," she said.\n',
        encoding="utf-8",
    )
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        counts = dict(app.library.people())
        if counts.get("Ingrid Solberg") != 3:
            pytest.fail(f"the collection should count the surname for the full name: {counts}")
        await press(pilot, "P")
        await press(pilot, "slash", *"solberg", "enter")
        await ready(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.list_pane.bar.value == "person:Solberg"
        lst = app.screen.query_one(ArticleList)
        paths = sorted(lst.source.row(i).path for i in range(lst.count))
        assert paths == ["full-0.txt", "full-1.txt", "short.txt"]
