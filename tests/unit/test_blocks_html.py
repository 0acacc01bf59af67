"""HTML body segments: stock lines inside the article's markup are hidden, prose is not."""

from __future__ import annotations

from reader.analysis.boilerplate.blocks import make_blocks
from reader.analysis.boilerplate.cues import in_article_cue
from reader.ingest import Document, Segment
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
