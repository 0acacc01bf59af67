"""A shown block of an article: one part of the reading pane (drawn by the pane, not a widget)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from reader.model import Block, BlockKind
from reader.ui.widgets.piece import Piece

#: Kinds with a style of their own (component class ``reading--<kind>``); others read as body text.
STYLED_KINDS = frozenset({BlockKind.TITLE, BlockKind.HEADING, BlockKind.BYLINE, BlockKind.CAPTION})


class BlockView:
    """One shown block, styled by its kind.

    A block the user chose to keep although it is hidden by default (``kept``) can be chosen
    with f, and x hides it again; the keys are the pane's, listed here for the help screen.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "hide_again", "Hide again", id="block.hide_again"),
    ]

    class HideRequested(Message):
        def __init__(self, view: BlockView) -> None:
            self.view = view
            super().__init__()

    def __init__(self, block: Block, kept: bool = False) -> None:
        self.blocks = [block]
        self.kept = kept
        kind = block.kind if block.kind in STYLED_KINDS else BlockKind.BODY
        if kept:
            self.pieces = [Piece(block.text, f"reading--{kind.value}", block, self, block.span.start,
                                 block.span.end, bar="reading--bar-kept", pad=1)]
        elif kind is BlockKind.CAPTION:
            self.pieces = [Piece(block.text, "reading--caption", block, self, block.span.start,
                                 block.span.end, bar="reading--bar-caption", pad=2)]
        else:
            self.pieces = [Piece(block.text, f"reading--{kind.value}", block, self, block.span.start,
                                 block.span.end)]

    @property
    def block(self) -> Block:
        return self.blocks[0]

    @property
    def start(self) -> int:
        return self.blocks[0].span.start

    @property
    def end(self) -> int:
        return self.blocks[-1].span.end

    @property
    def choosable(self) -> bool:
        """Whether f stops here (a kept block, which x hides again)."""
        return self.kept
