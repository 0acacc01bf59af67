"""The display model's value objects, its two-way offset maps, and text dumps as paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.boilerplate.classify import classify_lines
from reader.ingest.display import (
    DisplayBlock,
    DisplayKind,
    Run,
    RunBuilder,
    display_index,
    displayed_text,
    source_offset,
    text_blocks,
)
from reader.model import Span

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DUMP = "Headline here\n\nFirst line of a paragraph\nsecond line.\n\n\n  Indented one.\r\nnext\r\n \t\n"


def test_text_dump_paragraphs_are_source_slices() -> None:
    blocks = text_blocks(DUMP)
    assert [displayed_text(b) for b in blocks] == [
        "Headline here", "First line of a paragraph\nsecond line.", "  Indented one.\r\nnext"]
    for b in blocks:
        assert b.kind is DisplayKind.PARAGRAPH
        assert len(b.runs) == 1 and DUMP[b.span.start:b.span.end] == displayed_text(b)


def test_text_dump_from_body_start() -> None:
    assert [displayed_text(b) for b in text_blocks("skip me\n\nkeep", 9)] == ["keep"]
    assert text_blocks("", 0) == () and text_blocks(" \n\t\n", 0) == ()


def test_maps_both_ways() -> None:
    src = "# Hi\n\nab cd"
    blocks = (DisplayBlock(DisplayKind.HEADING, Span(0, 4), (Run("Hi", 2),), level=1),
              DisplayBlock(DisplayKind.PARAGRAPH, Span(6, 11),
                           (Run("ab", 6), Run(" ", 8), Run("cd", 9, frozenset({"em"})))))
    assert source_offset(blocks[0], 1) == 3 and src[source_offset(blocks[1], 3)] == "c"
    assert display_index(blocks, 0) == (0, 0)  # inside the "# " markup: the next character shown
    assert display_index(blocks, 3) == (0, 1)
    assert display_index(blocks, 4) == (1, 0)  # between blocks
    assert display_index(blocks, 10) == (1, 4)
    assert display_index(blocks, 11) == (1, 5)  # past the end
    assert display_index((), 5) == (0, 0)
    with pytest.raises(IndexError):
        source_offset(blocks[0], 2)


@pytest.mark.parametrize("make", [
    lambda: Run("", 0),
    lambda: Run("x", -1),
    lambda: Run("x", 0, frozenset({"bold"})),
    lambda: Run("x", 0, frozenset({"link"})),
    lambda: Run("x", 0, href="http://e"),
    lambda: Run("x", 0, frozenset({"image"})),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 3), (Run("ab", 2),)),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 9), (Run("ab", 2), Run("c", 3))),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(4, 9), (Run("ab", 2),)),
    lambda: DisplayBlock(DisplayKind.HEADING, Span(0, 1)),
    lambda: DisplayBlock(DisplayKind.HEADING, Span(0, 1), level=7),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 1), level=1),
    lambda: DisplayBlock(DisplayKind.LIST_ITEM, Span(0, 1)),
    lambda: DisplayBlock(DisplayKind.LIST_ITEM, Span(0, 1), depth=1, number=2),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 1), ordered=True),
    lambda: DisplayBlock(DisplayKind.QUOTE, Span(0, 1)),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 1), language="py"),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 1), alt="a"),
    lambda: DisplayBlock(DisplayKind.TABLE, Span(0, 5), (Run("a", 1),), rows=(((),),)),
    lambda: DisplayBlock(DisplayKind.PARAGRAPH, Span(0, 5), rows=(((),),)),
])
def test_invariants_are_checked(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_run_builder_merges_and_keeps_offsets_increasing() -> None:
    out = RunBuilder(floor=2)
    out.add("xab", 1)  # starts below the floor: cut
    out.add("c", 4)
    out.add("d", 5, frozenset({"em"}))
    out.add("e", 7, frozenset({"em"}))
    out.add("zz", 6)  # before the last offset taken: cut to nothing
    assert out.take() == (Run("abc", 2), Run("d", 5, frozenset({"em"})), Run("e", 7, frozenset({"em"})))


PIECES = ["word", " ", "\n", "\n\n", "\r\n", "\t", "\u2028", "\x85", "Title Case Line"]
dumps = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@SETTINGS
@given(st.one_of(st.text(), dumps), st.integers(0, 5))
def test_text_paragraphs_hold_whole_analysis_blocks(src: str, start: int) -> None:
    blocks = text_blocks(src, start)
    last = 0
    for b in blocks:
        assert last <= b.span.start < b.span.end <= len(src)
        assert displayed_text(b) == src[b.span.start:b.span.end]
        last = b.span.end
    for s, e, _kind, _why in classify_lines(src, start):
        k, _ = display_index(blocks, s)
        assert blocks[k].span.start <= s and e <= blocks[k].span.end
