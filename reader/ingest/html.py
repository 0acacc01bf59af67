"""Saved HTML pages: the main content is taken from the page structure with trafilatura.

The source of an HTML article is the extracted text (title, byline, body
paragraphs), so spans point into that text, not into the markup.
"""

from __future__ import annotations

from reader.ingest import Document, Segment


def load_html(path: str, text: str) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=True, with_metadata=True, favor_precision=False
    )
    title = (getattr(result, "title", None) or "") if result is not None else ""
    author = (getattr(result, "author", None) or "") if result is not None else ""
    date = (getattr(result, "date", None) or "") if result is not None else ""
    url = (getattr(result, "url", None) or "") if result is not None else ""
    body = (getattr(result, "text", None) or "") if result is not None else ""
    parts: list[tuple[str, str]] = []
    if title:
        parts.append(("title", title))
    byline = " · ".join(p for p in (author, date) if p)
    if byline:
        parts.append(("byline", byline))
    for line in body.split("\n"):
        if line.strip():
            parts.append(("body", line.strip()))
    source_parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for kind, chunk in parts:
        if source_parts:
            source_parts.append("\n\n")
            pos += 2
        segments.append(Segment(kind, pos, pos + len(chunk)))
        source_parts.append(chunk)
        pos += len(chunk)
    meta = {k: v for k, v in (("author", author), ("date", date), ("url", url), ("title", title)) if v}
    return Document(path=path, format="html", source="".join(source_parts), meta=meta,
                    segments=tuple(segments))
