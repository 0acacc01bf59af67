"""Huge documents: the lines past BULK_UNITS are body text in bulk, spans exact."""

from __future__ import annotations

import pytest

import reader.analysis.boilerplate.classify as boilerplate
from reader.analysis.boilerplate.classify import classify_lines
from reader.model import BlockKind

K = BlockKind


def test_lines_past_the_limit_are_body_joined_into_paragraph_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "BULK_UNITS", 30)
    monkeypatch.setattr(boilerplate, "BULK_CHARS", 100)
    lines = [f"entry {n} of the log: share this" for n in range(200)]
    src = "Home\n\n" + "\n".join(lines[:100]) + "\n\n\n" + "\r\n".join(lines[100:]) + "\n"
    out = classify_lines(src)
    bulk = [x for x in out if x[0] >= src.index(lines[29])]
    assert all(k is K.BODY and r == "" for _, _, k, r in bulk)
    covered = "".join(src[s:e] for s, e, _, _ in out)
    assert all(line in covered for line in lines)
    for s, e, _, _ in bulk:
        assert e - s <= 100 or "\n" not in src[s:e]
        assert "\n\n" not in src[s:e] and "\n\r\n" not in src[s:e]
    assert any("\n" in src[s:e] for s, e, _, _ in bulk), "consecutive lines are joined"
    prev = 0
    for s, e, _, _ in out:
        assert prev <= s < e
        prev = e


def test_markdown_headings_in_bulk_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "BULK_UNITS", 5)
    src = "".join(f"line {n}\n" for n in range(10)) + "## Part two\nmore text\nand more\n"
    got = {src[s:e]: k for s, e, k, _ in classify_lines(src, markdown=True)}
    assert got["Part two"] is K.HEADING
    assert got["more text\nand more"] is K.BODY


def test_a_huge_file_of_short_lines_is_all_there() -> None:
    src = "".join(f"row {n} share on twitter\n" for n in range(boilerplate.BULK_UNITS + 5000))
    out = classify_lines(src)
    assert sum(src[s:e].count("\n") + 1 for s, e, _, _ in out) == boilerplate.BULK_UNITS + 5000
    assert len(out) < boilerplate.BULK_UNITS + 5000
