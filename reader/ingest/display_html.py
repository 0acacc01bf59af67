"""Saved HTML pages as display blocks: one block per segment of the text the HTML loader built.

:func:`reader.ingest.html.load_html` reduces a page to text (title, byline, captions, headings,
paragraphs, blank lines between) and records each part as a :class:`~reader.ingest.Segment`.
That text keeps no inline markup, lists or tables, so a page shows as headings and paragraphs
whose single run is the segment's slice of the source; richer blocks would need the loader to
keep the page structure.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.ingest import Segment
from reader.ingest.display import DisplayBlock, DisplayKind, Run, text_blocks
from reader.model import Span

__all__ = ["html_blocks"]

#: heading level of each heading-like segment kind
_LEVELS = {"title": 1, "heading": 2}


def html_blocks(source: str, segments: Iterable[Segment] | None) -> tuple[DisplayBlock, ...]:
    """The display blocks of an HTML Document's ``source``; without segments, its paragraphs."""
    if segments is None:
        return text_blocks(source)
    out: list[DisplayBlock] = []
    last = 0
    for seg in segments:
        start, end = max(seg.start, last), min(seg.end, len(source))
        if start >= end:
            continue
        level = _LEVELS.get(seg.kind, 0)
        kind = DisplayKind.HEADING if level else DisplayKind.PARAGRAPH
        out.append(DisplayBlock(kind, Span(start, end), (Run(source[start:end], start),), level=level))
        last = end
    return tuple(out)
