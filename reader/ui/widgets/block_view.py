"""A shown block of an article: one part of the reading pane (drawn by the pane, not a widget)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from reader.model import Block, BlockKind
from reader.ui.display_render import BlockGroup
from reader.ui.widgets.piece import Piece

#: Kinds with a style of their own (component class ``reading--<kind>``); others read as body text.
STYLED_KINDS = frozenset({BlockKind.TITLE, BlockKind.HEADING, BlockKind.BYLINE, BlockKind.CAPTION})


_STYLES = {k: f"reading--{k.value if k in STYLED_KINDS else 'body'}" for k in BlockKind}
_BODY, _HEADING, _CAPTION = BlockKind.BODY, BlockKind.HEADING, BlockKind.CAPTION


class BlockView(Piece):
    """One shown block, styled by its kind: a piece of the pane that is its own part.

    A block the user chose to keep although it is hidden by default (``kept``) can be chosen
    with f, and x hides it again; the keys are the pane's, listed here for the help screen.
    """

    __slots__ = ("kept",)
    block: Block  # always a block here (a Piece may have none)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "hide_again", "Hide again", id="block.hide_again"),
    ]

    class HideRequested(Message):
        def __init__(self, view: BlockView) -> None:
            self.view = view
            super().__init__()

    def __init__(self, block: Block, kept: bool = False, view: BlockGroup | None = None) -> None:
        # assigned here rather than through Piece.__init__: a 100k-paragraph article makes 100k
        kind = block.kind
        self.text, self.block, self.owner, self.kept = block.text, block, self, kept
        self.view = view
        self.start, self.end = block.span.start, block.span.end
        # a block shown inside another's view (a paragraph's second line) takes no lines at all
        self.before, self.after = 0, 0 if view is not None and not view.blocks else 1
        self._count, self._lines = (-1, 0), (-1, [])
        self.style = ("reading--body" if kind is _BODY else
                      "reading--heading" if kind is _HEADING else _STYLES[kind])
        if kept:
            self.bar, self.pad = "reading--bar-kept", 1
        elif kind is _CAPTION:
            self.bar, self.pad = "reading--bar-caption", 2
        else:
            self.bar, self.pad = "", 0

    @property
    def blocks(self) -> list[Block]:
        return [self.block]

    @property
    def pieces(self) -> list[Piece]:
        return [self]

    @property
    def choosable(self) -> bool:
        """Whether f stops here (a kept block, which x hides again)."""
        return self.kept
