"""Split a document into blocks and give each a kind, using the boilerplate classifier."""

from __future__ import annotations

from reader.analysis.boilerplate.classify import classify_lines
from reader.analysis.boilerplate.html import html_page_blocks
from reader.analysis.boilerplate.markdown import markdown_analysis_blocks
from reader.ingest import Document
from reader.ingest.display_of import MAX_MARKDOWN
from reader.model import Block, BlockKind, Format, Span


def make_blocks(doc: Document) -> list[Block]:
    """Blocks for a document: an HTML page's from its segments and their hints, Markdown's one per
    rendered block (:mod:`.markdown`; up to ``MAX_MARKDOWN`` characters), else classified lines.

    HTML furniture is decided from the hints the loader found in the page structure
    (:mod:`.html`); text dumps are classified line by line.
    """
    src = doc.source
    if doc.segments is not None:
        return html_page_blocks(doc)
    markdown = doc.format is Format.MARKDOWN
    if markdown and len(src) <= MAX_MARKDOWN:
        return markdown_analysis_blocks(doc)
    # text, and Markdown too long to render (the reading pane shows it as its text too)
    return [
        Block(kind, Span(s, e), src[s:e], hidden=kind is BlockKind.BOILERPLATE, reason=reason)
        for s, e, kind, reason in classify_lines(src, start=doc.body_start, markdown=markdown)
    ]
