"""The query language parser and the length-preserving fold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search.fold import fold
from reader.search.query import Term, parse


def test_plain_words_last_is_prefix_while_typing() -> None:
    q = parse("Shoigu wal")
    assert q.terms == (Term("shoigu"), Term("wal", prefix=True))
    assert parse("shoigu wal ").terms[-1] == Term("wal")


def test_phrases_fields_and_exclusions() -> None:
    q = parse('"Close to Zero" person:Shoigu said:wallace title:talks -moscow ')
    assert q.phrases == (("close", "to", "zero"),)
    assert Term("shoigu", "people") in q.terms
    assert Term("wallace", "speakers") in q.terms
    assert Term("talks", "title") in q.terms
    assert q.excluded == ("moscow",)


def test_unknown_field_is_plain_words() -> None:
    assert [t.word for t in parse("foo:bar ").terms] == ["foo", "bar"]


@given(st.text())
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text())
def test_parse_never_raises(text: str) -> None:
    parse(text)


def test_quoted_single_word_is_exact() -> None:
    assert parse('"Shoigu" ').terms == (Term("shoigu", exact=True),)
