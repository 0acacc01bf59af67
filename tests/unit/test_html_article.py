"""trafilatura's body read as typed parts: a list item holding a heading and a paragraph (a
card of a features list) is several parts, not one run of glued words."""

from __future__ import annotations

from lxml import etree

from reader.ingest.html_article import _walk
from reader.model import BlockKind


def _parts(xml: str) -> list[tuple[BlockKind, str]]:
    out: list[tuple[BlockKind, str]] = []
    _walk(etree.fromstring(xml), out)
    return out


def test_an_item_holding_a_heading_and_a_paragraph_is_split() -> None:
    xml = (
        "<body><list><item>\n  <head rend='h2'>Cider press</head><p>Presses the pears by hand.</p>"
        "Read about the press</item><item>Plain item with <hi>bold</hi> words</item></list></body>"
    )
    assert _parts(xml) == [
        (BlockKind.HEADING, "Cider press"),
        (BlockKind.BODY, "Presses the pears by hand."),
        (BlockKind.BODY, "Read about the press"),
        (BlockKind.BODY, "Plain item with bold words"),
    ]
