"""File names that are not UTF-8 (issue 10): stored losslessly, shown escaped, usable everywhere.

On Linux such a name comes back from os.fsdecode with lone surrogates
(``b"x\\xff.txt"`` is ``"x\\udcff.txt"``); that string is the path the library
hands out and accepts again, and ``\\xff`` is how it is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from tests.conftest import ROOT

BODY = b"Harbour Strike Ends\n\nUnion leader Marta Kowalczyk said \"we are done here\" on Monday.\n"
NAME = "x\udcff.txt"  # os.fsdecode(b"x\xff.txt")
FOLDER_FILE = "d\udcfe/inner.md"


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    root = tmp_path / "coll"
    root.mkdir()
    raw = os.fsencode(root)
    with open(raw + b"/x\xff.txt", "wb") as f:
        f.write(BODY)
    os.mkdir(raw + b"/d\xfe")
    with open(raw + b"/d\xfe/inner.md", "wb") as f:
        f.write(b"# Inner Story\n\nMayor Tobias Renwick said \"this is fine\" today.\n")
    with open(raw + b"/bin\xfa.txt", "wb") as f:
        f.write(b"\0\1\2\0" * 50)  # fails: its name must still be stored and shown
    (root / "plain.txt").write_text("Plain Story\n\nNothing about harbours here.\n")
    return root


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_library_stores_and_returns_the_same_path(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        counts = lib.refresh()
        assert (counts.added, counts.failed) == (3, 1)
        paths = [e.path for e in lib.entries(0, 10)]
        assert set(paths) == {NAME, FOLDER_FILE, "plain.txt", "bin\udcfa.txt"}
        assert lib.failures() == [("bin\udcfa.txt", "binary file, not text")]
        entry = lib.entry(NAME)
        assert entry is not None and entry.title == "Harbour Strike Ends"
        assert lib.article(NAME).title == "Harbour Strike Ends"
        hits = lib.search("kowalczyk ")
        assert [h.path for h in hits] == [NAME]
        assert lib.article(hits[0].path).quotes
        assert {q.path for q in lib.quotes()} == {NAME, FOLDER_FILE}
        lib.state.set_starred(NAME, True)
        lib.state.set_read(FOLDER_FILE, True)
        assert lib.state.starred() == [NAME]
    with reader.open_library(coll) as lib:  # the same rows and marks after reopening
        assert lib.refresh().unchanged == 4
        assert lib.entry(NAME).starred  # type: ignore[union-attr]
        assert lib.entry(FOLDER_FILE).read  # type: ignore[union-attr]
        assert not lib.entry("plain.txt").starred  # type: ignore[union-attr]
        os.unlink(os.fsencode(coll) + b"/x\xff.txt")
        assert lib.refresh().removed == 1
        assert lib.entry(NAME) is None


def test_every_command_works_and_shows_the_name_escaped(coll: Path) -> None:
    index = _reader("index", str(coll))
    assert "Traceback" not in index.stderr
    assert index.returncode == 1  # bin\xfa.txt is binary
    assert "4 articles" in index.stdout and "1 failed" in index.stdout
    assert "reader: bin\\xfa.txt: binary file, not text" in index.stderr

    search = _reader("search", "kowalczyk", str(coll))
    assert search.returncode == 0, search.stderr
    assert "x\\xff.txt" in search.stdout
    jsonl = _reader("search", "kowalczyk", str(coll), "--format", "jsonl")
    assert jsonl.returncode == 0, jsonl.stderr
    assert json.loads(jsonl.stdout.splitlines()[0])["path"] == NAME  # lossless, as extract's JSON

    people = _reader("people", str(coll))
    assert people.returncode == 0, people.stderr
    assert "Kowalczyk" in people.stdout

    quotes = _reader("quotes", str(coll))
    assert quotes.returncode == 0, quotes.stderr
    assert "x\\xff.txt\tMarta Kowalczyk\t" in quotes.stdout and "d\\xfe/inner.md" in quotes.stdout

    extract = _reader("extract", str(coll))
    assert extract.returncode == 1
    assert "Traceback" not in extract.stderr
    recs = [json.loads(line) for line in extract.stdout.splitlines()]
    assert str(coll / NAME) in {r["path"] for r in recs}
    assert extract.stderr.splitlines() == [f"reader: {coll}/bin\\xfa.txt: binary file, not text"]


def test_collection_folder_with_such_a_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/coll\xe9"
    os.mkdir(raw)
    with open(raw + b"/a.txt", "wb") as f:
        f.write(BODY)
    with reader.open_library(os.fsdecode(raw)) as lib:
        assert lib.refresh().added == 1
        assert lib.article("a.txt").title == "Harbour Strike Ends"
    proc = _reader("index", os.fsdecode(raw))
    assert proc.returncode == 0, proc.stderr
    assert "coll\\xe9" in proc.stdout
