"""Value objects of the core: an article, its blocks, people and quotes.

Every span is a half-open pair of ``str`` indices into the decoded source text.
All classes are frozen dataclasses that check their invariants on creation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Format(StrEnum):
    """The kind of file an article came from, chosen by its suffix."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(StrEnum):
    """What a block of an article is; the reading pane styles each kind apart."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of ``str`` indices."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __iter__(self) -> Iterator[int]:
        """``start, end = span``: a span unpacks as the pair it stands for."""
        yield self.start
        yield self.end


# -- the display model: rendered blocks whose characters keep their source offsets --------------
# (the functions over it live in reader.ingest.display)

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



@dataclass(frozen=True, slots=True)
class Block:
    """A run of the source (usually one line or paragraph) with one kind.

    ``reason`` says why a hidden block was hidden ("donation appeal"); it feeds
    the fold summary in the reading pane.
    """

    kind: BlockKind
    span: Span
    text: str
    hidden: bool = False
    reason: str = ""

    def __post_init__(self) -> None:
        if len(self.text) != len(self.span):
            raise ValueError("block text length does not match its span")
        if self.kind is BlockKind.BOILERPLATE and not self.hidden:
            raise ValueError("boilerplate blocks are hidden")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a person's name in the source."""

    span: Span
    text: str

    def __post_init__(self) -> None:
        if len(self.text) != len(self.span):
            raise ValueError("mention text length does not match its span")


@dataclass(frozen=True, slots=True)
class Person:
    """A distinct person: the fullest name seen, an optional role, every mention.

    ``listed`` says whether the article shows the name to be a person's (a title or role, a
    given name, a pronoun after it): the collection's list of people counts only such names."""

    name: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    listed: bool = True

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a person needs a name")
        if not self.mentions:
            raise ValueError(f"person {self.name!r} has no mentions")
        starts = [m.span.start for m in self.mentions]
        if starts != sorted(starts):
            raise ValueError("mentions must be in source order")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, its span including the marks, and who said it (or None).

    ``speaker_is_org`` marks a speaker that is an organisation ("Reuters"), not a person."""

    span: Span
    text: str
    speaker: str | None = None
    speaker_is_org: bool = False

    def __post_init__(self) -> None:
        if len(self.text) != len(self.span):
            raise ValueError("quote text length does not match its span")


@dataclass(frozen=True, slots=True)
class Article:
    """One analysed article.

    ``source`` is the text every span points into: the decoded file for .txt and
    .md, the extracted text for .html.  ``meta`` holds front matter or page
    metadata (author, date, url, tags).  ``notices`` are user-facing notes such
    as "truncated at 5 MB".
    """

    path: str
    format: Format
    source: str
    title: str | None
    blocks: tuple[Block, ...]
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    notices: tuple[str, ...] = ()
    spans_exact: bool = True
    #: The rendered blocks when they cannot be derived from ``source`` again (HTML pages);
    #: ``None`` for text and Markdown, whose display the reading pane builds from the source.
    display: tuple[DisplayBlock, ...] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.format, Format):  # "text" is accepted and stored as Format.TEXT
            object.__setattr__(self, "format", Format(self.format))
        end = -1
        src = self.source
        n = len(src)
        for b in self.blocks:
            if b.span.start < end:
                raise ValueError(f"{self.path}: blocks overlap or are out of order")
            if b.span.end > n:
                raise ValueError(f"{self.path}: block beyond the end of the source")
            if not src.startswith(b.text, b.span.start):
                raise ValueError(f"{self.path}: block text differs from the source at {b.span.start}")
            end = b.span.end
        spans: list[tuple[str, Span, str]] = [("quote", q.span, q.text) for q in self.quotes]
        spans += [("mention", m.span, m.text) for p in self.people for m in p.mentions]
        for what, span, text in spans:
            if span.end > n:
                raise ValueError(f"{self.path}: {what} beyond the end of the source")
            if not src.startswith(text, span.start):
                raise ValueError(f"{self.path}: {what} text differs from the source at {span.start}")

    @property
    def shown_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.hidden)

    @property
    def body_text(self) -> str:
        """The text a reader sees as the article body (titles and hidden blocks left out)."""
        return "\n\n".join(
            b.text for b in self.blocks if not b.hidden and b.kind in (BlockKind.BODY, BlockKind.HEADING)
        )

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks if not b.hidden)
