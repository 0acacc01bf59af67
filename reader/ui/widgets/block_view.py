"""A shown block of an article, or a run of body paragraphs sharing one widget."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from reader.model import Block

CHUNK = 24  # body paragraphs per widget


class BlockView(Static):
    """One shown block; its kind is a CSS class (-title, -byline, -caption, -heading, -body).

    A block the user chose to keep although it is hidden by default can be focused, and
    x hides it again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "hide_again", "Hide again", id="block.hide_again"),
    ]

    class HideRequested(Message):
        def __init__(self, view: BlockView) -> None:
            self.view = view
            super().__init__()

    def __init__(self, blocks: list[Block], classes: str = "") -> None:
        super().__init__(classes=f"-{blocks[0].kind.value} {classes}".strip())
        self.blocks = blocks
        self.can_focus = "-kept" in classes
        self.signature: object = None

    @property
    def block(self) -> Block:
        return self.blocks[0]

    def line_of(self, offset: int, width: int) -> int:
        """About which wrapped line holds source index ``offset`` (paragraphs joined by a blank line)."""
        line = 0
        for b in self.blocks:
            if offset < b.span.end:
                return line + max(offset - b.span.start, 0) // width
            line += _height(b, width)
        return line

    def blocks_from(self, line: int, width: int) -> list[Block]:
        """The blocks that reach wrapped line ``line`` or lie below it (the inverse of line_of)."""
        for i, b in enumerate(self.blocks):
            line -= _height(b, width)
            if line < 0:
                return self.blocks[i:]
        return []

    def action_hide_again(self) -> None:
        self.post_message(self.HideRequested(self))

    @property
    def start(self) -> int:
        return self.blocks[0].span.start

    @property
    def end(self) -> int:
        return self.blocks[-1].span.end


def _height(block: Block, width: int) -> int:
    """About how many lines a paragraph takes at ``width``, with the blank line after it."""
    return len(block.text) // width + 2
