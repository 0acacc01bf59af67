"""The seed article, as its hand-made gold annotation describes it."""

from __future__ import annotations

from reader import analyse_file
from reader.model import BlockKind
from tests.conftest import SEED


def test_seed_title_and_first_lines() -> None:
    art = analyse_file(str(SEED))
    assert art.title == "Russian Minister Says UK-Russia Ties ‘Close to Zero'"
    first = art.blocks[0]
    assert first.kind is BlockKind.BOILERPLATE and first.hidden
    assert first.text == "Support The Moscow Times!"
    for b in art.blocks:
        assert art.source[b.span.start:b.span.end] == b.text
