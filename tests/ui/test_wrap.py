"""Unit tests of the reading pane's plain-string wrap and per-line mark lookup (no app needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import Block, BlockKind, Span
from reader.ui.render import Mark, MarkIndex, block_lines, shown
from reader.ui.wrap import wrap_height, wrap_spans

TEXT = st.text(alphabet=st.sampled_from("ab c  \n\t漢é\u200b\x1b-"), max_size=120)


def test_wrap_breaks_at_spaces_then_at_the_width() -> None:
    assert wrap_spans("hello world foo bar", 5) == [(0, 5), (6, 11), (12, 15), (16, 19)]
    assert wrap_spans("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]
    assert wrap_spans("a\n\nbb cc", 2) == [(0, 1), (2, 2), (3, 5), (6, 8)]
    assert wrap_spans("", 3) == [(0, 0)]
    assert wrap_spans("漢字漢字", 5) == [(0, 2), (2, 4)]


@given(TEXT, st.integers(1, 30))
def test_wrapped_lines_fit_cover_the_text_and_count_right(text: str, width: int) -> None:
    text = shown(text)  # what the pane wraps: inert, tabs as spaces, one character for one
    spans = wrap_spans(text, width)
    assert wrap_height(text, width) == len(spans)
    last = 0
    for start, end in spans:
        assert last <= start <= end <= len(text)
        assert cell_len(text[start:end]) <= width or end - start == 1
        assert text[last:start].strip(" ") in ("", "\n")  # only spaces and a newline are dropped
        last = end
    assert text[last:].strip(" ") == ""


@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 3000)), max_size=60),
       st.integers(0, 6000), st.integers(0, 200))
def test_mark_index_finds_what_overlaps(raw: list[tuple[int, int]], start: int, length: int) -> None:
    marks = sorted((s, s + n, "m") for s, n in raw)
    index = MarkIndex(marks)
    end = start + length
    stop = max(end, start + 1)
    want = sorted((s, e) for s, e, _ in marks if s < stop and (e > start or s == e == start))
    assert sorted((m.start, m.end) for m in index.overlapping(start, end)) == want


def test_block_lines_carry_source_offsets_and_styles() -> None:
    from rich.style import Style

    text = "Mayor Tomas Berg said the bridge would be rebuilt before winter."
    block = Block(BlockKind.BODY, Span(100, 100 + len(text)), text)
    red = Style(color="red")
    lines = block_lines(block, 20, [MarkIndex([(106, 116, "person")])], {"person": red})
    assert [line.text.plain for line in lines][:2] == ["Mayor Tomas Berg", "said the bridge"]
    assert [line.offset for line in lines][:2] == [100, 117]
    assert any(span.style == red for span in lines[0].text.spans)
    assert Mark(106, 116, "person") in MarkIndex([(106, 116, "person")]).overlapping(100, 117)
