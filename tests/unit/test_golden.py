"""A format guard for ``reader extract``: its JSON lines over ``sample_articles/`` keep the golden shape.

The golden file (tests/golden/sample_articles.jsonl) is compared for its format only: the same
records (paths, in sorted order), the same keys at each level (record, block, person, quote), every
value of a type the golden file has for that key, and the span invariants of CONTRACT.md
(``text == source[start:end]``, blocks in order and apart, spans inside the source). The analysis
values in it (which block is hidden, who the people are, who said what) are NOT certified here;
tests/unit/test_gold_samples.py checks those against hand-made gold annotations (tests/gold/).

After an intended change of the format (a new key, a new sample article), regenerate with
``READER_UPDATE_GOLDEN=1 pytest tests/unit/test_golden.py`` and read the diff before committing.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.ingest import load
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "sample_articles.jsonl"
LEVELS = ("record", "block", "person", "quote")


def _extract(tmp: Path) -> str:
    """``reader extract --format jsonl sample_articles`` run from the project root, its stdout."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("CACHE", "DATA", "CONFIG"):
            mp.setenv(f"READER_{name}_DIR", str(tmp / name.lower()))
        mp.chdir(ROOT)
        with contextlib.redirect_stdout(out):
            assert main(["extract", "--format", "jsonl", "sample_articles"]) == 0
    return out.getvalue()


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _type(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _items(records: Iterable[dict[str, Any]], level: str) -> Iterable[dict[str, Any]]:
    for r in records:
        if level == "record":
            yield r
        else:
            # a record without the list is the record level's failure, not a KeyError here
            yield from r.get({"block": "blocks", "person": "people", "quote": "quotes"}[level], [])


def _shape(records: list[dict[str, Any]], level: str) -> tuple[set[str], dict[str, set[str]]]:
    """Keys present in every item of a level, and the value types seen for each key."""
    items = list(_items(records, level))
    required = set.intersection(*(set(i) for i in items)) if items else set()
    types: dict[str, set[str]] = {}
    for i in items:
        for key, value in i.items():
            types.setdefault(key, set()).add(_type(value))
    return required, types


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = _extract(tmp_path_factory.mktemp("extract"))
    if os.environ.get("READER_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    return _records(out)


@pytest.fixture(scope="module")
def golden(extracted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The golden file, read after ``extracted`` (which rewrites it under READER_UPDATE_GOLDEN=1)."""
    return _records(GOLDEN.read_text(encoding="utf-8"))


def test_same_records_in_sorted_order(extracted: list[dict[str, Any]], golden: list[dict[str, Any]]) -> None:
    paths = [r["path"] for r in extracted]
    assert paths == sorted(paths)
    assert paths == [r["path"] for r in golden]


@pytest.mark.parametrize("level", LEVELS)
def test_same_keys_and_value_types(level: str, extracted: list[dict[str, Any]],
                                   golden: list[dict[str, Any]]) -> None:
    want_required, want_types = _shape(golden, level)
    required, types = _shape(extracted, level)
    assert want_required <= required, f"{level}: keys missing from some items: {want_required - required}"
    new_keys = set(types) - set(want_types)
    assert not new_keys, f"{level}: keys the golden file never has: {new_keys}"
    for key, seen in types.items():
        new_types = seen - want_types[key]
        assert not new_types, f"{level}.{key}: types {new_types} not in the golden file"


def test_spans_per_record_as_golden(extracted: list[dict[str, Any]], golden: list[dict[str, Any]]) -> None:
    """Blocks carry start/end exactly for the records (file types) that carry them in the golden file."""
    def spans(r: dict[str, Any]) -> bool:
        return all("start" in b and "end" in b for b in r["blocks"])

    assert {r["path"]: spans(r) for r in extracted} == {r["path"]: spans(r) for r in golden}


def test_span_invariants(extracted: list[dict[str, Any]]) -> None:
    for r in extracted:
        source = load(str(ROOT / r["path"])).source
        n = len(source)
        end = 0
        for b in r["blocks"]:
            assert isinstance(b["hidden"], bool) and b["text"], (r["path"], b)
            if b["kind"] == "boilerplate":
                assert b["hidden"], (r["path"], b)
            if "start" in b:
                assert end <= b["start"] < b["end"] <= n, (r["path"], b)
                assert source[b["start"]:b["end"]] == b["text"], (r["path"], b)
                end = b["end"]
        for p in r["people"]:
            assert p["name"].strip() and p["mentions"], (r["path"], p)
            starts = [m[0] for m in p["mentions"]]
            assert starts == sorted(starts), (r["path"], p["name"])
            for m in p["mentions"]:
                assert len(m) == 2 and 0 <= m[0] < m[1] <= n, (r["path"], p["name"], m)
        for q in r["quotes"]:
            assert 0 <= q["start"] < q["end"] <= n, (r["path"], q)
            assert source[q["start"]:q["end"]] == q["text"], (r["path"], q)
