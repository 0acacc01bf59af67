"""The find bar under the reading pane: find as you type in the open article, n/N step."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input, Label

from reader.ui.render import find_all
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane

LONG_ARTICLE = 300  # blocks; find-as-you-type waits for a pause in typing above this


class FindRow(Horizontal):
    """``#find`` and its ``#find-count``; acts on the ReadingPane given at construction."""

    def __init__(self, pane: ReadingPane, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pane = pane
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield QueryBar(placeholder="Find in article…", id="find")
        yield Label("0/0", id="find-count")

    @property
    def is_open(self) -> bool:
        return not self.has_class("hidden")

    def open(self) -> None:
        self.remove_class("hidden")
        bar = self.query_one("#find", QueryBar)
        bar.focus()
        self.call_after_refresh(bar.focus)

    def close(self) -> None:
        self.add_class("hidden")
        self.pane.focus()

    def show_count(self) -> None:
        self.query_one("#find-count", Label).update(self.pane.counter())

    def _find(self, text: str) -> None:
        self._timer = None
        source = self.pane.article.source if self.pane.article else ""
        self.pane.set_targets(find_all(source, [text]) if text else [])
        self.show_count()

    @on(Input.Changed, "#find")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        article = self.pane.article
        if article is not None and len(article.blocks) > LONG_ARTICLE:
            # restyling a very long article takes a while: wait for a pause in typing
            value = event.value
            self._timer = self.set_timer(0.2, lambda: self._find(value))
        else:
            self._find(event.value)

    @on(Input.Submitted, "#find")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._find(event.value)
        self.pane.focus()

    @on(QueryBar.Move, "#find")
    def _move(self, event: QueryBar.Move) -> None:
        event.stop()
        self.pane.action_step(event.delta)
        self.show_count()

    @on(QueryBar.Closed, "#find")
    def _bar_closed(self, event: QueryBar.Closed) -> None:
        event.stop()
        self.close()
