"""Analysis: blocks (boilerplate, title, captions), then people, then quotes.

:func:`analyse` is the one engine behind both the reading pane and ``reader extract``.
"""

from __future__ import annotations

from reader.analysis.boilerplate import make_blocks
from reader.analysis.people import find_people
from reader.analysis.quotes import find_quotes
from reader.ingest import Document
from reader.model import Article, BlockKind, Format

__all__ = ["analyse"]


def analyse(doc: Document) -> Article:
    """Analyse one decoded document into an Article (deterministic, never raises on text)."""
    blocks = make_blocks(doc)
    shown = [b for b in blocks if not b.hidden]
    people = find_people(doc.source, shown)
    quotes = find_quotes(doc.source, shown, people)
    title = next((b.text for b in blocks if b.kind is BlockKind.TITLE), None)
    front = doc.meta.get("title") if doc.format is Format.MARKDOWN else None
    if front or (title is None and doc.meta.get("title")):
        # a Markdown front-matter title wins over the first heading (which is then a heading)
        title = front or doc.meta["title"]
    return Article(
        path=doc.path,
        format=doc.format,
        source=doc.source,
        title=title,
        blocks=tuple(blocks),
        people=tuple(people),
        quotes=tuple(quotes),
        meta=dict(doc.meta),
        notices=doc.notices,
        spans_exact=doc.format is not Format.HTML,
        display=doc.display,
    )
