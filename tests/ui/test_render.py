"""Unit tests of the span-to-style layer and the list's row helpers (no app needed)."""

from __future__ import annotations

from rich.style import Style

from reader.model import Block, BlockKind, Span
from reader.ui.render import Mark, find_all, fold_summary, plain, reading_minutes, reading_time, styled
from reader.ui.widgets.rows import display_title


def test_plain_never_parses_markup_and_is_inert() -> None:
    text = plain("[bold red]x[/] [@click=app.quit] \x1b[2J \x1b]52;c;Zm9v\x07")
    assert text.plain.startswith("[bold red]x[/] [@click=app.quit]")
    assert "\x1b" not in text.plain and "\x07" not in text.plain
    assert not text.spans
    assert len(text.plain) == len("[bold red]x[/] [@click=app.quit] \x1b[2J \x1b]52;c;Zm9v\x07")


def test_styled_applies_marks_in_block_coordinates() -> None:
    red = Style(color="red")
    out = styled("said Berg today", 100, [Mark(105, 109, "person"), Mark(0, 3, "person")], {"person": red})
    assert [(s.start, s.end) for s in out.spans] == [(5, 9)]


def test_find_all_is_case_insensitive_and_ordered() -> None:
    found = find_all("Bridge and bridge, BRIDGE", ["bridge"])
    assert [tuple(s) for s in found] == [(0, 6), (11, 17), (19, 25)]
    assert find_all("anything", ["", "  "]) == []


def test_fold_summary_and_minutes() -> None:
    blocks = [Block(BlockKind.BOILERPLATE, Span(0, 3), "abc", True, "donation appeal"),
              Block(BlockKind.BOILERPLATE, Span(4, 7), "def", True, "newsletter"),
              Block(BlockKind.BOILERPLATE, Span(8, 9), "g", True, "newsletter")]
    assert fold_summary(blocks) == "3 lines hidden: donation appeal, newsletter"
    assert fold_summary(blocks[:1]) == "1 line hidden: donation appeal"
    assert reading_minutes(0) == 1 and reading_minutes(2300) == 10
    # a 5 MB dump (about 900,000 words) reads in hours, in no more room than minutes take
    assert reading_time(2300) == "10 min" and reading_time(230 * 99) == "99 min"
    assert reading_time(230 * 100) == "2 h" and reading_time(900_000) == "65 h"


def test_display_title_drops_heading_marks() -> None:
    assert display_title("# Notes from a Garden") == ("Notes from a Garden", 2)
    assert display_title("#hashtag title") == ("#hashtag title", 0)
    assert display_title("Plain") == ("Plain", 0)
