"""Exit codes: ``reader index`` fails while any file fails; the app exits non-zero after a crash."""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

import reader.analysis
from reader.cli import main
from reader.commands import app as app_cmd
from tests.unit.library_fixtures import write_collection

GOOD = "Good Article\n\nMayor Tom Reyes said \"we are ready\" on Monday. Reyes smiled.\n"
REASON = "internal error, please report it: KeyError: 'no-such-key'"


@pytest.fixture
def buggy_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    real = reader.analysis.analyse

    def analyse(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if doc.path.endswith("buggy.txt"):
            raise KeyError("no-such-key")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(reader.analysis, "analyse", analyse)


def test_index_exits_1_on_every_run_while_a_file_fails(tmp_path: Path, buggy_analysis: None,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    coll = write_collection(tmp_path / "coll", {"good.txt": GOOD, "buggy.txt": GOOD})
    assert main(["index", str(coll)]) == 1
    first = capsys.readouterr()
    assert "1 added" in first.out and "1 failed, 0 unchanged" in first.out
    assert main(["index", str(coll)]) == 1
    again = capsys.readouterr()
    assert "0 added, 0 changed, 0 removed, 1 failed, 1 unchanged" in again.out
    assert f"buggy.txt: {REASON}" in again.err
    (coll / "buggy.txt").unlink()
    assert main(["index", str(coll)]) == 0
    assert "1 removed, 0 failed, 1 unchanged" in capsys.readouterr().out


class _FakeApp:
    """Stands in for ReaderApp (no Textual here): run() returns normally, as Textual's does."""

    code: int | None = 0
    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, root: Path, **kwargs: Any) -> None:
        self.made.append({"root": root, **kwargs})
        self.return_code: int | None = None

    def run(self) -> None:
        self.return_code = self.code


@pytest.mark.parametrize(("code", "expected"), [(0, 0), (None, 0), (1, 1), (3, 3)])
def test_app_exit_status_follows_the_apps_return_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      code: int | None, expected: int) -> None:
    fake = types.ModuleType("reader.ui.app")
    fake.ReaderApp = type("App", (_FakeApp,), {"code": code, "made": []})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.ui.app", fake)
    ns = argparse.Namespace(path=str(tmp_path), theme=None, follow_symlinks=False)
    assert app_cmd.run(ns) == expected


def test_the_app_says_a_missing_path_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    assert main([str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "not a folder" not in err
    (tmp_path / "file.txt").write_text("x\n", encoding="utf-8")
    assert main([str(tmp_path / "file.txt")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("reader ")
