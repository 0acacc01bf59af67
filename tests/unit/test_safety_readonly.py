"""Read-only cache or data folders: the app and the read-only commands still work, and say what
cannot be saved (issue 10).  Tests run as root in CI, where chmod restricts nothing, so each case
is also simulated by making the database refuse writes the way SQLite does."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import reader
from reader import paths
from reader.cli import main
from reader.library import cache as cache_mod
from reader.library import state as state_mod
from reader.library.readonly import is_unwritable
from tests.unit.library_fixtures import ARTICLES, write_collection

READONLY = sqlite3.OperationalError("attempt to write a readonly database")


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    root = write_collection(tmp_path / "coll")
    with reader.open_library(root) as lib:
        lib.refresh()
        lib.state.set_starred("notes.txt", True)
    return root


def _refuse(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, folder: Path) -> None:
    real = getattr(module, name)

    def refusing(path: Path, *args: Any, **kwargs: Any) -> Any:
        if Path(path).parent == folder:
            raise READONLY
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, refusing)


def test_unwritable_errors_are_recognised() -> None:
    assert is_unwritable(READONLY)
    assert is_unwritable(sqlite3.OperationalError("unable to open database file"))
    assert is_unwritable(PermissionError(13, "Permission denied"))
    assert is_unwritable(OSError(30, "Read-only file system"))
    assert not is_unwritable(sqlite3.OperationalError("database is locked"))
    assert not is_unwritable(NotADirectoryError(20, "Not a directory"))


def test_read_only_cache_folder_still_searches(coll: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _refuse(monkeypatch, cache_mod, "open_cache", paths.cache_dir())
    with reader.open_library(coll) as lib:
        assert any("cannot save the library cache" in n and "read-only" in n for n in lib.notices)
        assert lib.count() == len(ARTICLES)  # a copy of what was saved: no indexing again
        assert lib.refresh().unchanged == len(ARTICLES)
        assert [h.path for h in lib.search("shoigu ")] == ["ledger/2022/defence-talks.txt"]
        assert lib.entry("notes.txt").starred  # type: ignore[union-attr]
        temp = lib.cache_path
    assert not temp.exists()  # the temporary copy goes with the library
    for args in (["search", "shoigu"], ["people"], ["quotes"]):
        assert main([*args, str(coll)]) == 0
        assert "cannot save the library cache" in capsys.readouterr().err


def test_read_only_data_folder_keeps_marks_readable(coll: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with monkeypatch.context() as m:
        _refuse(m, state_mod, "connect_state", paths.data_dir())
        with reader.open_library(coll) as lib:
            notes = [n for n in lib.notices if n.startswith("cannot save reading state")]
            assert len(notes) == 1 and "read-only" in notes[0]
            assert lib.entry("notes.txt").starred  # type: ignore[union-attr]
            lib.state.set_read("notes.txt", True)  # works for this session, without raising
            assert lib.entry("notes.txt").read  # type: ignore[union-attr]
            assert [h.path for h in lib.search("shoigu ")] == ["ledger/2022/defence-talks.txt"]
        assert main(["search", "shoigu", str(coll)]) == 0
        assert "cannot save reading state" in capsys.readouterr().err
    with reader.open_library(coll) as lib:
        assert not lib.entry("notes.txt").read  # type: ignore[union-attr]
        assert lib.entry("notes.txt").starred  # type: ignore[union-attr]


def test_a_failing_state_write_is_skipped_with_one_notice(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    notices: list[str] = []
    st = state_mod.UserState(db, notices=notices)
    st.set_starred("a.txt", True)
    st._conn.close()
    st._conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    st.set_read("a.txt", True)
    st.set_block_choice("a.txt", "some block", "hide")
    assert st.get("a.txt").starred and not st.get("a.txt").read
    assert len(notices) == 1 and "cannot save reading state" in notices[0]
    st.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_real_read_only_folders(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for d in (paths.cache_dir(), paths.data_dir()):
        d.chmod(0o555)
    try:
        assert main(["search", "shoigu", str(coll)]) == 0
        err = capsys.readouterr().err
        assert "cannot save the library cache" in err and "cannot save reading state" in err
    finally:
        for d in (paths.cache_dir(), paths.data_dir()):
            d.chmod(0o755)
