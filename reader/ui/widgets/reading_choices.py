"""Folds and kept blocks in the reading pane: a cursor chooses one (f, a click), keys act on it."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType

from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.reading_layout import Part
from reader.ui.widgets.reading_view import ReadingView


class ChoiceKeys(ReadingView):
    """f, enter, x and z, and clicks on folds (their own classes list the keys for the help screen)."""

    BINDINGS: ClassVar[list[BindingType]] = [*Fold.BINDINGS, *BlockView.BINDINGS]

    @property
    def folds(self) -> list[Fold]:
        return [p for p in self.parts if isinstance(p, Fold)]

    def set_revealed(self, folds: list[Fold], revealed: bool) -> None:
        for fold in folds:
            fold.revealed = revealed
        self.relayout()

    def choose(self, part: Part | None) -> None:
        """Put the cursor on ``part`` (a fold or a kept block) and bring it into view."""
        self.cursor = part
        self.restyle()
        self.refresh_bindings()
        if part is not None:
            y = self._layout.line_of_offset(part.start)
            if not self.scroll_y <= y < self.scroll_y + self.size.height - 1:
                self.go_to(y - 2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_fold", "keep"):
            return isinstance(self.cursor, Fold)
        if action == "hide_again":
            return isinstance(self.cursor, BlockView)
        if action == "next_fold":  # hidden from the footer where the article has nothing to stop at
            return self.busy or any(p.choosable for p in self.parts)
        if action == "reveal_all":
            return self.busy or bool(self.folds)
        return True

    def action_toggle_fold(self) -> None:
        if isinstance(self.cursor, Fold):
            self.set_revealed([self.cursor], not self.cursor.revealed)

    def action_keep(self) -> None:
        if isinstance(self.cursor, Fold):
            self.post_message(Fold.KeepRequested(self.cursor))

    def action_hide_again(self) -> None:
        if isinstance(self.cursor, BlockView):
            self.post_message(BlockView.HideRequested(self.cursor))

    def action_next_fold(self) -> None:
        self.when_ready(self._next_fold)

    def _next_fold(self) -> None:
        stops = [p for p in self.parts if p.choosable]
        if not stops:
            self.notify("No hidden blocks in this article.")
            return
        now = self.cursor
        if now is not None and now in stops:
            after = [p for p in stops if p.start > now.start]
        else:
            top = int(self.scroll_y)
            after = [p for p in stops if self._layout.line_of_offset(p.start) >= top]
        self.choose((after or stops)[0])

    def action_reveal_all(self) -> None:
        self.when_ready(self._reveal_all)

    def _reveal_all(self) -> None:
        folds = self.folds
        self.set_revealed(folds, not all(f.revealed for f in folds))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        found = self._layout.locate(int(self.scroll_y) + offset.y) if offset is not None else None
        part = found[0].owner if found is not None else None
        if isinstance(part, Fold | BlockView) and part.choosable:
            self.choose(part)
            if isinstance(part, Fold):
                self.action_toggle_fold()
