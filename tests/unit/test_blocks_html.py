"""HTML body segments: stock lines inside the article's markup are hidden, prose is not."""

from __future__ import annotations

from reader.analysis.boilerplate.blocks import make_blocks
from reader.analysis.boilerplate.cues import in_article_cue
from reader.ingest import Document, Hints, Origin, Segment, load_bytes
from reader.model import BlockKind, Format

K = BlockKind


def doc_of(parts: list[tuple[str, str]]) -> Document:
    src, segs, pos = "", [], 0
    for kind, text in parts:
        segs.append(Segment(BlockKind(kind), pos, pos + len(text)))
        src += text + "\n\n"
        pos = len(src)
    return Document(path="a.html", format=Format.HTML, source=src, segments=tuple(segs))


def test_stock_lines_in_body_segments_are_hidden() -> None:
    furniture = {
        "Sign up for our daily newsletter to get the top stories in your inbox.": "newsletter",
        "Follow the Daily Example on Twitter and Facebook.": "share buttons",
        "Read more: Ferry fares to rise in spring": "related links",
        "Related: Council elections set for May": "related links",
        "Please donate today to support our journalism.": "donation appeal",
    }
    prose = ["The city council voted on Tuesday to close the old harbour bridge for a year.",
             "She proceeded to share the news with her followers on Twitter that evening.",
             "Readers can sign up for a library card at any branch of the city library.",
             "Related work on the bridge will start in May, the engineers said."]
    parts = [("title", "Harbour bridge to close")] + [("body", t) for t in prose] \
        + [("body", t) for t in furniture] + [("caption", "Follow us on Twitter")]
    blocks = {b.text: b for b in make_blocks(doc_of(parts))}
    for text, why in furniture.items():
        assert blocks[text].kind is K.BOILERPLATE and blocks[text].hidden and blocks[text].reason == why
    for text in prose:
        assert blocks[text].kind is K.BODY and not blocks[text].hidden
    assert blocks["Harbour bridge to close"].kind is K.TITLE
    assert blocks["Follow us on Twitter"].kind is K.CAPTION, "only body segments are looked at"


def test_long_paragraphs_are_article_text_whatever_they_say() -> None:
    long = ("The newsletter, which readers can sign up for on the website, " + "grew fast and " * 30).strip()
    assert in_article_cue(long) == ""
    assert in_article_cue("Subscribe to our newsletter") == "newsletter"


def doc_with(items: list[tuple[BlockKind, str, Origin, Hints]]) -> Document:
    src, segs = "", []
    for kind, text, origin, hints in items:
        if src:
            src += "\n\n"
        segs.append(Segment(kind, len(src), len(src) + len(text), origin, hints))
        src += text
    return Document(path="a.html", format=Format.HTML, source=src, segments=tuple(segs))


BODY = "The ferry will run on a winter timetable from November, the operator said on Thursday."


def test_hide_decisions_come_from_the_hints() -> None:
    """The loader hands over hints only; analysis decides what each segment is."""
    nav = Hints(tag="li", cue="navigation", length=4, link_share=1.0)
    items = [
        (K.BODY, "Home", Origin.PAGE, nav),
        (K.BODY, "News", Origin.PAGE, nav),
        (K.TITLE, "Winter timetable", Origin.ARTICLE, Hints()),
        (K.BYLINE, "Ann Berg · 2024-11-02", Origin.META, Hints()),
        (K.BODY, "By Ann Berg", Origin.ARTICLE, Hints(tag="p", hint="byline", length=11, twin=True)),
        (K.BODY, BODY, Origin.ARTICLE, Hints(tag="p", length=len(BODY), twin=True)),
        (K.BODY, "The pier at dawn.", Origin.PAGE, Hints(tag="figcaption", hint="caption", length=17)),
        (K.BODY, "Hidden teaser text", Origin.ARTICLE, Hints(unseen=True)),
        (K.BODY, BODY, Origin.REPEAT, Hints(tag="p", length=len(BODY))),
        (K.BODY, "Share", Origin.ARTICLE, Hints(tag="span", cue="share buttons", length=5, twin=True)),
        (K.BODY, "A reader's comment on the timetable.", Origin.PAGE, Hints(tag="p", cue="comments")),
    ]
    blocks = make_blocks(doc_with(items))
    got = [(b.kind, b.text, b.reason) for b in blocks]
    assert got == [
        (K.BOILERPLATE, "Home\n\nNews", "navigation"),  # neighbours with one reason: one block
        (K.TITLE, "Winter timetable", ""),
        (K.BOILERPLATE, "Ann Berg · 2024-11-02", "byline already on the page"),
        (K.BYLINE, "By Ann Berg", ""),
        (K.BODY, BODY, ""),
        (K.CAPTION, "The pier at dawn.", ""),
        (K.BOILERPLATE, "Hidden teaser text", "not shown on the page"),
        (K.BOILERPLATE, BODY, "repeated text"),
        (K.BOILERPLATE, "Share", "share buttons"),
        (K.BOILERPLATE, "A reader's comment on the timetable.", "comments"),
    ]


def test_metadata_byline_shown_when_the_page_has_none_and_prose_promoted() -> None:
    long = BODY + " " + BODY
    items = [
        (K.TITLE, "Winter timetable", Origin.ARTICLE, Hints()),
        (K.BYLINE, "Ann Berg", Origin.META, Hints()),
        (K.BODY, BODY, Origin.ARTICLE, Hints()),
        (K.BODY, long, Origin.PAGE, Hints(tag="p", length=len(long), main=True)),
        (K.BODY, long, Origin.PAGE, Hints(tag="p", length=len(long), main=False)),
        (K.BODY, "By the desk", Origin.PAGE, Hints(tag="p", hint="byline", length=11, late=True)),
    ]
    blocks = make_blocks(doc_with(items))
    assert [(b.kind, b.reason) for b in blocks] == [
        (K.TITLE, ""), (K.BYLINE, ""), (K.BODY, ""), (K.BODY, ""), (K.BOILERPLATE, "page furniture")]
    assert blocks[-1].text == long + "\n\nBy the desk", "prose outside the article, an author box late"


def test_loader_hides_nothing() -> None:
    page = (b"<html><head><title>Ferry</title><meta name='author' content='Ann Berg'></head><body>"
            b"<nav><a href='/'>Home</a></nav><article><h1>Ferry</h1><p class='byline'>By Ann Berg</p>"
            b"<p>" + BODY.encode() + b"</p><p>" + BODY.encode() + b" Again.</p></article>"
            b"<section class='comments'><p>First!</p></section></body></html>")
    doc = load_bytes("p.html", page, "html")
    assert doc.segments is not None
    assert {s.kind for s in doc.segments} <= {K.TITLE, K.HEADING, K.BODY, K.BYLINE}
    cues = {doc.source[s.start:s.end]: s.hints.cue for s in doc.segments}
    assert cues["Home"] == "navigation" and cues["First!"] == "comments"
    hidden = {b.text: b.reason for b in make_blocks(doc) if b.hidden}
    assert hidden["Home"] == "navigation" and hidden["First!"] == "comments"
