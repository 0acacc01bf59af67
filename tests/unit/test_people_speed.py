"""The shortcuts taken for speed in people detection give what the slower forms gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis.lexicon import lexicon
from reader.analysis.people import judge, tagger


@given(st.text(alphabet=st.sampled_from(list("ab Zé_1²\u00a0\n,.-'ŉ٣")), max_size=12))
def test_the_word_before_is_what_the_expression_finds(before: str) -> None:
    m = judge._BEFORE_WORD.search(before)
    assert judge._word_before(before) == (m.group(1) if m else "")


def test_the_word_before_a_name() -> None:
    assert judge._word_before("the band's drummer ") == "drummer"
    assert judge._word_before("drummer \n") == "drummer"
    assert judge._word_before("drummer\u00a0") == "drummer"
    assert judge._word_before("drummer") == ""
    assert judge._word_before("2021 ") == ""
    assert judge._word_before("") == ""


def test_word_features_kept_across_documents_carry_no_document_classes() -> None:
    lex = lexicon()
    first = tagger._word("Rose", "rose", lex, frozenset({"rose"}), frozenset({"rose"}))
    again = tagger._word("Rose", "rose", lex, frozenset(), frozenset())
    assert first[2].endswith("lK") and not again[2].endswith(("l", "K"))
    assert first[0] == again[0] and first[1] == again[1] == "Xx"
    fresh = tagger._word_alone("Rose", "rose", lex)
    assert again == fresh
