"""What a loader hands to analysis: a Document of text, structure (display blocks) and hints.

Ingest decides nothing about what is furniture: a segment carries the kind the page structure
suggests (heading, body, caption...) and its :class:`Hints`; every hide decision is made in
:mod:`reader.analysis.boilerplate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from reader.ingest.display import DisplayBlock
from reader.model import BlockKind, Format

__all__ = ["Document", "Hints", "Origin", "Segment"]


class Origin(StrEnum):
    """Where the text of an HTML segment comes from."""

    #: a part the article finder kept (or, for a page read as flat text, a line of it)
    ARTICLE = "article"
    #: a visible block of the page that no part covers
    PAGE = "page"
    #: a page block repeating a part the finder kept once
    REPEAT = "repeat"
    #: a page block holding more than the parts it matched
    EXTRA = "extra"
    #: the page's metadata (author and date, as a byline)
    META = "meta"


@dataclass(frozen=True, slots=True)
class Hints:
    """What the page's markup says about a segment; analysis decides from it what is hidden.

    For a page block these describe the block itself; for an article part, the page block of
    the same text when there is one (``twin``).
    """

    #: tag of the element holding the text ("" when there is no page block)
    tag: str = ""
    #: the page-furniture role the markup names ("navigation", "comments", ...; "" for none),
    #: from the tag, ARIA role and class/id words of the nearest such ancestor
    cue: str = ""
    #: "caption" inside a figure caption or photo credit, "byline" inside an author/date element
    hint: str = ""
    #: characters of the page block's text, and the share of them inside links
    length: int = 0
    link_share: float = 0.0
    #: the block sits in a container (tag, class, id) that holds many of the article's blocks
    main: bool = False
    #: more than half of the article's parts come before it
    late: bool = False
    #: a page block has the part's text (the fields above describe it)
    twin: bool = False
    #: a short part whose text the page never shows (metadata kept in hidden elements)
    unseen: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of an HTML Document's source, as the loader finds it in the page structure.

    ``kind`` is what the extraction made of it (a title, heading or body part, a byline from
    the metadata); ``origin`` and ``hints`` what the page says about it.  Nothing here is a hide
    decision: :mod:`reader.analysis.boilerplate.html` makes those.
    """

    kind: BlockKind
    start: int
    end: int
    origin: Origin = Origin.ARTICLE
    hints: Hints = Hints()


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file, ready for analysis."""

    path: str
    format: Format
    source: str
    meta: dict[str, str] = field(default_factory=dict)
    #: Offset where the article text starts (after Markdown front matter).
    body_start: int = 0
    #: Runs of the source the loader knows from the page structure, with its hints (HTML), else None.
    segments: tuple[Segment, ...] | None = None
    notices: tuple[str, ...] = ()
    #: The rendered blocks, when the loader knows them and they cannot be derived from
    #: ``source`` again (HTML: the page structure is gone once the text is extracted).
    display: tuple[DisplayBlock, ...] | None = None
