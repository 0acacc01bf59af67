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
