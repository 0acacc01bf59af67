"""The value objects refuse to be built in a state that breaks the span rule."""

from __future__ import annotations

import pytest

from reader.model import Article, Block, BlockKind, Mention, Person, Quote, Span

SRC = "Title\n\nAna Ruiz said \"yes\". Ruiz left."


def _block(s: int, e: int, kind: BlockKind = BlockKind.BODY, src: str = SRC) -> Block:
    return Block(kind, Span(s, e), src[s:e], hidden=kind is BlockKind.BOILERPLATE)


def test_valid_article_builds() -> None:
    ana = Person("Ana Ruiz", (Mention(Span(7, 15), "Ana Ruiz"), Mention(Span(28, 32), "Ruiz")))
    art = Article("a.txt", "text", SRC, "Title", (_block(0, 5, BlockKind.TITLE), _block(7, 38)),
                  people=(ana,), quotes=(Quote(Span(21, 26), '"yes"', "Ana Ruiz"),))
    assert art.shown_blocks == art.blocks
    assert art.body_text == SRC[7:38]
    assert art.word_count == 7


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (-5, -1)])
def test_bad_span(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span(start, end)


def test_span_len_and_contains() -> None:
    assert len(Span(2, 5)) == 3
    assert Span(0, 10).contains(Span(2, 5)) and not Span(2, 5).contains(Span(0, 10))
    assert len(Span(4, 4)) == 0


def test_block_text_must_match_span_length() -> None:
    with pytest.raises(ValueError):
        Block(BlockKind.BODY, Span(0, 5), "Titl")


def test_boilerplate_must_be_hidden() -> None:
    with pytest.raises(ValueError):
        Block(BlockKind.BOILERPLATE, Span(0, 5), "Title", hidden=False)


def test_mention_and_quote_lengths() -> None:
    with pytest.raises(ValueError):
        Mention(Span(0, 3), "Ana Ruiz")
    with pytest.raises(ValueError):
        Quote(Span(0, 3), "yes!!")


def test_person_invariants() -> None:
    m1, m2 = Mention(Span(7, 15), "Ana Ruiz"), Mention(Span(28, 32), "Ruiz")
    with pytest.raises(ValueError):
        Person("  ", (m1,))
    with pytest.raises(ValueError):
        Person("Ana Ruiz", ())
    with pytest.raises(ValueError):
        Person("Ana Ruiz", (m2, m1))


def test_blocks_out_of_order_or_overlapping() -> None:
    with pytest.raises(ValueError, match="overlap"):
        Article("a.txt", "text", SRC, None, (_block(7, 38), _block(0, 5)))
    with pytest.raises(ValueError, match="overlap"):
        Article("a.txt", "text", SRC, None, (_block(0, 10), _block(7, 38)))


def test_spans_beyond_source() -> None:
    long_src = SRC + " extra"
    with pytest.raises(ValueError, match="beyond"):
        Article("a.txt", "text", SRC, None, (_block(7, 44, src=long_src),))
    with pytest.raises(ValueError, match="beyond"):
        Article("a.txt", "text", SRC, None, (), quotes=(Quote(Span(39, 44), long_src[39:44]),))
    p = Person("X Y", (Mention(Span(39, 44), long_src[39:44]),))
    with pytest.raises(ValueError, match="beyond"):
        Article("a.txt", "text", SRC, None, (), people=(p,))


def test_text_must_equal_source_slice() -> None:
    with pytest.raises(ValueError, match="differs"):
        Article("a.txt", "text", SRC, None, (Block(BlockKind.BODY, Span(0, 5), "Tilte"),))
    with pytest.raises(ValueError, match="differs"):
        Article("a.txt", "text", SRC, None, (), quotes=(Quote(Span(0, 5), "Tilte"),))
    p = Person("Ana Ruiz", (Mention(Span(0, 8), "Ana Ruiz"),))
    with pytest.raises(ValueError, match="differs"):
        Article("a.txt", "text", SRC, None, (), people=(p,))


def test_value_objects_are_frozen() -> None:
    s = Span(0, 1)
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]
