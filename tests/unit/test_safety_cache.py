"""A damaged cache never gives a traceback: bad stored analyses are redone from the file (issue 10)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import reader
from reader.cli import main
from tests.conftest import ROOT
from tests.unit.library_fixtures import ARTICLES, write_collection

TARGET = "ledger/2022/defence-talks.txt"


def _bad_json() -> bytes:
    return zlib.compress(b'{"f": "text", "b": [')


def _bad_spans() -> bytes:
    return zlib.compress(json.dumps({"f": "text", "t": "x", "b": [["body", 5, 999999, 0, ""]], "p": [],
                                     "q": [], "m": {}, "n": [], "x": 1}).encode())


def _bad_kind() -> bytes:
    return zlib.compress(json.dumps({"f": "text", "t": "x", "b": [["nonsense", 0, 3, 0, ""]], "p": [],
                                     "q": [], "m": {}, "n": [], "x": 1}).encode())


DAMAGE = {
    "src-random": ("src", lambda: os.urandom(300)),
    "analysis-random": ("analysis", lambda: os.urandom(300)),
    "analysis-bad-json": ("analysis", _bad_json),
    "analysis-bad-spans": ("analysis", _bad_spans),
    "analysis-wrong-kind": ("analysis", _bad_kind),
}


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    return write_collection(tmp_path / "coll")


def _indexed(coll: Path) -> Path:
    with reader.open_library(coll) as lib:
        lib.refresh()
        return lib.cache_path


def _damage(cache: Path, column: str, value: bytes, path: str = TARGET) -> None:
    conn = sqlite3.connect(cache)
    conn.execute(f"UPDATE docs SET {column} = ? WHERE path = ?", (value, path))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_analysis_is_redone_from_the_file_with_a_notice(coll: Path, damage: str) -> None:
    column, make = DAMAGE[damage]
    _damage(_indexed(coll), column, make())
    with reader.open_library(coll) as lib:
        assert lib.notices == []
        art = lib.article(TARGET)
        assert art.title.startswith("Defence Ministers Meet")
        assert [n for n in lib.notices if TARGET in n and "analysed again" in n]
        shown = len(lib.notices)
        assert lib.article(TARGET).title == art.title  # repaired in the cache: no second notice
        assert len(lib.notices) == shown


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_search_over_damaged_analyses_finds_and_repairs(coll: Path, damage: str) -> None:
    column, make = DAMAGE[damage]
    _damage(_indexed(coll), column, make())
    with reader.open_library(coll) as lib:
        hits = lib.search("shoigu ")
        assert [h.path for h in hits] == [TARGET]
        assert "Shoigu" in hits[0].snippet or "Shoigu" in hits[0].title


def test_changed_file_with_a_damaged_row_is_replaced(coll: Path) -> None:
    cache = _indexed(coll)
    _damage(cache, "analysis", os.urandom(100))
    _damage(cache, "src", os.urandom(100))
    (coll / TARGET).write_text("Talks Postponed\n\nThe meeting with Sergei Shoigu was moved to May.\n")
    with reader.open_library(coll) as lib:
        counts = lib.refresh()
        assert counts.changed == 1
        assert lib.article(TARGET).title == "Talks Postponed"
        assert [h.path for h in lib.search("postponed ")] == [TARGET]
        assert lib.search("cooperation ") == []  # the old words did not come back with a reused id


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_no_command_gives_a_traceback_on_damaged_rows(coll: Path) -> None:
    cache = _indexed(coll)
    for path in ARTICLES:
        _damage(cache, "src", os.urandom(200), path)
        _damage(cache, "analysis", os.urandom(200), path)
    (coll / "notes.txt").write_text("Cafe Menu\n\nNow with tea.\n")  # one changed file: its row is replaced
    for args in (["search", "shoigu"], ["people"], ["quotes"], ["index", "--check"], ["index"]):
        proc = _reader(*args, str(coll))
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
        assert proc.returncode == 0, (args, proc.stderr)


def test_index_check_finds_damage_a_refresh_cannot_see(coll: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _damage(_indexed(coll), "analysis", os.urandom(100))
    assert main(["index", str(coll), "--check"]) == 0
    out, err = capsys.readouterr()
    assert f"{TARGET}: the cached analysis was damaged" in err
    assert "1 repaired" in out
    assert main(["index", str(coll), "--check"]) == 0
    assert "repaired" not in capsys.readouterr().out


def test_structural_damage_found_by_quick_check_is_rebuilt(coll: Path) -> None:
    cache = _indexed(coll)
    conn = sqlite3.connect(cache)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'docs_title'").fetchone()[0]
    conn.close()
    with open(cache, "r+b") as f:  # an index page nobody reads on open: only an integrity check sees it
        f.seek((root - 1) * page_size + 8)
        f.write(os.urandom(page_size - 8))
    with reader.open_library(coll) as lib:
        assert lib.notices and "rebuilt" in lib.notices[0]
        lib.refresh()
        assert lib.count() == len(ARTICLES)
        assert [e.path for e in lib.entries(order="title")]
    for args in (["search", "shoigu"], ["people"], ["quotes"]):
        proc = _reader(*args, str(coll))
        assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr


def test_damage_met_after_opening_is_a_reader_error(coll: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from reader.library import cache as cache_mod

    cache = _indexed(coll)
    conn = sqlite3.connect(cache)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'doc_people_name'").fetchone()[0]
    conn.close()
    with open(cache, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(os.urandom(page_size))
    monkeypatch.setattr(cache_mod, "_check", lambda path: None)  # as if it broke after the check
    with reader.open_library(coll) as lib, pytest.raises(reader.errors.ReaderError, match="is damaged"):
        lib.people()
    assert main(["people", str(coll)]) == 1
    assert "is damaged" in capsys.readouterr().err
