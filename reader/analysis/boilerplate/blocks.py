"""Split a document into blocks and give each a kind, using the boilerplate classifier."""

from __future__ import annotations

from reader.analysis.boilerplate.classify import classify_lines
from reader.analysis.boilerplate.cues import in_article_cue
from reader.ingest import Document
from reader.model import Block, BlockKind, Format, Span


def make_blocks(doc: Document) -> list[Block]:
    """Blocks for a document: the loader's segments for HTML, else classified lines.

    The HTML loader knows furniture by the page structure; a body segment that holds one of the
    classifier's stock phrases (an appeal, a sign-up line, "Follow us on Twitter") inside the
    article's own markup is hidden too.
    """
    src = doc.source
    if doc.segments is not None:
        out = []
        for seg in doc.segments:
            kind, reason = BlockKind(seg.kind), seg.reason
            if kind is BlockKind.BODY:
                why = in_article_cue(src[seg.start:seg.end])
                if why:
                    kind, reason = BlockKind.BOILERPLATE, why
            out.append(Block(kind, Span(seg.start, seg.end), src[seg.start:seg.end],
                             hidden=kind is BlockKind.BOILERPLATE, reason=reason))
        return out
    return [
        Block(kind, Span(s, e), src[s:e], hidden=kind is BlockKind.BOILERPLATE, reason=reason)
        for s, e, kind, reason in classify_lines(src, start=doc.body_start,
                                                 markdown=doc.format is Format.MARKDOWN)
    ]
