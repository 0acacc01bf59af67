"""Ingest: find files, read and decode them, and hand one Document per file to analysis.

The loader is chosen by suffix behind :func:`load`.  Text and Markdown keep the
decoded file as the source (spans point into it); HTML pages are reduced to
their text by :mod:`reader.ingest.html`, with segments carrying the page's hints (what is
hidden is decided in analysis).
Rendered blocks whose characters keep their source offsets live in :mod:`reader.ingest.display`.
"""

from __future__ import annotations

import os

from reader import config
from reader.errors import UnsupportedFormat
from reader.ingest.decode import cut, decode
from reader.ingest.discover import OUTSIDE, discover, format_of, is_inside
from reader.ingest.document import Document, Hints, Origin, Segment
from reader.ingest.files import Failed, failure_reason, guarded, read_regular
from reader.model import Format

__all__ = ["DEFAULT_MAX_BYTES", "OUTSIDE", "Document", "Failed", "Hints", "Origin", "Segment", "discover",
           "failure_reason", "format_of", "guarded", "is_inside", "load", "load_bytes", "read_regular"]

#: The size cap when no other is given; ``reader.config.max_bytes()`` is what the commands and
#: the library use (it reads READER_MAX_BYTES when called).
DEFAULT_MAX_BYTES = config.DEFAULT_MAX_BYTES


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
