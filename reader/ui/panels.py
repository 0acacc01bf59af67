"""The panels keys open: people, quotes, failed files, help.  Mixed into ReaderApp."""

from __future__ import annotations

from typing import Any

from textual.app import App

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane


class PanelActions(App[None]):
    """p, Q, F and ?: each pushes a modal screen and acts on what was chosen."""

    library: Any
    config: Any

    def set_mode(self, reading: bool) -> None:
        raise NotImplementedError

    def focus_reading(self) -> None:
        raise NotImplementedError

    def action_search(self) -> None:
        raise NotImplementedError

    def action_people(self) -> None:
        from reader.ui.screens.people import PeopleScreen

        pane = self.query_one(ReadingPane)
        if pane.article is not None:
            self.push_screen(PeopleScreen(pane.article), self._person_chosen)

    async def _person_chosen(self, value: Any) -> None:
        if not value:
            return
        kind, name = value
        pane = self.query_one(ReadingPane)
        if kind == "all":
            bar = self.query_one("#search", QueryBar)
            self.action_search()
            bar.value = " ".join(f"person:{word}" for word in name.split())
            return
        assert pane.article is not None
        person = next(p for p in pane.article.people if p.name == name)
        pane.focus_person = name
        pane.set_targets([(m.span.start, m.span.end) for m in person.mentions], kind="person")
        self.focus_reading()

    def action_quotes(self) -> None:
        from reader.ui.screens.quotes import QuotesScreen

        pane = self.query_one(ReadingPane)
        if pane.article is not None:
            self.push_screen(QuotesScreen(pane.article), self._quote_chosen)

    def _quote_chosen(self, index: Any) -> None:
        if index is None:
            return
        pane = self.query_one(ReadingPane)
        pane.choose_quote(int(index))
        self.focus_reading()

    def action_failures(self) -> None:
        from reader.ui.screens.failures import FailuresScreen

        self.push_screen(FailuresScreen(self.library.failures()))

    def action_help(self) -> None:
        from textual.binding import Binding

        from reader.ui.screens.help import HelpScreen
        from reader.ui.screens.people import PeopleScreen

        def make(items: Any) -> list[Binding]:
            return list(Binding.make_bindings(items))

        sections = [
            ("Everywhere", [*make(self.BINDINGS), Binding("ctrl+p", "command_palette", "Command palette")]),
            ("Article list", make(ArticleList.BINDINGS)), ("Reading pane", make(ReadingPane.BINDINGS)),
            ("On a fold", make(Fold.BINDINGS)), ("On a block you kept", make(BlockView.BINDINGS)),
            ("People panel", make(PeopleScreen.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections, dict(self.config.keys)))
