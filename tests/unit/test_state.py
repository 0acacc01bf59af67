"""User state: setters persist, survive a cache rebuild, and stay apart from the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader
from reader.library import ArticleState
from reader.library.state import UserState
from tests.unit.library_fixtures import write_collection


def test_roundtrip(tmp_path: Path) -> None:
    st = UserState(tmp_path / "s.sqlite3")
    assert st.get("a.txt") == ArticleState()
    st.set_read("a.txt", True)
    st.set_starred("a.txt", True)
    st.set_position("a.txt", 42)
    st.set_block_choice("a.txt", "Support us!", "keep")
    st.set_block_choice("a.txt", "Advertisement", "hide")
    st.close()
    st = UserState(tmp_path / "s.sqlite3")
    assert st.get("a.txt") == ArticleState(True, True, 42)
    assert st.block_choice("a.txt", "Support us!") == "keep"
    assert st.block_choice("a.txt", "Advertisement") == "hide"
    assert st.block_choice("b.txt", "Advertisement") is None
    st.set_block_choice("a.txt", "Advertisement", None)
    assert st.block_choice("a.txt", "Advertisement") is None
    st.set_read("a.txt", False)
    assert st.get("a.txt") == ArticleState(False, True, 42)
    with pytest.raises(ValueError):
        st.set_position("a.txt", -1)
    with pytest.raises(ValueError):
        st.set_block_choice("a.txt", "x", "maybe")  # type: ignore[arg-type]
    st.close()


def test_state_survives_cache_deletion_and_shows_in_entries(tmp_path: Path) -> None:
    coll = write_collection(tmp_path / "coll")
    with reader.open_library(coll) as lib:
        lib.refresh()
        lib.state.set_starred("notes.txt", True)
        lib.state.set_block_choice("notes.txt", "Cafe Menu", "hide")
        cache_file = lib.cache_path
    for suffix in ("", "-wal", "-shm"):
        Path(str(cache_file) + suffix).unlink(missing_ok=True)
    with reader.open_library(coll) as lib:
        assert lib.count() == 0
        lib.refresh()
        assert lib.entry("notes.txt").starred  # type: ignore[union-attr]
        assert lib.state.block_choice("notes.txt", "Cafe Menu") == "hide"
        assert lib.state.get("notes.txt").starred


def test_settings_are_kept_and_replaced(tmp_path) -> None:
    from reader.library.state import UserState

    state = UserState(tmp_path / "state.db")
    assert state.setting("order") is None
    state.set_setting("order", "title")
    state.set_setting("order", "source")
    state.close()
    again = UserState(tmp_path / "state.db")
    assert again.setting("order") == "source"
    again.close()
