"""HTML pages as display blocks: one per segment of the loader's text, headings told apart."""

from __future__ import annotations

from reader.ingest import Segment, load_bytes
from reader.ingest.display import DisplayKind, display_index, displayed_text
from reader.ingest.display_html import html_blocks

PAGE = b"""<html><head><title>Harbour talks</title></head><body><article>
<h1>Harbour talks</h1><p>The union and the port met on <b>Tuesday</b> to talk about pay and hours
for the night shift, and said they would meet again next week to go on with the talks.</p>
<h2>What comes next</h2><p>Both sides said a deal could come before the end of the month, if the
workers agree to the new plan for weekend shifts that the port put forward on Monday.</p>
</article></body></html>"""


def test_page_segments_become_blocks() -> None:
    doc = load_bytes("page.html", PAGE, "html")
    assert doc.segments is not None
    blocks = html_blocks(doc.source, doc.segments)
    assert len(blocks) == len([s for s in doc.segments if s.end > s.start])
    for block, seg in zip(blocks, doc.segments, strict=True):
        assert displayed_text(block) == doc.source[seg.start:seg.end]
    kinds = [(b.kind, b.level) for b in blocks]
    assert (DisplayKind.HEADING, 1) in kinds and (DisplayKind.HEADING, 2) in kinds
    word = doc.source.index("Tuesday")
    k, i = display_index(blocks, word)
    assert displayed_text(blocks[k])[i:i + 7] == "Tuesday"


def test_segments_out_of_range_or_missing() -> None:
    src = "Title\n\nBody text"
    blocks = html_blocks(src, [Segment("title", 0, 5), Segment("body", 3, 99), Segment("body", 9, 9)])
    assert [displayed_text(b) for b in blocks] == ["Title", "\n\nBody text"]  # overlap cut
    assert [displayed_text(b) for b in html_blocks(src, None)] == ["Title", "Body text"]
