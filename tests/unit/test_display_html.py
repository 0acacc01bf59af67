"""HTML pages as display blocks: the page structure found back in the extracted text.

Each block type has a case checking what it shows; names in emphasis, links and list items
must map back to the source characters the analysis reads.  A Hypothesis property loads
generated pages: loading never raises and every run is a slice of the source, in order, inside
one segment (so inside one analysis block).
"""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest import Document, Segment, load_bytes
from reader.ingest.display import DisplayBlock, DisplayKind, display_index, displayed_text, source_offset
from reader.ingest.display_html import html_blocks
from reader.model import BlockKind as K

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Enough ordinary prose around each case for the article finder to keep the page's body.
FILLER = (
    "<p>The ferry service between the two islands will run on a winter timetable from "
    "the first week of November, the operator said in a statement on Thursday morning.</p>"
    "<p>Travellers were told to check the times before they set out, since some of the early "
    "crossings will be dropped until the spring and the late boat will leave half an hour sooner.</p>"
)


def page(body: str, title: str = "Winter ferry timetable") -> bytes:
    html = (f"<html><head><title>{title}</title></head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/local'>Local</a></li></ul></nav>"
            f"<article><h1>{title}</h1>{FILLER}{body}{FILLER}</article>"
            f"<footer>All rights reserved by the island paper</footer></body></html>")
    return html.encode()


def load(body: str) -> Document:
    doc = load_bytes("page.html", page(body), "html")
    assert doc.display is not None
    check(doc)
    return doc


def check(doc: Document) -> None:
    """Runs are slices of the source; blocks in order, each inside one segment."""
    assert doc.display is not None and doc.segments is not None
    starts = [s.start for s in doc.segments]
    last = 0
    for block in doc.display:
        assert block.span.start >= last, "blocks are in source order and do not overlap"
        last = block.span.end
        for run in block.runs:
            assert doc.source[run.start:run.end] == run.text
        if block.runs:
            seg = doc.segments[bisect_right(starts, block.runs[0].start) - 1]
            assert seg.start <= block.runs[0].start and block.runs[-1].end <= seg.end
        else:
            seg = doc.segments[max(0, bisect_right(starts, block.span.start) - 1)]
            assert seg.start <= block.span.start <= seg.end


def find(doc: Document, text: str) -> DisplayBlock:
    """The one block showing ``text``."""
    assert doc.display is not None
    hits = [b for b in doc.display if text in displayed_text(b)]
    assert len(hits) == 1, [displayed_text(b) for b in hits]
    return hits[0]


def where(doc: Document, block: DisplayBlock, word: str) -> int:
    """Source offset of ``word`` as shown in ``block``, each character checked."""
    i = displayed_text(block).index(word)
    offset = source_offset(block, i)
    assert doc.source[offset:offset + len(word)] == word
    assert all(source_offset(block, i + k) == offset + k for k in range(len(word)))
    return offset


def test_headings_keep_their_level() -> None:
    doc = load("<h2>Timetable changes</h2><p>Some text under it that runs on for a while.</p>"
               "<h4>For cyclists</h4><p>Bikes go free on the early boats all through winter.</p>")
    title = find(doc, "Winter ferry timetable")
    assert title.kind is DisplayKind.HEADING and title.level == 1
    assert (find(doc, "Timetable changes").level, find(doc, "For cyclists").level) == (2, 4)
    assert find(doc, "For cyclists").kind is DisplayKind.HEADING


def test_paragraph_runs_carry_em_strong_code_and_links() -> None:
    doc = load("<p>The captain, <em>Ingrid Solberg</em>, said the <strong>new hull</strong> "
               "passed the <code>ISO-12</code> test, as the <a href='https://ex.org/report'>full "
               "report</a> shows in detail for every reader who asks.</p>")
    b = find(doc, "Ingrid Solberg")
    assert b.kind is DisplayKind.PARAGRAPH
    assert displayed_text(b).startswith("The captain, Ingrid Solberg, said the new hull passed")
    name = where(doc, b, "Ingrid Solberg")
    assert name == doc.source.index("Ingrid Solberg")
    styled = {r.text: (r.styles, r.href) for r in b.runs if r.styles}
    assert styled["Ingrid Solberg"] == (frozenset({"em"}), None)
    assert styled["new hull"] == (frozenset({"strong"}), None)
    assert styled["ISO-12"] == (frozenset({"code"}), None)
    assert styled["full report"] == (frozenset({"link"}), "https://ex.org/report")
    link = where(doc, b, "full report")
    assert doc.source[link:link + 11] == "full report"
    assert doc.display is not None
    k, i = display_index(doc.display, name)
    assert doc.display[k] is b and i == displayed_text(b).index("Ingrid Solberg")


def test_ordered_and_nested_lists() -> None:
    doc = load("<ol start='3'><li>Buy the ticket at the harbour office before boarding.</li>"
               "<li>Show it to <em>Per Halvorsen</em> at the gangway when asked.</li></ol>"
               "<ul><li>Cars wait in lane one until the crew waves them on.<ul>"
               "<li>Vans and trailers wait in lane two behind them.</li></ul></li></ul>")
    first, second = find(doc, "Buy the ticket"), find(doc, "Per Halvorsen")
    assert (first.kind, first.ordered, first.number, first.depth) == (DisplayKind.LIST_ITEM, True, 3, 1)
    assert second.number == 4
    assert displayed_text(second) == "Show it to Per Halvorsen at the gangway when asked."
    assert where(doc, second, "Per Halvorsen") == doc.source.index("Per Halvorsen")
    outer, inner = find(doc, "Cars wait"), find(doc, "Vans and trailers")
    assert (outer.kind, outer.ordered, outer.number, outer.depth) == (DisplayKind.LIST_ITEM, False, None, 1)
    assert (inner.kind, inner.depth) == (DisplayKind.LIST_ITEM, 2)
    assert where(doc, inner, "trailers") == doc.source.index("trailers")


def test_block_quote() -> None:
    doc = load("<blockquote><p>We will keep the island connected all winter long, whatever "
               "the weather brings us.</p></blockquote>")
    b = find(doc, "We will keep the island")
    assert (b.kind, b.quote) == (DisplayKind.QUOTE, 1)


def test_code_block_with_language() -> None:
    doc = load("<pre><code class='language-python'>def fare(age):\n    return 0 if age &lt; 5 else 12"
               "</code></pre>")
    b = find(doc, "def fare")
    assert (b.kind, b.language) == (DisplayKind.CODE, "python")
    assert "\n" in displayed_text(b) and "age < 5" in displayed_text(b)
    plain = load("<pre>ferry  08:15\nferry  09:40</pre>")
    assert find(plain, "08:15").language is None


def test_table_rows_cells_and_header() -> None:
    doc = load("<table><thead><tr><th>Route</th><th>First boat</th></tr></thead><tbody>"
               "<tr><td>North pier</td><td>06:40</td></tr><tr><td>South pier</td><td></td></tr>"
               "</tbody></table>")
    b = find(doc, "North pier")
    assert b.kind is DisplayKind.TABLE and b.header
    cells = [["".join(r.text for r in cell) for cell in row] for row in b.rows]
    assert cells == [["Route", "First boat"], ["North pier", "06:40"], ["South pier", ""]]
    assert where(doc, b, "South pier") == doc.source.index("South pier")
    assert doc.segments is not None
    assert sum(1 for s in doc.segments if s.start <= b.span.start < s.end) == 1
    bare = load("<table><tr><td>Adult</td><td>12</td></tr><tr><td>Child</td><td>6</td></tr></table>")
    assert not find(bare, "Adult").header


def test_figure_with_caption_and_rule() -> None:
    doc = load("<figure><img src='/img/ferry.jpg' alt='The ferry at the north pier'>"
               "<figcaption>The ferry leaving the north pier at dawn.</figcaption></figure><hr>"
               "<p>A paragraph after the rule, long enough to be kept by the finder.</p>")
    b = find(doc, "leaving the north pier")
    assert (b.kind, b.alt, b.src) == (DisplayKind.IMAGE, "The ferry at the north pier", "/img/ferry.jpg")
    assert b.caption == "The ferry leaving the north pier at dawn."
    assert doc.display is not None
    assert any(x.kind is DisplayKind.RULE for x in doc.display)


def test_lone_image_is_an_empty_block_between_leaves() -> None:
    doc = load("<p>Before the picture, a line of text that says what comes.</p>"
               "<img src='/img/map.png' alt='Map of the routes'>"
               "<p>After the picture, another line of text about the routes.</p>")
    assert doc.display is not None
    images = [b for b in doc.display if b.kind is DisplayKind.IMAGE]
    assert [(b.alt, b.src, b.runs) for b in images] == [("Map of the routes", "/img/map.png", ())]


def test_furniture_and_text_not_in_the_page_are_still_shown() -> None:
    doc = load("<p>Plain text.</p>")
    assert doc.display is not None
    shown = "".join(displayed_text(b) for b in doc.display)
    assert "Home" in shown and "All rights reserved" in shown
    assert all(c in shown for c in doc.source if not c.isspace())


def test_segments_out_of_range_or_missing() -> None:
    src = "Title\n\nBody text"
    blocks = html_blocks(src, [Segment(K.TITLE, 0, 5), Segment(K.BODY, 3, 99), Segment(K.BODY, 9, 9)])
    assert [displayed_text(b) for b in blocks] == ["Title", "\n\nBody text"]  # overlap cut
    assert [displayed_text(b) for b in html_blocks(src, None)] == ["Title", "Body text"]


_WORDS = st.sampled_from(["ferry", "Anna Berg", "pier", "&amp;", "|", " ", "\n", "é", "\u200b",
                          "said", "winter", "<br>", "x" * 30])
_INLINE = st.sampled_from(["em", "strong", "b", "i", "code", "a href='/x'", "span"])
_BLOCK = st.sampled_from(["p", "div", "li", "ul", "ol", "blockquote", "pre", "h2", "h5", "table",
                          "tr", "td", "th", "thead", "figure", "figcaption", "nav", "aside", "section"])
_VOID = st.sampled_from(["<hr>", "<img src='/a.png' alt='a picture'>", "<img src='/b.png'>", "<br>"])


def _html(depth: int = 3) -> st.SearchStrategy[str]:
    leaf = st.lists(st.one_of(_WORDS, _VOID), min_size=0, max_size=6).map("".join)
    if depth == 0:
        return leaf
    inner = _html(depth - 1)
    wrapped = st.tuples(st.one_of(_INLINE, _BLOCK), st.lists(inner, max_size=3)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0].split()[0]}>")
    return st.lists(st.one_of(leaf, wrapped), max_size=4).map("".join)


@SETTINGS
@given(_html(), st.booleans())
def test_property_any_page_loads_and_maps_inside(body: str, filler: bool) -> None:
    data = page(body) if filler else f"<html><body>{body}</body></html>".encode()
    doc = load_bytes("page.html", data, "html")
    assert doc.display is not None
    check(doc)
    for block in doc.display:
        for i in range(len(block)):
            assert 0 <= source_offset(block, i) < len(doc.source)
    again = load_bytes("page.html", data, "html")
    assert again.display == doc.display, "deterministic"
