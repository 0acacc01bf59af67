"""The find bar under the reading pane: find as you type in the open article, n/N step."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from reader.ui.focus import focus_now
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane


class FindRow(Horizontal):
    """``#find`` and its ``#find-count``; acts on the ReadingPane given at construction."""

    def __init__(self, pane: ReadingPane, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pane = pane

    def compose(self) -> ComposeResult:
        yield QueryBar(placeholder="Find in article…", id="find")
        yield Label("0/0", id="find-count")

    @property
    def is_open(self) -> bool:
        return not self.has_class("hidden")

    def open(self) -> None:
        self.remove_class("hidden")
        bar = self.query_one("#find", QueryBar)
        focus_now(bar)

    def close(self) -> None:
        self.add_class("hidden")
        focus_now(self.pane)

    def show_count(self) -> None:
        self.query_one("#find-count", Label).update(self.pane.counter())

    @on(Input.Changed, "#find")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.pane.find(event.value)  # a big article is searched in a worker; the count follows

    @on(Input.Submitted, "#find")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        focus_now(self.pane)

    @on(QueryBar.Move, "#find")
    def _move(self, event: QueryBar.Move) -> None:
        event.stop()
        self.pane.action_step(event.delta)
        self.show_count()

    @on(QueryBar.Closed, "#find")
    def _bar_closed(self, event: QueryBar.Closed) -> None:
        event.stop()
        self.close()
