"""Quotation marks that lost the space beside them still pair; what a short quote names (made-up texts)."""

from __future__ import annotations

from reader.analysis.quotes.marks import pair_marks


def _quotes(text: str) -> list[str]:
    return [text[s:e] for s, e in pair_marks(text, False)]


def test_curly_opening_mark_after_a_comma() -> None:
    assert _quotes("Lane said,“We will see.” Then she left.") == ["“We will see.”"]


def test_curly_closing_mark_before_a_word() -> None:
    assert _quotes("“We won!”After the vote, Lane went home.") == ["“We won!”"]


def test_straight_mark_after_a_period_opens_when_none_is_open() -> None:
    text = 'She spoke to a baker."The rent is too high," the baker said.'
    assert _quotes(text) == ['"The rent is too high,"']


def test_straight_mark_after_a_period_closes_an_open_quote() -> None:
    text = 'Lane wrote "It is done."Then she left.'
    assert _quotes(text) == ['"It is done."']


def test_apostrophes_and_inch_marks_are_untouched() -> None:
    assert _quotes("The 12\" pipe burst, Lane's crew said.") == []


def test_show_named_with_a_host_is_a_work() -> None:
    from reader.analysis.quotes.filters import is_title

    assert is_title("Mornings with Amy Blake")
    assert not is_title("talks went nowhere with them")


def test_title_with_a_subtitle_is_a_work() -> None:
    from reader.analysis.quotes.filters import is_title

    assert is_title("Long Road: A Memoir of the River Towns")
    assert not is_title("Long Road: we walked it every day")


def test_curly_opening_mark_with_a_stray_space_after_it() -> None:
    assert _quotes("Lane said, “ We will manage.” Then she left.") == ["“ We will manage.”"]


def _block(text: str) -> list[str]:
    from reader.analysis.quotes.filters import _block_spans

    return [text[s:e] for s, e in _block_spans(text, False)]


def test_quote_runs_over_a_hard_wrapped_line() -> None:
    text = 'The mayor said on Monday that "the plan is not\nworkable at all," and left.'
    assert _block(text) == ['"the plan is not\nworkable at all,"']


def test_quote_runs_over_several_wrapped_lines_with_a_nested_one() -> None:
    text = 'Lane added, "we read the\nsign, “Keep Out,” and went\nhome anyway." Then she left.'
    assert _block(text) == ['"we read the\nsign, “Keep Out,” and went\nhome anyway."']


def test_next_paragraph_of_a_speech_still_ends_the_line() -> None:
    text = '"First part of the speech\n"Second part," Lane said.'
    assert _block(text) == ['"First part of the speech', '"Second part,"']


def test_open_paragraph_runs_to_the_end_of_its_wrapped_lines() -> None:
    text = '"First part of a speech that\nnever closes here'
    assert _block(text) == [text]


def test_lines_with_closed_quotes_pair_alone() -> None:
    text = 'Lane said "yes" once.\nKim said "no" twice.'
    assert _block(text) == ['"yes"', '"no"']


def _body(text: str):  # type: ignore[no-untyped-def]
    from reader.model import Block, BlockKind, Span

    return Block(BlockKind.BODY, Span(0, len(text)), text)


def test_hard_wrapped_paragraph_reads_its_line_breaks_as_spaces() -> None:
    from reader.analysis.quotes.filters import unwrapped

    text = (
        "The harbour board met on Tuesday night and voted to delay the new pier,\n"
        "a plan that the mayor had backed for two years, until the spring of next\n"
        "year."
    )
    assert unwrapped(_body(text)).text == text.replace("\n", " ")


def test_short_lines_and_lines_of_quotes_keep_their_breaks() -> None:
    from reader.analysis.quotes.filters import unwrapped

    for text in (
        "Stop the strike\nOpen the port\nPay the crews",
        "“We will not move from this quay until the board listens to us.” ― Ann Lee\n"
        "“The port has never been this quiet on a weekday morning in June.” ― Kim Park",
    ):
        block = _body(text)
        assert unwrapped(block) is block


def test_quote_opened_inside_a_paragraph_and_never_closed_runs_to_its_end() -> None:
    text = 'The vote was close, said Moss. "We will try again in the spring and win it then.'
    assert _quotes(text) == ['"We will try again in the spring and win it then.']


def test_stray_open_mark_before_closed_quotes_keeps_only_those() -> None:
    text = 'Moss said "the plan and then called it "fair" and "quick" on Friday.'
    assert _quotes(text) == ['"fair"', '"quick"']


def test_curly_closing_mark_before_a_bracketed_source() -> None:
    text = "Moss wrote: “The count is final.”[Harbour Daily]"
    assert _quotes(text) == ["“The count is final.”"]
