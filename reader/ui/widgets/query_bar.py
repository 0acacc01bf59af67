"""A one-line input for list search and in-article find; arrows and escape go to its owner."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class QueryBar(Input):
    """Typing posts ``Changed`` (from Input); up/down move the list; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next result", id="query.next", show=False),
        Binding("up", "move(-1)", "Previous result", id="query.prev", show=False),
        Binding("escape", "close", "Close", id="query.close"),
    ]

    class Move(Message):
        def __init__(self, bar: QueryBar, delta: int) -> None:
            self.bar = bar
            self.delta = delta
            super().__init__()

        @property
        def control(self) -> QueryBar:
            return self.bar

    class Closed(Message):
        def __init__(self, bar: QueryBar) -> None:
            self.bar = bar
            super().__init__()

        @property
        def control(self) -> QueryBar:
            return self.bar

    async def _on_key(self, event: events.Key) -> None:
        """A bound key (ctrl+u, ctrl+w, up...) acts now, in order with the keys typed after it.

        Left to bubble up to the app, a non-printable key's binding would run only after the
        keys queued behind it were typed in, and ctrl+u would then delete them.
        """
        if not event.is_printable and await self.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def action_move(self, delta: int) -> None:
        self.post_message(self.Move(self, delta))

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
