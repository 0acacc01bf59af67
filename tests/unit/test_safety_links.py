"""Symbolic links that lead outside the collection are not followed unless the user asks (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.cli import main
from reader.errors import ArticleError
from tests.conftest import ROOT

GOOD = "Good Article\n\nMayor Tom Reyes said \"we are ready\" on Monday. Reyes smiled.\n"
OUTSIDE = "symbolic link leads outside the collection; set follow_symlinks = true to read it"


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "folder").mkdir(parents=True)
    (elsewhere / "secret.txt").write_text("Secret Notes\n\nNot part of the collection.\n")
    (elsewhere / "folder" / "deep.txt").write_text("Deep Notes\n\nAlso outside.\n")
    root = tmp_path / "coll"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD)
    (root / "sub" / "inner.txt").write_text("Inner\n\nInside the collection.\n")
    os.symlink(elsewhere / "secret.txt", root / "out.txt")
    os.symlink(elsewhere / "folder", root / "outdir")
    os.symlink(root / "sub" / "inner.txt", root / "alias.txt")  # inside: followed as before
    os.symlink(root, elsewhere / "folder" / "back")  # with following on, a cycle that must end
    return root


def test_extract_skips_outside_links_and_says_why(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(coll)]) == 1
    out, err = capsys.readouterr()
    assert sorted(err.splitlines()) == [f"reader: {coll / 'out.txt'}: {OUTSIDE}",
                                        f"reader: {coll / 'outdir'}: {OUTSIDE}"]
    assert "Secret" not in out and "Deep" not in out
    assert len(out.splitlines()) == 3  # alias.txt, good.txt, sub/inner.txt


def test_extract_follows_them_with_the_flag(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--follow-symlinks", str(coll)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Secret Notes" in out and "Deep Notes" in out


def test_library_skips_them_with_a_notice(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        lib.refresh()
        lib.refresh()
        assert {e.path for e in lib.entries()} == {"alias.txt", "good.txt", "sub/inner.txt"}
        assert sorted(lib.notices) == [f"out.txt: {OUTSIDE}", f"outdir: {OUTSIDE}"]  # once each
        with pytest.raises(ArticleError, match="leads outside the collection"):
            lib.article("out.txt")


def test_library_follows_them_when_told(coll: Path) -> None:
    with reader.open_library(coll, follow_symlinks=True) as lib:
        lib.refresh()
        paths = {e.path for e in lib.entries()}
        assert {"out.txt", "outdir/deep.txt", "good.txt"} <= paths
        assert lib.article("out.txt").title == "Secret Notes"
    with reader.open_library(coll) as lib:  # following off again: the outside files go
        counts = lib.refresh()
        assert counts.removed >= 2
        assert "out.txt" not in {e.path for e in lib.entries()}


def test_config_file_turns_following_on(coll: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader import paths

    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('theme = "nord"\nfollow_symlinks = true\n')
    assert main(["index", str(coll)]) == 0
    assert OUTSIDE not in capsys.readouterr().err
    with reader.open_library(coll) as lib:
        assert lib.entry("out.txt") is not None


def test_a_bad_config_value_is_said_and_not_followed(coll: Path) -> None:
    from reader import paths

    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('follow_symlinks = "yes"\n')
    with reader.open_library(coll) as lib:
        lib.refresh()
        assert lib.entry("out.txt") is None
        assert any("follow_symlinks must be true or false" in n for n in lib.notices)


@pytest.mark.parametrize("command", ["index", "search", "people", "quotes"])
def test_library_commands_take_the_flag(coll: Path, command: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    args = [command, str(coll), "--follow-symlinks"]
    if command == "search":
        args.insert(1, "secret")
    assert main(args) == 0
    assert OUTSIDE not in capsys.readouterr().err


def test_tty_link_followed_on_request_is_a_named_failure(tmp_path: Path) -> None:
    coll = tmp_path / "coll"
    coll.mkdir()
    (coll / "good.txt").write_text(GOOD)
    dev = "/dev/tty" if os.path.exists("/dev/tty") else "/dev/null"
    os.symlink(dev, coll / "tty.txt")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for command in ("index", "extract"):
        proc = subprocess.run([sys.executable, "-m", "reader", command, "--follow-symlinks", str(coll)],
                              capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
        assert "Traceback" not in proc.stderr
        assert proc.returncode == 1, proc.stderr
        assert "tty.txt: not a regular file (a character device)" in proc.stderr
