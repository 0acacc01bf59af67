"""A run of hidden blocks folded to one line; focus it and press a key to reveal or keep it."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.model import Block
from reader.ui.render import fold_summary, plain


class Fold(Static, can_focus=True):
    """Folded: '▸ 4 lines hidden: donation appeal, newsletter'.  Revealed: the blocks, dimmed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "toggle_fold", "Reveal/fold", id="fold.toggle"),
        Binding("x", "keep", "Always show", id="fold.keep"),
    ]

    revealed: reactive[bool] = reactive(False)

    class KeepRequested(Message):
        """The user wants these blocks shown from now on."""

        def __init__(self, fold: Fold) -> None:
            self.fold = fold
            super().__init__()

    def __init__(self, blocks: list[Block], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.blocks = blocks
        self.bodies: list[Text] = [plain(b.text) for b in blocks]
        self.summary = fold_summary(blocks)
        self.signature: object = None

    @property
    def start(self) -> int:
        return self.blocks[0].span.start

    @property
    def end(self) -> int:
        return self.blocks[-1].span.end

    def set_bodies(self, bodies: list[Text]) -> None:
        self.bodies = bodies
        self._paint()

    def on_mount(self) -> None:
        self._paint()

    def watch_revealed(self, revealed: bool) -> None:
        self.set_class(revealed, "-revealed")
        self._paint()

    def _paint(self) -> None:
        if not self.is_mounted:
            return
        arrow = "▾" if self.revealed else "▸"
        head = Text(f"{arrow} {self.summary}", end="")
        if not self.revealed:
            self.update(head)
            return
        parts: list[Text] = [head]
        for body in self.bodies:
            parts.extend([Text("\n\n"), body])
        self.update(Text("", end="").join(parts))

    def action_toggle_fold(self) -> None:
        self.revealed = not self.revealed

    def action_keep(self) -> None:
        self.post_message(self.KeepRequested(self))

    def on_click(self) -> None:
        self.focus()
        self.action_toggle_fold()
