"""Query filters: is:unread / is:read / is:starred, tag:, source:, after:, before:, with and without words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reader
from reader.search.query import Filter, parse


def clip(title: str, date: str, tags: str, source: str, body: str) -> str:
    return (f"---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\nsource: {source}\n---\n\n"
            f"# {title}\n\n{body}\n")


@pytest.fixture
def lib(tmp_path: Path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "rain.md").write_text(clip("Rain returns", "2024-03-02", "drought, Farming", "Field Report",
                                       "The harbour council met about the rain."), encoding="utf-8")
    (root / "ferry.md").write_text(clip("Ferry resumes", "2023-06-10", "transport", "Island Post",
                                        "The harbour ferry runs again."), encoding="utf-8")
    (root / "olive.md").write_text(clip("Olive harvest", "2022-11-20", "farming", "Field Report",
                                        "Growers expect half a harvest."), encoding="utf-8")
    with reader.open_library(root) as library:
        library.refresh()
        yield library


def paths(hits) -> list[str]:
    return sorted(os.path.basename(h.path) for h in hits)


def test_parse_reads_filters_and_keeps_words() -> None:
    q = parse("harbour is:unread tag:farming -source:post after:2023-01-01 before:2024-12-31 tag:")
    assert [t.word for t in q.terms] == ["harbour"]
    assert q.filters == (Filter("is", "unread"), Filter("tag", "farming"), Filter("source", "post", True),
                         Filter("after", "2023-01-01"), Filter("before", "2024-12-31"))
    assert parse("is:bogus").filters == ()
    assert [t.word for t in parse("after:soon").terms] == ["after", "soon"]


def test_filters_alone_and_with_words(lib) -> None:
    assert paths(lib.search("tag:farming")) == ["olive.md", "rain.md"]
    assert paths(lib.search("source:field")) == ["olive.md", "rain.md"]
    assert paths(lib.search("-source:field")) == ["ferry.md"]
    assert paths(lib.search("after:2023-01-01")) == ["ferry.md", "rain.md"]
    assert paths(lib.search("before:2023-01-01")) == ["olive.md"]
    assert paths(lib.search("harbour tag:farming")) == ["rain.md"]
    assert paths(lib.search("harbour after:2024-01-01")) == ["rain.md"]
    newest = [os.path.basename(h.path) for h in lib.search("is:unread")]
    assert newest == ["rain.md", "ferry.md", "olive.md"]  # filters alone: newest first


def test_read_and_starred_filters_follow_user_state(lib) -> None:
    lib.state.set_read("rain.md", True)
    lib.state.set_starred("ferry.md", True)
    assert paths(lib.search("is:unread")) == ["ferry.md", "olive.md"]
    assert paths(lib.search("is:read")) == ["rain.md"]
    assert paths(lib.search("is:starred harbour")) == ["ferry.md"]
    assert paths(lib.search("-is:starred harbour")) == ["rain.md"]
