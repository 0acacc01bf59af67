"""Only regular files are read, by one function, and any analysis failure costs one file (issue 10).

A FIFO or a device in the collection must never block ``reader index``, the
library's refresh or ``reader extract``; those run in a subprocess with a timeout.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import reader
import reader.analysis
from reader.cli import main
from reader.errors import ArticleError
from tests.conftest import ROOT

GOOD = "Good Article\n\nMayor Tom Reyes said \"we are ready\" on Monday. Reyes smiled.\n"
TIMEOUT = 60


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          env=env, timeout=TIMEOUT, stdin=subprocess.DEVNULL)


@pytest.fixture
def with_fifo(tmp_path: Path) -> Path:
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "good.txt").write_text(GOOD)
    os.mkfifo(coll / "pipe.txt")
    return coll


@pytest.mark.parametrize("command", ["index", "extract"])
def test_fifo_is_a_named_failure_never_a_hang(with_fifo: Path, command: str) -> None:
    proc = _reader(command, str(with_fifo))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert "pipe.txt: not a regular file (a FIFO)" in proc.stderr


def test_library_refresh_and_article_on_a_fifo(with_fifo: Path) -> None:
    code = ("import reader, sys\n"
            f"lib = reader.open_library({str(with_fifo)!r})\n"
            "c = lib.refresh()\n"
            "print(c.failed, lib.failures())\n"
            "try:\n    lib.article('pipe.txt')\n"
            "except reader.errors.ArticleError as e:\n    print(e.reason)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["1 [('pipe.txt', 'not a regular file (a FIFO)')]",
                                        "not a regular file (a FIFO)"]


def test_read_regular_refuses_devices_fifos_sockets_and_folders(tmp_path: Path) -> None:
    from reader.ingest import read_regular

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ArticleError, match=r"not a regular file \(a FIFO\)"):
        read_regular(str(tmp_path / "pipe.txt"), 100)
    with pytest.raises(ArticleError, match=r"not a regular file \(a character device\)"):
        read_regular("/dev/null", 100)
    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock_path))
        with pytest.raises(ArticleError, match=r"not a regular file \(a socket\)"):
            read_regular(str(sock_path), 100)
    with pytest.raises(ArticleError, match="is a folder, not a file"):
        read_regular(str(tmp_path), 100)
    (tmp_path / "f.txt").write_bytes(b"x" * 50)
    assert read_regular(str(tmp_path / "f.txt"), 10) == b"x" * 11  # one more than the cap: "truncated"


# -- one analysis-failure policy ----------------------------------------------------------------------

@pytest.fixture
def buggy_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    real = reader.analysis.analyse

    def analyse(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if doc.path.endswith("buggy.txt"):
            raise KeyError("no-such-key")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(reader.analysis, "analyse", analyse)


def _buggy_collection(tmp_path: Path) -> Path:
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "good.txt").write_text(GOOD)
    (coll / "buggy.txt").write_text(GOOD)
    return coll


REASON = "internal error, please report it: KeyError: 'no-such-key'"


def test_analysis_bug_in_extract_is_one_named_failure(tmp_path: Path, buggy_analysis: None,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    coll = _buggy_collection(tmp_path)
    assert main(["extract", str(coll)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"reader: {coll / 'buggy.txt'}: {REASON}"]
    assert len(out.splitlines()) == 1 and "good.txt" in out


def test_analysis_bug_in_refresh_is_one_named_failure(tmp_path: Path, buggy_analysis: None) -> None:
    coll = _buggy_collection(tmp_path)
    with reader.open_library(coll) as lib:
        counts = lib.refresh()
        assert (counts.added, counts.failed) == (1, 1)
        assert lib.failures() == [("buggy.txt", REASON)]
        assert lib.article("good.txt").title
        with pytest.raises(ArticleError, match="KeyError"):
            lib.article("buggy.txt")
