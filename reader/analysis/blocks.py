"""Split a document into blocks and give each a kind, using the boilerplate classifier."""

from __future__ import annotations

from reader.analysis.boilerplate import classify_lines
from reader.ingest import Document
from reader.model import Block, BlockKind, Span


def make_blocks(doc: Document) -> list[Block]:
    """Blocks for a document: the loader's segments for HTML, else classified lines."""
    src = doc.source
    if doc.segments is not None:
        out = []
        for seg in doc.segments:
            kind = BlockKind(seg.kind)
            out.append(Block(kind, Span(seg.start, seg.end), src[seg.start:seg.end],
                             hidden=kind is BlockKind.BOILERPLATE, reason=seg.reason))
        return out
    return [
        Block(kind, Span(s, e), src[s:e], hidden=kind is BlockKind.BOILERPLATE, reason=reason)
        for s, e, kind, reason in classify_lines(src, start=doc.body_start, markdown=doc.format == "markdown")
    ]
