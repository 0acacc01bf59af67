"""Value objects of the core: an article, its blocks, people and quotes.

Every span is a half-open pair of ``str`` indices into the decoded source text.
All classes are frozen dataclasses that check their invariants on creation.
"""

from __future__ import annotations

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
    """A distinct person: the fullest name seen, an optional role, every mention."""

    name: str
    mentions: tuple[Mention, ...]
    role: str | None = None

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
