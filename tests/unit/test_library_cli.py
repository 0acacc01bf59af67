"""The library commands: index, search, people, quotes (run in-process through reader.cli.main)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.unit.library_fixtures import ARTICLES, write_collection


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    return write_collection(tmp_path / "coll")


def test_index_reports_counts_and_failures(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (coll / "bad.txt").write_bytes(b"\0\1\2\0" * 50)
    assert main(["index", str(coll)]) == 1
    out, err = capsys.readouterr()
    assert f"{len(ARTICLES) + 1} articles" in out and "1 failed" in out
    assert "bad.txt: binary file, not text" in err
    assert main(["index", str(coll)]) == 1  # still failing: every run says so
    assert "unchanged" in capsys.readouterr().out


def test_search_jsonl(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "shoygu", str(coll), "--format", "jsonl", "--limit", "3"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["path"] == "ledger/2022/defence-talks.txt"
    s, e = lines[0]["snippet_spans"][0]
    assert lines[0]["snippet"][s:e].lower() == "shoigu"
    assert main(["search", "zzzzqqq", str(coll)]) == 1


def test_people_and_quotes_commands(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["people", str(coll)]) == 0
    people = capsys.readouterr().out
    assert main(["quotes", str(coll)]) == 0
    quotes = capsys.readouterr().out
    assert "close to zero" in quotes
    for line in people.splitlines():
        n, name = line.split(None, 1)
        assert int(n) >= 1 and name.strip()


def test_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "nope")]) == 1
    assert "nope: no such file or folder" in capsys.readouterr().err


def test_default_path_is_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    assert "sample_articles" in capsys.readouterr().out


def test_core_commands_never_import_textual() -> None:
    # checked in a subprocess: other tests in this process may have imported Textual
    import os
    import subprocess

    root = Path(__file__).resolve().parents[2]
    code = ("import sys; from reader.cli import main; main(['search', 'x']); "
            "sys.exit(1 if any(m.startswith(('textual', 'rich')) for m in sys.modules) else 0)")
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}
    env.update({k: v for k, v in os.environ.items() if k.startswith("READER_")})
    assert subprocess.run([sys.executable, "-c", code], env=env, capture_output=True).returncode == 0


def test_index_counts_a_broken_symbolic_link_as_failed(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.cli import main

    coll = tmp_path / "c"
    coll.mkdir()
    (coll / "a.txt").write_text("A short note about the harbour.\n", encoding="utf-8")
    (coll / "gone.txt").symlink_to(coll / "nowhere.txt")
    assert main(["index", str(coll)]) == 1
    out = capsys.readouterr()
    assert "1 failed" in out.out
    assert "gone.txt" in out.err and "broken symbolic link" in out.err
