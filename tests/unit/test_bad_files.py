"""Hostile files through ``reader extract``: no traceback, contract exit codes, bounded time.

Each case is built in tmp_path by a helper in tests/data, next to a good file
that must still come out.  pytest-timeout is not installed, so a CPU-time timer
(SIGPROF) stops a runaway case and the CPU time is checked against a generous bound.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import reader.commands.extract as extract_cmd
from reader.analysis import analyse
from reader.cli import main
from reader.ingest import format_of, load, load_bytes
from tests.conftest import ROOT
from tests.data import HOSTILE, deep_html, huge_line, many_names, repeated_name, symlink_cycle, unreadable

#: seconds one hostile file may take, generously (the machine is shared)
LIMIT = 20
FAILS = {"png": "binary", "nul_bytes": "binary"}
GOOD = "Good Article\n\nMayor Tom Reyes said \"we are ready\" on Monday. Reyes smiled.\n"


@contextmanager
def bounded(seconds: float = LIMIT, hard: float = 0) -> Iterator[None]:
    """Fail when the block uses ``seconds`` of CPU; interrupt it after ``hard`` (default 3x) CPU seconds.

    CPU time, not wall time, so a busy shared machine does not make the test flaky.
    """
    hard = hard or seconds * 3

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"used more than {hard} s of CPU")

    old = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, hard)
    start = time.process_time()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    used = time.process_time() - start
    assert used < seconds, f"used {used:.1f} s of CPU"


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    with bounded():
        rc = main(["extract", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert out.isascii()  # raw escapes never reach stdout: JSON escapes them
    return rc, [json.loads(line) for line in out.splitlines()], err


def _check_spans(rec: dict[str, Any], max_bytes: int = 5_000_000) -> None:
    """For .txt and .md, every span is exact against the decoded file."""
    fmt = format_of(rec["path"])
    if fmt == "html":
        return
    with open(rec["path"], "rb") as f:
        src = load_bytes(rec["path"], f.read(max_bytes + 1), fmt or "text", max_bytes).source
    last = 0
    for b in rec["blocks"]:
        assert last <= b["start"] <= b["end"] <= len(src)
        assert src[b["start"]:b["end"]] == b["text"]
        last = b["end"]
    for p in rec["people"]:
        for s, e in p["mentions"]:
            assert 0 <= s <= e <= len(src)
    for q in rec["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(src)
        if "text" in q:
            assert src[q["start"]:q["end"]] == q["text"]


def _texts(rec: dict[str, Any]) -> str:
    return "\n".join(b["text"] for b in rec["blocks"])


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = HOSTILE[case](tmp_path)
    (tmp_path / "good.txt").write_text(GOOD)
    rc, recs, err = _extract(capsys, str(tmp_path))
    by_path = {r["path"]: r for r in recs}
    assert str(tmp_path / "good.txt") in by_path, "the good file was not processed"
    if case in FAILS:
        assert rc == 1
        assert err.splitlines() == [f"reader: {bad}: binary file, not text"]
        assert str(bad) not in by_path
        return
    assert (rc, err) == (0, "")
    rec = by_path[str(bad)]
    _check_spans(rec)
    text = _texts(rec)
    if case == "rich_markup":
        assert "[bold red]nothing[/]" in text and "[@click=app.quit]quit[/]" in text
        assert "[link=https://example.com]" in text
    elif case == "terminal_escapes":
        assert "\x1b[2J" in text and "\x1b]52;c;" in text
    elif case == "bidi":
        assert "\u202e" in text and "\u200b" in text
    elif case == "utf16":
        assert "Zürich" in text and "Vogt" in text
    elif case == "cp1252":
        assert "José Peña" in text and "€5" in text and "\u201cIt’s fine\u201d" in text
    elif case == "invalid_utf8":
        assert text.startswith("Caf") and "broken" in text


def test_huge_single_line_is_truncated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = huge_line(tmp_path)
    assert big.stat().st_size == 50_000_000
    rc, recs, err = _extract(capsys, str(big))
    assert (rc, err) == (0, "")
    assert recs[0]["notices"] == ["truncated: only the first 5 MB are shown"]
    assert sum(len(b["text"]) for b in recs[0]["blocks"]) <= 5_000_000
    _check_spans(recs[0])


def test_symlink_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    symlink_cycle(tmp_path)
    rc, recs, err = _extract(capsys, str(tmp_path))
    assert (rc, err) == (0, "")
    assert [Path(r["path"]).name for r in recs] == ["inside.txt"]


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = unreadable(tmp_path)
    if os.access(bad, os.R_OK):
        pytest.skip("running as a user who can read any file (root)")
    (tmp_path / "good.txt").write_text(GOOD)
    rc, recs, err = _extract(capsys, str(tmp_path))
    assert rc == 1 and err.splitlines() == [f"reader: {bad}: permission denied"]
    assert [Path(r["path"]).name for r in recs] == ["good.txt"]


def test_file_deleted_after_discovery(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(GOOD)
    (tmp_path / "good.txt").write_text(GOOD)
    real = extract_cmd.discover

    def discover_then_delete(root: str, on_error: Any = None, **kwargs: Any) -> Iterator[str]:
        found = list(real(root, on_error, **kwargs))
        doomed.unlink()
        return iter(found)

    monkeypatch.setattr(extract_cmd, "discover", discover_then_delete)
    rc, recs, err = _extract(capsys, str(tmp_path))
    assert rc == 1 and err.splitlines() == [f"reader: {doomed}: no such file (deleted?)"]
    assert [Path(r["path"]).name for r in recs] == ["good.txt"]


def test_all_hostile_files_in_a_subprocess(tmp_path: Path) -> None:
    for name, build in HOSTILE.items():
        if name != "million_lines":  # covered in-process; keeps this test short
            build(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reader", "extract", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=LIMIT * 6)
    assert time.perf_counter() - start < LIMIT * 3
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert sorted(proc.stderr.splitlines()) == [
        f"reader: {tmp_path / 'nuls.md'}: binary file, not text",
        f"reader: {tmp_path / 'picture.txt'}: binary file, not text",
    ]
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(recs) == len(HOSTILE) - 1 - len(FAILS) + 1
    assert [r["path"] for r in recs] == sorted(r["path"] for r in recs)


def _cpu(fn: Any) -> float:
    """CPU seconds of ``fn`` alone: the garbage collector is paused, so a pass over objects that
    earlier tests left behind (a full suite in one process) is not counted against it."""
    import gc

    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        fn()
        return time.process_time() - start
    finally:
        gc.enable()


def _grows_linearly(make: Any, n: int) -> None:
    """Four times the input costs well under sixteen times the CPU (what a quadratic would cost)."""
    analyse(load(str(make(n // 4))))  # warm: word lists and regexes load once
    with bounded(5, hard=15):
        small = min(_cpu(lambda: analyse(load(str(make(n // 4))))) for _ in range(2))
        big = _cpu(lambda: analyse(load(str(make(n)))))
    assert big < 8 * small + 0.1, f"{n // 4}: {small:.3f} s, {n}: {big:.3f} s"


def test_many_distinct_names_linear_time(tmp_path: Path) -> None:
    path = many_names(tmp_path, 500)
    assert path.stat().st_size < 40_000
    assert len(analyse(load(str(path))).quotes) == 500
    _grows_linearly(lambda n: many_names(tmp_path, n), 2000)


def test_html_metadata_pass_is_bounded() -> None:
    """This page (found by bench/fuzz.py, seed 1, html example 74) makes trafilatura's date search
    (htmldate -> dateparser) load every locale: a one-off ~1.3 CPU-s per process, then fast."""
    path = Path(__file__).resolve().parent.parent / "data" / "slow-html-metadata.html"
    with bounded():
        load(str(path))
    with bounded(0.5, hard=2):
        load(str(path))


def test_repeated_name_linear_time(tmp_path: Path) -> None:
    art = analyse(load(str(repeated_name(tmp_path, 8000))))
    assert sum(len(p.mentions) for p in art.people) >= 16_000
    _grows_linearly(lambda n: repeated_name(tmp_path, n), 8000)


def test_deep_html_keeps_text_or_says_why(tmp_path: Path) -> None:
    with bounded():
        art = analyse(load(str(deep_html(tmp_path))))
    assert "Deep text said Ann Lee." in art.source or art.notices


def test_unreadable_file_even_as_root(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The same case where the tests run as root: the refusal comes from the operating system."""
    import errno

    import reader.ingest.files

    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD)
    (tmp_path / "good.txt").write_text(GOOD)
    real_open = os.open

    def refusing_open(file: object, *args: Any, **kwargs: Any) -> int:
        if str(file) == str(bad):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.ingest.files.os, "open", refusing_open)
    rc, recs, err = _extract(capsys, str(tmp_path))
    assert rc == 1 and err.splitlines() == [f"reader: {bad}: permission denied"]
    assert [Path(r["path"]).name for r in recs] == ["good.txt"]


def test_long_run_of_apostrophes_in_a_name_is_linear() -> None:
    """Found by bench/fuzz.py: the possessive search was quadratic in a run of apostrophes."""
    text = "Title\n\nKim" + "'" * 40_000 + "x Lee said it was fine.\n"
    with bounded(2, hard=6):
        art = analyse(load_bytes("x.txt", text.encode(), "text"))
    assert art.blocks


def test_html_nested_two_thousand_deep_skips_the_quadratic_fallback() -> None:
    """Found by bench/fuzz.py: jusText (trafilatura's fallback) is quadratic in nesting depth."""
    analyse(load_bytes("warm.html", b"<html><body><p>Imports load once.</p></body></html>", "html"))
    page = "<html><body><p></p>" + "<div>" * 2000 + "Deep text said Ann Lee." + "</div>" * 2000
    with bounded(1.0, hard=5):
        art = analyse(load_bytes("deep.html", page.encode(), "html"))
    assert "Deep text said Ann Lee." in art.source
