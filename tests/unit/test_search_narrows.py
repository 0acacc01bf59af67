"""Search that narrows (issue 15): every query word matches a word, not a short word one typo away;
phrase and proximity hits rank first; the count is of articles holding every word; a snippet
quotes a shown block only."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader
from reader.library import Library
from reader.search.docs import shown_text
from reader.search.engine import Group
from reader.search.fold import fold
from reader.search.query import Term
from reader.search.snippet import Pattern, snippet
from reader.search.vocab import Vocabulary, max_edits
from tests.unit.library_fixtures import write_collection

FILLER = " ".join(f"word{i}" for i in range(40))

ARTICLES = {
    "asia/kong-phrase.txt": "Protests Return\n\nCrowds filled the streets of Hong Kong on Sunday.\n",
    "asia/kong-near.txt": "Markets Wobble\n\nTraders in Hong and in the wider Kong region were nervous.\n",
    "asia/kong-far.txt": f"Ferry Timetables\n\nThe Kong ferry leaves early. {FILLER} Later, Hong said so.\n",
    "misc/long-song.txt": "A Long Song\n\nThe choir sang a long song about a gong and a bong.\n",
    "misc/song-only.txt": "Songs of the Sea\n\nSailors sang long into the night.\n",
}


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    with reader.open_library(write_collection(tmp_path / "coll", ARTICLES)) as lib:
        lib.refresh()
        yield lib


def test_a_short_word_matches_itself_not_its_neighbours(lib: Library) -> None:
    found = [h.path for h in lib.search("hong kong ")]
    assert set(found) == {"asia/kong-phrase.txt", "asia/kong-near.txt", "asia/kong-far.txt"}
    assert lib.search("kong ") and "misc/long-song.txt" not in [h.path for h in lib.search("kong ")]
    assert max_edits("kong") == 1 and max_edits("shoygu") == 1 and max_edits("kowalczik") == 2
    vocab = Vocabulary([("kong", 1), ("long", 9), ("song", 5), ("kongs", 1), ("house", 4), ("horse", 2)])
    assert {w for w, _d in vocab.fuzzy("kong")} == {"kong", "kongs"}
    assert [w for w, _d in vocab.fuzzy("huse")] == ["house"]  # a letter left out is forgiven
    assert [w for w, _d in vocab.fuzzy("hause")] == ["house"]


def test_the_phrase_then_the_near_hits_rank_first(lib: Library) -> None:
    found = [h.path for h in lib.search("hong kong ")]
    assert found == ["asia/kong-phrase.txt", "asia/kong-near.txt", "asia/kong-far.txt"]


def test_the_count_is_of_articles_holding_every_word(lib: Library) -> None:
    assert lib.search_count("hong kong ") == 3
    assert lib.search_count("hong choir ") == 0 and lib.search("hong choir ") == []
    assert lib.search_count("sang ") == 2
    assert lib.search_count("sang -choir ") == 1
    assert lib.search_count("kong source:asia ") == 3 and lib.search_count("kong source:misc ") == 0


def test_a_word_being_typed_is_still_a_prefix(lib: Library) -> None:
    assert {h.path for h in lib.search("hong ko")} == {
        "asia/kong-phrase.txt",
        "asia/kong-near.txt",
        "asia/kong-far.txt",
    }


def _pattern(word: str) -> Pattern:
    return Pattern.build([Group(Term(word), {word: 1.0}, ())], [])


def test_a_snippet_quotes_a_shown_block_only() -> None:
    source = "Title\n\nSubscribe to the lantern newsletter today!\n\nThe lantern was lit at dusk.\n"
    hidden = (7, source.index("!") + 1)
    shown = [(0, 5), (source.index("The lantern"), len(source) - 1)]
    assert hidden[1] <= shown[1][0]
    seen = shown_text(source, fold(source), shown)
    assert len(seen.folded) == len(source) and "subscribe" not in seen.folded
    text, spans, first = snippet(seen.source, _pattern("lantern"), seen.folded, seen.blocks)
    assert text == "The lantern was lit at dusk."
    assert [text[s:e] for s, e in spans] == ["lantern"]
    assert first == source.index("lantern was")
    # without the blocks the hidden line is quoted: this is what the blocks change
    plain, _s, _f = snippet(source, _pattern("lantern"))
    assert "Subscribe" in plain


def test_search_snippets_in_a_collection_skip_hidden_furniture(tmp_path: Path) -> None:
    from tests.ui.conftest import HARBOUR

    with reader.open_library(write_collection(tmp_path / "c", {"harbour.txt": HARBOUR})) as lib:
        lib.refresh()
        article = lib.article("harbour.txt")
        hidden = [b.text for b in article.blocks if b.hidden]
        assert any("Weekly" in t for t in hidden)
        for query in ("weekly ", "harbour weekly ", "harbour "):
            hit = lib.search(query)[0]
            assert hit.snippet and not any(hit.snippet in t or t in hit.snippet for t in hidden), query
