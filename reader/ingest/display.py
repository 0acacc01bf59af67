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
from dataclasses import dataclass, field
from enum import StrEnum

from reader.model import Span

__all__ = [
    "STYLES",
    "DisplayBlock",
    "DisplayKind",
    "Run",
    "RunBuilder",
    "display_index",
    "displayed_text",
    "source_offset",
    "text_blocks",
]

#: The inline styles a run can carry.
STYLES = frozenset({"em", "strong", "code", "link", "image"})
_PLAIN: frozenset[str] = frozenset()


class DisplayKind(StrEnum):
    """What a rendered block is; the reading pane lays out each kind apart."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    IMAGE = "image"
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class Run:
    """Displayed text in one style; character ``i`` comes from source index ``start + i``.

    ``href`` is the link target of a run inside a link, ``src`` the image source of an image's
    alt text; each is set exactly when its style ("link", "image") is.
    """

    text: str
    start: int
    styles: frozenset[str] = _PLAIN
    href: str | None = None
    src: str | None = None

    def __post_init__(self) -> None:
        if not self.text:
            raise ValueError("a run shows at least one character")
        if self.start < 0:
            raise ValueError(f"run starts before the source: {self.start}")
        if not self.styles <= STYLES:
            raise ValueError(f"unknown styles {sorted(self.styles - STYLES)}")
        if ("link" in self.styles) != (self.href is not None):
            raise ValueError("a run has an href exactly when it is a link")
        if ("image" in self.styles) != (self.src is not None):
            raise ValueError("a run has a src exactly when it is an image")

    @property
    def end(self) -> int:
        """One past the source index of the run's last character."""
        return self.start + len(self.text)


Cell = tuple[Run, ...]
Row = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    """One rendered block and the source range it covers, markup included.

    ``level`` is a heading's level (1-6, else 0); ``depth`` the number of list items the block
    sits in (at least 1 for a list item); ``quote`` the number of block quotes around it (at
    least 1 for a quote).  A list item's ``number`` is set when the list is ordered.  A table's
    ``rows`` hold its cells' runs (the first row is the header when ``header``) and ``runs`` the
    same runs row by row.  An image has its ``alt`` text (also its runs), ``src``, an optional
    ``caption`` and the ``href`` of a link around it.
    """

    kind: DisplayKind
    span: Span
    runs: tuple[Run, ...] = ()
    level: int = 0
    depth: int = 0
    quote: int = 0
    ordered: bool = False
    number: int | None = None
    language: str | None = None
    rows: tuple[Row, ...] = ()
    header: bool = False
    alt: str | None = None
    src: str | None = None
    caption: str | None = None
    href: str | None = None
    #: displayed index where each run starts, then the displayed length
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        last = self.span.start
        starts = [0]
        for run in self.runs:
            if run.start < last:
                raise ValueError(f"{self.kind} block: run at {run.start} overlaps or precedes {last}")
            last = run.end
            starts.append(starts[-1] + len(run.text))
        if last > self.span.end:
            raise ValueError(f"{self.kind} block: a run ends at {last}, past the span {self.span}")
        object.__setattr__(self, "_starts", tuple(starts))
        self._check_kind()

    def _check_kind(self) -> None:
        kind = self.kind
        if not (1 <= self.level <= 6 if kind is DisplayKind.HEADING else self.level == 0):
            raise ValueError(f"{kind} block with level {self.level}")
        if self.depth < 0 or self.quote < 0 or (kind is DisplayKind.LIST_ITEM and self.depth < 1):
            raise ValueError(f"{kind} block with depth {self.depth}, quote {self.quote}")
        if kind is DisplayKind.QUOTE and self.quote < 1:
            raise ValueError("a quote block sits in at least one quote")
        if (self.ordered or self.number is not None) and kind is not DisplayKind.LIST_ITEM:
            raise ValueError(f"{kind} block with a list number")
        if self.number is not None and not self.ordered:
            raise ValueError("only an ordered list item has a number")
        if self.language is not None and kind is not DisplayKind.CODE:
            raise ValueError(f"{kind} block with a language")
        if kind is DisplayKind.TABLE:
            if tuple(r for row in self.rows for cell in row for r in cell) != self.runs:
                raise ValueError("a table's runs are its cells' runs, row by row")
        elif self.rows or self.header:
            raise ValueError(f"{kind} block with table rows")
        image = (self.alt, self.src, self.caption, self.href)
        if kind is not DisplayKind.IMAGE and any(v is not None for v in image):
            raise ValueError(f"{kind} block with image fields")

    def __len__(self) -> int:
        """The number of displayed characters."""
        return self._starts[-1]


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
