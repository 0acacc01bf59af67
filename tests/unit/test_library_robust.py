"""Robustness: a damaged cache is rebuilt with a notice; two libraries at once neither corrupt nor block."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import reader
from tests.unit.library_fixtures import ARTICLES, write_collection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    return write_collection(tmp_path / "coll")


def _indexed(coll: Path) -> Path:
    with reader.open_library(coll) as lib:
        lib.refresh()
        lib.state.set_starred("notes.txt", True)
        return lib.cache_path


@pytest.mark.parametrize("damage", ["garbage", "truncate", "zero-middle", "empty-header"])
def test_damaged_cache_is_rebuilt_with_notice_and_state_kept(coll: Path, damage: str) -> None:
    path = _indexed(coll)
    data = path.read_bytes()
    assert len(data) > 8192
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "zero-middle":
        path.write_bytes(data[:4096] + b"\0" * (len(data) - 4096))
    else:
        path.write_bytes(b"\0" * 100 + data[100:])
    with reader.open_library(coll) as lib:
        assert lib.notices and "rebuilt" in lib.notices[0]
        lib.refresh()
        assert lib.count() == len(ARTICLES)
        assert lib.entry("notes.txt").starred  # type: ignore[union-attr]
        assert lib.search("shoigu ")


def test_healthy_cache_gives_no_notice(coll: Path) -> None:
    _indexed(coll)
    with reader.open_library(coll) as lib:
        assert lib.notices == []
        assert lib.count() == len(ARTICLES)


def test_two_libraries_refreshing_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = {f"d{i // 20}/a{i}.txt": f"Title Number {i}\n\nBody words {i} about harbours and bridges.\n"
            for i in range(120)}
    coll = write_collection(tmp_path / "many", many)
    errors: list[BaseException] = []
    libs = [reader.open_library(coll), reader.open_library(coll)]

    def work(lib: reader.library.Library) -> None:
        try:
            lib.refresh()
            lib.entries(0, 50)
            lib.search("harbours ")
        except BaseException as exc:  # collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(lib,)) for lib in libs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    for lib in libs:
        assert lib.count() == len(many)
        assert len(lib.search("number", limit=500)) == len(many)
        lib.close()


def test_rows_visible_to_another_connection_while_indexing(tmp_path: Path) -> None:
    many = {f"a{i:03}.txt": f"Article {i}\n\nText {i}.\n" for i in range(60)}
    coll = write_collection(tmp_path / "many", many)
    seen: list[int] = []
    with reader.open_library(coll) as writer, reader.open_library(coll) as reader_lib:
        from reader.library import refresh as refresh_mod

        old = refresh_mod.BATCH_SECONDS
        refresh_mod.BATCH_SECONDS = 0.0
        try:
            writer.refresh(progress=lambda d, t: seen.append(reader_lib.count()))
        finally:
            refresh_mod.BATCH_SECONDS = old
    assert any(0 < n < len(many) for n in seen), seen


def test_index_command_while_library_open(coll: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with reader.open_library(coll) as lib:
        lib.refresh()
        (coll / "late.txt").write_text("Late Arrival\n\nA late article.\n", encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "reader", "index", str(coll)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(50):
            lib.entries(0, 100)
            lib.state.set_read("notes.txt", True)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "1 added" in out
        assert err == ""  # piped: no progress bar
        assert lib.entry("late.txt") is not None
        assert lib.entry("notes.txt").read  # type: ignore[union-attr]


def test_unusable_cache_folder_is_a_reader_error(coll: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(reader.errors.ReaderError, match="cannot open the library cache"):
        reader.open_library(coll, cache_dir=blocker / "sub")


def test_state_writes_never_wait_for_a_refresh(tmp_path: Path) -> None:
    import time

    from reader.library import refresh as refresh_mod

    many = {f"a{i:03}.txt": f"Article {i}\n\nText {i}.\n" for i in range(40)}
    coll = write_collection(tmp_path / "many", many)
    slowest = 0.0
    with reader.open_library(coll) as lib:
        real = refresh_mod.write_result

        def slow_write(conn, res, *args):  # type: ignore[no-untyped-def]
            time.sleep(0.01)  # a write transaction that stays open a while
            real(conn, res, *args)

        def tick(done: int, total: int) -> None:
            nonlocal slowest
            t = time.perf_counter()
            lib.state.set_read(f"a{done % 40:03}.txt", True)
            slowest = max(slowest, time.perf_counter() - t)

        refresh_mod.write_result = slow_write
        old = refresh_mod.BATCH_SECONDS
        refresh_mod.BATCH_SECONDS = 0.0
        try:
            done = threading.Event()
            th = threading.Thread(target=lambda: (lib.refresh(), done.set()))
            th.start()
            while not done.is_set():
                tick(0, 0)
            th.join()
        finally:
            refresh_mod.write_result = real
            refresh_mod.BATCH_SECONDS = old
    assert slowest < 0.3, f"a state write waited {slowest:.2f} s for the refresh"


def _checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every quick check of the cache file on open (and still run it)."""
    from reader.library import cache as cache_mod

    seen: list[Path] = []
    real = cache_mod._check

    def spy(path: Path) -> None:
        seen.append(path)
        real(path)

    monkeypatch.setattr(cache_mod, "_check", spy)
    return seen


def test_a_cache_closed_cleanly_and_untouched_is_not_read_through_again(
    coll: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import cache as cache_mod

    path = _indexed(coll)
    assert cache_mod.clean_path(path).exists()
    seen = _checks(monkeypatch)
    with reader.open_library(coll) as lib:
        assert not cache_mod.clean_path(path).exists()  # in use: a crash now leaves no mark
        assert lib.count() == len(ARTICLES)
    assert seen == []
    with reader.open_library(coll) as lib:
        lib.refresh()
    assert seen == []  # still clean after a refresh that changed nothing


def test_a_crash_or_a_write_after_the_close_brings_the_check_back(
    coll: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    path = _indexed(coll)
    seen = _checks(monkeypatch)
    lib = reader.open_library(coll)  # never closed: as if the process died
    del lib
    with reader.open_library(coll):
        pass
    assert seen == [path]
    with open(path, "r+b") as f:  # someone writes the file after a clean close
        f.seek(200)
        f.write(b"\0")
    with reader.open_library(coll):
        pass
    assert seen == [path, path]


def test_damage_met_in_a_call_leaves_no_clean_mark(coll: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from reader.library import cache as cache_mod

    path = _indexed(coll)
    lib = reader.open_library(coll)
    err = lib._cache_error(sqlite3.DatabaseError("database disk image is malformed"))
    assert "is damaged" in str(err)
    lib.close()
    assert not cache_mod.clean_path(path).exists()


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        ("SELECT d.path FROM docs d ORDER BY {newest} LIMIT 100", "docs_newest"),
        ("SELECT path, failed FROM docs WHERE failed IS NOT NULL ORDER BY path", "docs_failed"),
    ],
)
def test_the_first_page_and_the_failures_read_an_index_not_every_row(
    coll: Path, sql: str, index: str
) -> None:
    """At 100,000 articles a scan of every row cost 0.3 s for each of these at start-up."""
    import sqlite3

    from reader.library.core import ORDERS

    path = _indexed(coll)
    conn = sqlite3.connect(path)
    plan = " ".join(str(r) for r in conn.execute("EXPLAIN QUERY PLAN " + sql.format(newest=ORDERS["newest"])))
    conn.close()
    assert f"USING INDEX {index}" in plan, plan
