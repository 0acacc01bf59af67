"""The list pane: the search bar over the article list; it owns searching as you type.

Searches run in a thread and stale results are dropped.  The pane posts
``ArticleList.Opened`` when the user opens a row (enter in the list or the bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from reader.ui.focus import focus_now
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.rows import HitsSource, LibrarySource, RowSource

if TYPE_CHECKING:
    from reader.library import Library

#: at most this many hits are listed
HITS = 200


class ListPane(Vertical):
    """``#search`` (hidden until / is pressed) above ``#list``."""

    class SourceChanged(Message):
        """The list now shows another source (search hits, or the whole collection again)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library: Library | None = None
        self.browse: LibrarySource | None = None

    def compose(self) -> ComposeResult:
        yield QueryBar(placeholder="Search the collection…", id="search", classes="hidden")
        yield ArticleList(id="list")

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def bar(self) -> QueryBar:
        return self.query_one("#search", QueryBar)

    @property
    def hits(self) -> HitsSource | None:
        """The search hits shown now, or None when the whole collection is listed."""
        source = self.articles.source
        return source if isinstance(source, HitsSource) else None

    def attach(self, library: Library) -> None:
        self.library = library
        self.browse = LibrarySource(library)
        self.articles.set_source(self.browse)

    def sources(self) -> list[RowSource]:
        """Every row source that caches rows (to patch after a state change)."""
        shown = self.articles.source
        return [s for s in {id(s): s for s in (shown, self.browse) if s is not None}.values()]

    # -- searching -------------------------------------------------------------------------------
    def open_search(self) -> None:
        self.bar.remove_class("hidden")
        focus_now(self.bar)

    def close_search(self) -> None:
        self.bar.value = ""
        self.bar.add_class("hidden")
        self.run_search("")
        focus_now(self.articles)

    def run_search(self, query: str) -> None:
        """Filter the list as the user types: the whole collection again for an empty query."""
        if not query.strip():
            self.articles.set_source(self.browse)
            self.post_message(self.SourceChanged())
        else:
            self._search_worker(query)

    def _hits(self, query: str) -> HitsSource:
        assert self.library is not None
        hits = self.library.search(query, limit=HITS)
        source = HitsSource.from_hits(self.library, query, hits)
        # fewer hits than asked for are all there are; a full list may stand for more
        source.total = len(hits) if len(hits) < HITS else self.library.search_count(query)
        return source

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, query: str) -> None:
        source = self._hits(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, source)

    def _show_hits(self, source: HitsSource) -> None:
        if self.bar.value != source.query:
            return  # the user typed on; a newer search is under way
        self.articles.empty_message = f"No articles match {source.query!r}."
        self.articles.set_source(source)
        self.post_message(self.SourceChanged())

    @on(Input.Changed, "#search")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value
        current = self.hits
        if query.strip() and not (current is not None and current.query == query):
            self._show_hits(self._hits(query))  # enter before the typed search came back
        row = self.articles.current
        if row is not None:
            self.post_message(ArticleList.Opened(row))

    @on(QueryBar.Move, "#search")
    def _move(self, event: QueryBar.Move) -> None:
        event.stop()
        self.articles.cursor += event.delta

    @on(QueryBar.Closed, "#search")
    def _bar_closed(self, event: QueryBar.Closed) -> None:
        event.stop()
        self.close_search()
