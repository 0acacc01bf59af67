"""Ingest: find files, read and decode them, and hand one Document per file to analysis.

The loader is chosen by suffix behind :func:`load`.  Text and Markdown keep the
decoded file as the source (spans point into it); HTML pages are reduced to
their text by :mod:`reader.ingest.html`, which also pre-classifies the blocks.
Rendered blocks whose characters keep their source offsets live in :mod:`reader.ingest.display`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reader import config
from reader.errors import UnsupportedFormat
from reader.ingest.decode import cut, decode
from reader.ingest.discover import OUTSIDE, discover, format_of, is_inside
from reader.ingest.display import DisplayBlock
from reader.ingest.files import Failed, failure_reason, guarded, read_regular
from reader.model import Format

__all__ = ["DEFAULT_MAX_BYTES", "OUTSIDE", "Document", "Failed", "Segment", "discover", "failure_reason",
           "format_of", "guarded", "is_inside", "load", "load_bytes", "read_regular"]

#: The size cap when no other is given; ``reader.config.max_bytes()`` is what the commands and
#: the library use (it reads READER_MAX_BYTES when called).
DEFAULT_MAX_BYTES = config.DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Segment:
    """A pre-classified run of the source, as an HTML loader finds it in the page structure."""

    kind: str
    start: int
    end: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file, ready for analysis."""

    path: str
    format: Format
    source: str
    meta: dict[str, str] = field(default_factory=dict)
    #: Offset where the article text starts (after Markdown front matter).
    body_start: int = 0
    #: Blocks the loader already knows from the page structure (HTML), else None.
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
