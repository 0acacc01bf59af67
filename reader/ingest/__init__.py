"""Ingest: find files, read and decode them, and hand one Document per file to analysis.

The loader is chosen by suffix behind :func:`load`.  Text and Markdown keep the
decoded file as the source (spans point into it); HTML pages are reduced to
their text by :mod:`reader.ingest.html`, with segments carrying the page's hints (what is
hidden is decided in analysis).
Rendered blocks whose characters keep their source offsets live in :mod:`reader.ingest.display`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum

from reader import config
from reader.errors import UnsupportedFormat
from reader.ingest.decode import cut, decode
from reader.ingest.discover import OUTSIDE, discover, format_of, is_inside
from reader.ingest.display import DisplayBlock
from reader.ingest.files import Failed, failure_reason, guarded, read_regular
from reader.model import BlockKind, Format

__all__ = ["DEFAULT_MAX_BYTES", "OUTSIDE", "Document", "Failed", "Hints", "Origin", "Segment", "discover",
           "failure_reason", "format_of", "guarded", "is_inside", "load", "load_bytes", "read_regular"]

#: The size cap when no other is given; ``reader.config.max_bytes()`` is what the commands and
#: the library use (it reads READER_MAX_BYTES when called).
DEFAULT_MAX_BYTES = config.DEFAULT_MAX_BYTES


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


def load(path: str, max_bytes: int | None = None) -> Document:
    """Read one file into a Document; raise ArticleError naming the file and the reason."""
    fmt = format_of(path)
    if fmt is None:
        raise UnsupportedFormat(path, "not a .txt, .md or .html file")
    max_bytes = config.max_bytes() if max_bytes is None else max_bytes
    data = read_regular(path, max_bytes)
    return load_bytes(path, data, fmt, max_bytes)


def load_bytes(path: str, data: bytes, fmt: Format | str, max_bytes: int | None = None) -> Document:
    """Build a Document from bytes already read (the library reads files itself)."""
    max_bytes = config.max_bytes() if max_bytes is None else max_bytes
    notices: tuple[str, ...] = ()
    if len(data) > max_bytes:
        data = cut(data, max_bytes)
        size = f"{max_bytes / 1_000_000:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes} bytes"
        notices = (f"truncated: only the first {size} are shown",)
    text = decode(data, path)
    fmt = Format(fmt)
    if fmt is Format.MARKDOWN:
        from reader.ingest.markdown import load_markdown

        doc = load_markdown(path, text)
    elif fmt is Format.HTML:
        from reader.ingest.html import load_html

        doc = load_html(path, text)
    else:
        doc = Document(path=path, format=Format.TEXT, source=text)
    if notices:
        doc = Document(doc.path, doc.format, doc.source, doc.meta, doc.body_start, doc.segments,
                       doc.notices + notices, doc.display)
    return doc


def relpath(path: str, root: str) -> str:
    """``path`` relative to ``root`` when it lies inside, else unchanged."""
    if os.path.isdir(root):
        rel = os.path.relpath(path, root)
        if not rel.startswith(".."):
            return rel
    return path
