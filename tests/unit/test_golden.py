"""Golden JSON lines: ``reader extract`` over ``sample_articles/`` gives exactly the stored output.

After an intended change of the analysis, regenerate with
``READER_UPDATE_GOLDEN=1 pytest tests/unit/test_golden.py`` and read the diff before committing.
"""

from __future__ import annotations

import os

import pytest

from reader.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "sample_articles.jsonl"


def test_extract_matches_golden(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["extract", "--format", "jsonl", "sample_articles"]) == 0
    out = capsys.readouterr().out
    if os.environ.get("READER_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert out.splitlines() == expected.splitlines()
