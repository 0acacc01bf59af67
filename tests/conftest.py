"""Shared fixtures: every config, data and cache folder points into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "moscow-times-uk-russia-ties.txt"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CACHE", "DATA", "CONFIG"):
        d = tmp_path / f"_reader_{name.lower()}"
        monkeypatch.setenv(f"READER_{name}_DIR", str(d))
