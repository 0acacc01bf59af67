"""A run of hidden blocks folded to one line: one part of the reading pane (drawn by the pane).

Choose it (f or a click) and enter reveals or folds it again, x keeps it shown from now on.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from reader.model import Block
from reader.ui.display_render import BlockGroup
from reader.ui.render import fold_summary
from reader.ui.widgets.piece import Piece


class Fold:
    """Folded: '▸ 4 lines hidden: donation appeal, newsletter'.

    Revealed: '▾ 4 lines shown: ...' and the blocks, dimmed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "toggle_fold", "Reveal/fold", id="fold.toggle"),
        Binding("x", "keep", "Always show", id="fold.keep"),
    ]

    class KeepRequested(Message):
        """The user wants these blocks shown from now on."""

        def __init__(self, fold: Fold) -> None:
            self.fold = fold
            super().__init__()

    def __init__(self, blocks: list[Block], views: list[BlockGroup | None] | None = None) -> None:
        self.blocks = blocks
        self.views = views if views is not None else [None] * len(blocks)
        self.summary = fold_summary(blocks)
        self._revealed = False
        self.pieces: list[Piece] = []
        self._build()

    choosable = True

    @property
    def start(self) -> int:
        return self.blocks[0].span.start

    @property
    def end(self) -> int:
        return self.blocks[-1].span.end

    @property
    def revealed(self) -> bool:
        return self._revealed

    @revealed.setter
    def revealed(self, value: bool) -> None:
        """Set through the pane (``ReadingPane.set_revealed``), which lays the pieces out again."""
        if value != self._revealed:
            self._revealed = value
            self._build()

    def _build(self) -> None:
        if not self._revealed:
            self.pieces = [Piece(f"▸ {self.summary}", "reading--fold", None, self, self.start, self.end)]
            return
        head = Piece(
            f"▾ {fold_summary(self.blocks, revealed=True)}",
            "reading--fold-revealed",
            None,
            self,
            self.start,
            self.start,
            bar="reading--bar-kept",
            pad=1,
            after=0,
        )
        bodies = [
            Piece(
                b.text,
                "reading--fold-revealed",
                b,
                self,
                b.span.start,
                b.span.end,
                bar="reading--bar-kept",
                pad=1,
                before=0 if v is not None and not v.blocks else 1,
                after=0,
                view=v,
            )
            for b, v in zip(self.blocks, self.views, strict=True)
        ]
        bodies[-1].after = 1
        self.pieces = [head, *bodies]
