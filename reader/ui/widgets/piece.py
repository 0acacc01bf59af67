"""A piece of the reading pane: the meta line, the title, a shown block, a fold's summary line.

The pane is one Line-API widget that lays pieces one under another.  A piece measures itself
(how many display lines at a width) without styling anything; the pane styles only the lines
on screen.  A block becomes lines through its rendered view (:class:`reader.ui.display_render.BlockGroup`:
headings, list items, tables, code...) when it has one, else as a word-wrapped paragraph
(:func:`reader.ui.render.renderer_for`, text dumps).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Block
from reader.ui.display_render import BlockGroup, LineSpec
from reader.ui.render import renderer_for, shown
from reader.ui.wrap import wrap_height, wrap_spans


class Piece:
    """``text`` shown in component class ``style``, after ``before`` blank lines and before ``after``.

    ``bar`` names the component class of a bar down the left edge ("" for none), ``pad`` the
    cells between it and the text.  ``start``/``end`` is the source range the piece stands for
    (a folded fold's summary stands for all its blocks; the meta line for nothing).  ``owner``
    is the :class:`BlockView` or :class:`Fold` the piece belongs to.
    """

    __slots__ = ("_count", "_lines", "after", "bar", "before", "block", "end", "owner", "pad", "start",
                 "style", "text", "view")

    def __init__(self, text: str, style: str, block: Block | None = None, owner: object = None,
                 start: int = 0, end: int = 0, bar: str = "", pad: int = 0, before: int = 0,
                 after: int = 1, view: BlockGroup | None = None) -> None:
        self.text, self.style, self.block, self.owner = text, style, block, owner
        self.view = view
        self.start, self.end, self.bar, self.pad = start, end, bar, pad
        self.before, self.after = before, after
        # (width, value): set in one assignment, so a layout worker and the UI thread can share them
        self._count: tuple[int, int] = (-1, 0)
        self._lines: tuple[int, Sequence[LineSpec]] = (-1, [])

    @property
    def indent(self) -> int:
        return (1 if self.bar else 0) + self.pad

    def height(self, width: int) -> int:
        """Display lines at measure ``width``, blank lines before and after included."""
        return self.before + self.count(width) + self.after

    def count(self, width: int) -> int:
        """Display lines of the text itself at measure ``width``."""
        w, n = self._count
        if w != width:
            inner = max(width - self.indent, 1)
            if self._lines[0] == width:
                n = len(self._lines[1])
            elif self.view is not None:
                n = len(self.lines(width))
            elif self.block is not None:
                n = renderer_for(self.block).count(self.block, inner)
            else:
                n = wrap_height(shown(self.text), inner)
            self._count = (width, n)
        return n

    def lines(self, width: int) -> Sequence[LineSpec]:
        """Each display line: ``(start, end, ...)`` in source indices for a block (a
        :class:`~reader.ui.display_render.DLine` when it has a view), else ``(start, end)`` into ``text``."""
        w, spans = self._lines
        if w != width:
            inner = max(width - self.indent, 1)
            if self.view is not None:
                spans = self.view.measure(inner)
            elif self.block is not None:
                spans = renderer_for(self.block).measure(self.block, inner)
            else:
                spans = wrap_spans(shown(self.text), inner)
            self._lines = (width, spans)
        return spans
