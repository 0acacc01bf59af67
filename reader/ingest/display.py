"""The display model: an article as rendered blocks whose every character keeps its source offset.

Ingest turns each format into a tuple of :class:`DisplayBlock` (heading, paragraph, list item,
quote, code, table, image, rule).  A block's :class:`Run` values carry inline style (emphasis,
strong, code, link, image) and map each displayed character to a source index: character ``i``
of a run sits at ``run.start + i``.  Wherever the display departs from that rule (an entity, an
escape, a line break, text after a markup marker) a new run starts, so no run needs a table of
offsets.  The text of a run equals ``source[run.start:run.end]`` except where the display
substitutes: a soft line break shown as a space, an entity shown decoded, NUL shown as U+FFFD.

Offsets strictly increase through a block, and blocks are ordered and do not overlap, so
people, quotes, folds, search matches and reading positions map both ways
(:func:`source_offset`, :func:`display_index`).  Spans are half-open ``str`` indices into the
decoded source, as everywhere else.  Text dumps become paragraphs here (:func:`text_blocks`);
Markdown goes through :mod:`reader.ingest.display_md`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.model import STYLES, Cell, DisplayBlock, DisplayKind, Row, Run, Span

__all__ = [
    "STYLES",
    "Cell",
    "DisplayBlock",
    "DisplayKind",
    "Row",
    "Run",
    "RunBuilder",
    "display_index",
    "displayed_text",
    "source_offset",
    "text_blocks",
]

def displayed_text(block: DisplayBlock) -> str:
    """What the block shows, its runs joined (a table's cells row by row, with nothing between)."""
    return "".join(r.text for r in block.runs)


def source_offset(block: DisplayBlock, index: int) -> int:
    """The source index of displayed character ``index`` of ``block``."""
    if not 0 <= index < len(block):
        raise IndexError(f"displayed index {index} outside a block of {len(block)} characters")
    k = bisect_right(block._starts, index) - 1
    return block.runs[k].start + index - block._starts[k]


def display_index(blocks: Sequence[DisplayBlock], offset: int) -> tuple[int, int]:
    """``(block index, displayed index)`` of the character shown for source index ``offset``.

    Inside markup (or between blocks) this is the nearest displayed character that follows;
    past the last one it is the end of the last block, ``(len(blocks) - 1, len(last))``
    (``(0, 0)`` when there are no blocks).
    """
    k = max(0, bisect_right(blocks, offset, key=lambda b: b.span.start) - 1)
    for j in range(k, len(blocks)):
        block = blocks[j]
        runs = block.runs
        if not runs or runs[-1].end <= offset:
            continue
        r = bisect_right(runs, offset, key=lambda run: run.start) - 1
        if r < 0:
            return j, 0
        if offset < runs[r].end:
            return j, block._starts[r] + offset - runs[r].start
        return j, block._starts[r + 1]
    if not blocks:
        return 0, 0
    return len(blocks) - 1, len(blocks[-1])


def text_blocks(source: str, body_start: int = 0) -> tuple[DisplayBlock, ...]:
    """A text dump as paragraphs: each run of non-blank lines is one block, its run the slice.

    Lines are cut as :func:`reader.analysis.boilerplate.lines.split_lines` cuts them (at
    ``\\n``, a trailing ``\\r`` dropped, blank when ``str.strip`` leaves nothing), so every
    analysis block of a text dump lies inside one paragraph.
    """
    out: list[DisplayBlock] = []
    n = len(source)
    pos = max(0, min(body_start, n))
    first = last = -1
    while pos < n:
        nl = source.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and source[end - 1] == "\r" else end
        if source[pos:e].strip():
            if first < 0:
                first = pos
            last = e
        elif first >= 0:
            out.append(_paragraph(source, first, last))
            first = -1
        pos = end + 1
    if first >= 0:
        out.append(_paragraph(source, first, last))
    return tuple(out)


def _paragraph(source: str, start: int, end: int) -> DisplayBlock:
    return DisplayBlock(DisplayKind.PARAGRAPH, Span(start, end), (Run(source[start:end], start),))


_PLAIN: frozenset[str] = frozenset()


class RunBuilder:
    """Collects displayed pieces into runs, merging neighbours that continue each other.

    A piece at or before the last offset taken is cut to what lies after it (``floor`` is the
    first offset allowed), so offsets always strictly increase.  Loaders use it to build runs.
    """

    __slots__ = ("_href", "_parts", "_src", "_start", "_styles", "floor", "runs")

    def __init__(self, floor: int = 0) -> None:
        self.floor = floor
        self.runs: list[Run] = []
        self._parts: list[str] = []
        self._start = 0
        self._styles = _PLAIN
        self._href: str | None = None
        self._src: str | None = None

    def add(self, text: str, start: int, styles: frozenset[str] = _PLAIN,
            href: str | None = None, src: str | None = None) -> None:
        """Show ``text`` whose character ``i`` comes from source index ``start + i``."""
        if start < self.floor:
            text, start = text[self.floor - start:], self.floor
        if not text:
            return
        same = (styles, href, src) == (self._styles, self._href, self._src)
        if self._parts and start == self.floor and same:
            self._parts.append(text)
        else:
            self._flush()
            self._parts, self._start = [text], start
            self._styles, self._href, self._src = styles, href, src
        self.floor = start + len(text)

    def take(self) -> tuple[Run, ...]:
        """The runs built since the last take."""
        self._flush()
        runs, self.runs = tuple(self.runs), []
        return runs

    def _flush(self) -> None:
        if self._parts:
            self.runs.append(Run("".join(self._parts), self._start, self._styles, self._href, self._src))
            self._parts = []
