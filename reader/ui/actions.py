"""What the keys do to articles: open, search, find, people, quotes, state.  Mixed into ReaderApp."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import App
from textual.widgets import Label
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.model import Article
from reader.ui.render import find_all
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.rows import HitsSource, Row

BIG_ARTICLE = 20_000  # words; a bigger article is read and laid out in a worker


def query_terms(query: str) -> list[str]:
    """Words of a search query worth highlighting in an article (operators unwrapped)."""
    terms: list[str] = []
    for word in query.split():
        if ":" in word:
            word = word.split(":", 1)[1]
        word = word.strip('"')
        if word:
            terms.append(word)
    return terms


class ArticleActions(App[None]):
    """Article-level actions; ReaderApp supplies the layout methods declared below."""

    library: Any
    browse: Any
    open_path: str | None
    search_terms: list[str]
    config: Any
    copied: str = ""
    _opening: str | None = None  # the article being opened (a big one loads in a worker)

    def update_header(self) -> None:
        raise NotImplementedError

    def set_mode(self, reading: bool) -> None:
        raise NotImplementedError

    def focus_reading(self) -> None:
        raise NotImplementedError

    def _show_progress(self, _: float = 0) -> None:
        raise NotImplementedError

    # -- opening ------------------------------------------------------------------------------------
    async def open_row(self, row: Row, focus: bool = True) -> None:
        self.save_position()
        pane = self.query_one(ReadingPane)
        self.workers.cancel_group(self, "open")
        self._opening = row.path
        if row.words > BIG_ARTICLE:
            # read and laid out in a worker; focus first, so keys typed meanwhile act in the pane
            pane.begin_loading(row.title)
            pane.border_title = row.title
            if focus:
                self.focus_reading()
            # after the next frame, so "Opening…" and the focus show before the worker takes the GIL
            self.call_after_refresh(self._open_worker, row, pane.measure_width(), list(self._hit_terms()))
            return
        try:
            article = self.library.article(row.path)
        except ReaderError as exc:
            self.notify(f"{row.path}: {exc}", severity="error")
            return
        await pane.show(article, self._choices(row.path, article))
        terms = self._hit_terms()
        hits = find_all(article.source, terms) if terms else None
        self._opened(row, hits, focus)

    def _hit_terms(self) -> list[str]:
        """The search's words when the list shows search hits (an opened hit highlights them)."""
        lst = self.query_one(ArticleList)
        return self.search_terms if isinstance(lst.source, HitsSource) else []

    @work(thread=True, exclusive=True, group="open")
    def _open_worker(self, row: Row, width: int, terms: list[str]) -> None:
        from reader.ui.widgets.reading_layout import prepare

        try:
            article = self.library.article(row.path)
            prepared = prepare(article, self._choices(row.path, article), width)
            hits = find_all(article.source, terms) if terms else None
        except ReaderError as exc:
            self.call_from_thread(self._open_failed, row, exc)
            return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._open_done, row, prepared, hits)

    def _open_failed(self, row: Row, exc: ReaderError) -> None:
        if row.path == self._opening:
            self.notify(f"{row.path}: {exc}", severity="error")
            self.query_one(ReadingPane).end_loading()

    def _open_done(self, row: Row, prepared: Any, hits: list[tuple[int, int]] | None) -> None:
        if row.path != self._opening:
            return  # another article was opened meanwhile
        self.query_one(ReadingPane).install(prepared)
        self._opened(row, hits, focus=False)

    def _opened(self, row: Row, hits: list[tuple[int, int]] | None, focus: bool) -> None:
        """The article of ``row`` is in the pane: mark it read, go to the first hit or the saved place."""
        pane = self.query_one(ReadingPane)
        state = self.library.state
        self.open_path = row.path
        pane.border_title = row.title
        if not row.read:
            state.set_read(row.path, True)
            self._patch(row.path, read=True)
        if hits is not None:
            pane.set_targets(hits, jump=False)
            first = row.first_hit
            if pane.targets:
                first = first if first is not None else pane.targets[0][0]
                pane.target_index = 0
                pane.repaint()
            if first is not None:
                pane.scroll_to_offset(first)
        else:
            position = state.get(row.path).position
            if position:
                pane.scroll_when_ready(position)
        pane.call_after_refresh(self._show_progress)
        if focus:
            self.focus_reading()

    def save_position(self) -> None:
        pane = self.query_one(ReadingPane)
        if self.open_path and pane.article is not None and self.library is not None:
            self.library.state.set_position(self.open_path, int(pane.scroll_y))

    def _patch(self, path: str, **changes: Any) -> None:
        lst = self.query_one(ArticleList)
        for source in {id(s): s for s in (lst.source, self.browse) if s is not None}.values():
            source.patch(path, **changes)
        lst.refresh()

    def _target_row(self) -> Row | None:
        """The article a state key acts on: the open one when reading, else the list's cursor."""
        lst = self.query_one(ArticleList)
        if self.focused is lst or self.open_path is None:
            return lst.current
        entry = self.library.entry(self.open_path)
        from reader.ui.widgets.rows import row_from_entry

        return row_from_entry(entry) if entry is not None else None

    async def action_next_article(self, delta: int) -> None:
        lst = self.query_one(ArticleList)
        lst.cursor += delta
        row = lst.current
        if row is not None:
            reading = self.focused is not lst
            await self.open_row(row, focus=reading)
            if not reading:
                lst.focus()

    # -- state keys ---------------------------------------------------------------------------------
    def action_toggle_read(self) -> None:
        row = self._target_row()
        if row is not None:
            self.library.state.set_read(row.path, not row.read)
            self._patch(row.path, read=not row.read)
            self.update_header()

    def action_toggle_star(self) -> None:
        row = self._target_row()
        if row is not None:
            self.library.state.set_starred(row.path, not row.starred)
            self._patch(row.path, starred=not row.starred)

    def action_open_url(self) -> None:
        article = self.query_one(ReadingPane).article
        url = article.meta.get("url") if article is not None else None
        if not url:
            self.notify("This article has no URL.", severity="warning")
            return
        import webbrowser

        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if not opened:
            self.notify(f"No browser available to open {url}", severity="warning")

    def action_copy_quote(self) -> None:
        pane = self.query_one(ReadingPane)
        index = pane.quote_in_view()
        if pane.article is None or index is None:
            self.notify("No quote to copy.", severity="warning")
            return
        text = pane.article.quotes[index].text
        self.copy_to_clipboard(text)
        self.copied = text
        self.notify("Quote copied.", timeout=2)

    def _choices(self, path: str, article: Article) -> dict[str, str | None]:
        """The reader's keep/hide choices for the blocks of ``article`` (by block text)."""
        return {b.text: self.library.state.block_choice(path, b.text) for b in article.blocks}

    async def on_fold_keep_requested(self, event: Fold.KeepRequested) -> None:
        if self.open_path is None:
            return
        for block in event.fold.blocks:
            self.library.state.set_block_choice(self.open_path, block.text, "keep")
        self.notify(f"{len(event.fold.blocks)} blocks will be shown from now on.", timeout=2)

    async def on_reading_pane_hide_block_requested(self, event: ReadingPane.HideBlockRequested) -> None:
        if self.open_path is None:
            return
        pane = self.query_one(ReadingPane)
        self.library.state.set_block_choice(self.open_path, event.block.text, "hide")
        if pane.article is not None:
            y = pane.scroll_y
            await pane.show(pane.article, self._choices(self.open_path, pane.article))
            pane.scroll_to(y=y, animate=False)
        self.notify("Folded from now on (x on the fold shows it again).", timeout=2)

    def on_block_view_hide_requested(self, event: BlockView.HideRequested) -> None:
        if self.open_path is not None:
            self.library.state.set_block_choice(self.open_path, event.view.block.text, None)
            self.notify("The block will be folded next time.", timeout=2)

    # -- search and find ------------------------------------------------------------------------
    def action_search(self) -> None:
        reading = self.query_one(ReadingPane)
        focused = self.focused
        if reading.article is not None and focused is not None and (
                focused is reading or reading in focused.ancestors):
            self.query_one("#find-row").remove_class("hidden")
            find = self.query_one("#find", QueryBar)
            find.focus()
            self.call_after_refresh(find.focus)
            return
        self.set_mode(False)
        bar = self.query_one("#search", QueryBar)
        bar.remove_class("hidden")
        bar.focus()
        self.call_after_refresh(bar.focus)

    def on_input_changed(self, event: QueryBar.Changed) -> None:
        if event.input.id == "search":
            self.run_search(event.value)
        elif event.input.id == "find":
            self.query_one(ReadingPane).find(event.value)  # a big article is searched in a worker

    def on_reading_pane_targets_changed(self) -> None:
        self.query_one("#find-count", Label).update(self.query_one(ReadingPane).counter())

    def run_search(self, query: str) -> None:
        """Filter the list as the user types; the search runs in a thread, stale results are dropped."""
        if not query.strip():
            self.search_terms = []
            self.query_one(ArticleList).set_source(self.browse)
            self.update_header()
        else:
            self._search_worker(query)

    def _hits(self, query: str) -> HitsSource:
        return HitsSource.from_hits(self.library, query, self.library.search(query, limit=200))

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, query: str) -> None:
        source = self._hits(query)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._show_hits, source)

    def _show_hits(self, source: HitsSource) -> None:
        if self.query_one("#search", QueryBar).value != source.query:
            return  # the user typed on; a newer search is under way
        lst = self.query_one(ArticleList)
        self.search_terms = query_terms(source.query)
        lst.empty_message = f"No articles match {source.query!r}."
        lst.set_source(source)
        self.update_header()

    async def on_input_submitted(self, event: QueryBar.Submitted) -> None:
        if event.input.id == "search":
            lst = self.query_one(ArticleList)
            query = event.value
            current = lst.source
            if query.strip() and not (isinstance(current, HitsSource) and current.query == query):
                self._show_hits(self._hits(query))  # enter before the typed search came back
            if lst.current is not None:
                await self.open_row(lst.current)
        elif event.input.id == "find":
            self.query_one(ReadingPane).focus()

    def on_query_bar_move(self, event: QueryBar.Move) -> None:
        if event.bar.id == "search":
            self.query_one(ArticleList).cursor += event.delta
        else:
            self.query_one(ReadingPane).action_step(event.delta)
            self.query_one("#find-count", Label).update(self.query_one(ReadingPane).counter())

    def on_query_bar_closed(self, event: QueryBar.Closed) -> None:
        if event.bar.id == "search":
            self.close_search()
        else:
            self.close_find()

    def close_search(self) -> None:
        bar = self.query_one("#search", QueryBar)
        bar.value = ""
        bar.add_class("hidden")
        self.run_search("")
        self.query_one(ArticleList).focus()

    def close_find(self) -> None:
        self.query_one("#find-row").add_class("hidden")
        self.query_one(ReadingPane).focus()
