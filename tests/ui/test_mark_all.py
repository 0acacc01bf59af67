"""M marks every article in the view read (one transaction); U undoes it."""

from __future__ import annotations

from pathlib import Path

from reader.ui.widgets.app_header import AppHeader
from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import ready, screen_text


async def test_m_marks_the_whole_list_read_and_u_undoes_it(collection: Path, make_app) -> None:
    app = make_app(collection)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lib = app.library
        before = lib.count(unread_only=True)
        assert before >= 3
        assert "Undo mark" not in screen_text(app).splitlines()[-1]
        await pilot.press("M")
        await pilot.pause()
        assert lib.count(unread_only=True) == 0
        assert app.query_one(AppHeader).unread == 0
        lst = app.query_one(ArticleList)
        assert all(lst.source.row(i).read for i in range(lst.count))
        assert any("U undoes it" in n.message for n in app._notifications)
        assert "U Undo mark all read" in screen_text(app).splitlines()[-1]
        await pilot.press("U")
        await pilot.pause()
        assert lib.count(unread_only=True) == before
        assert not any(lst.source.row(i).read for i in range(lst.count))
        assert "Undo mark" not in screen_text(app).splitlines()[-1]


async def test_m_in_a_search_marks_only_the_hits_and_undo_leaves_read_ones_read(
    collection: Path, make_app
) -> None:
    (collection / "ferry.txt").write_text("The Ferry Runs Again\n\nThe ferry to the island runs again.\n")
    (collection / "elsewhere.txt").write_text("Elsewhere\n\nNothing about gardens here at all.\n")
    app = make_app(collection)
    async with app.run_test(size=(160, 50)) as pilot:
        await ready(pilot)
        lib = app.library
        lib.state.set_read(lib.search("the ")[-1].path, True)  # read before M
        await pilot.press("slash", *"the ")
        await ready(pilot)
        lst = app.query_one(ArticleList)
        hits = [lst.source.row(i).path for i in range(lst.count)]
        assert len(hits) >= 3 and not any("elsewhere" in p for p in hits)
        assert lst.source.row(len(hits) - 1).read
        await pilot.press("enter", "M")  # from the article opened from the hits: the view is the hits
        await pilot.pause()
        assert all(lib.entry(p).read for p in hits)
        assert not lib.entry("elsewhere.txt").read
        await pilot.press("U")
        await pilot.pause()
        assert [lib.entry(p).read for p in hits] == [True] + [False] * (len(hits) - 2) + [True]
        assert [lst.source.row(i).read for i in range(len(hits))] == [lib.entry(p).read for p in hits]
