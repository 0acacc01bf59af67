"""The library: incremental refresh, list rows, cached articles, failures, people and quotes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reader
from reader.errors import ArticleError
from reader.library import Entry, RefreshCounts
from tests.unit.library_fixtures import ARTICLES, write_collection


@pytest.fixture
def coll(tmp_path: Path) -> Path:
    return write_collection(tmp_path / "coll")


def test_refresh_indexes_everything_then_nothing(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        seen: list[tuple[int, int]] = []
        counts = lib.refresh(progress=lambda d, t: seen.append((d, t)))
        assert counts == RefreshCounts(added=len(ARTICLES))
        assert seen[0] == (0, len(ARTICLES)) and seen[-1] == (len(ARTICLES), len(ARTICLES))
        assert lib.count() == len(ARTICLES)
        assert lib.refresh() == RefreshCounts(unchanged=len(ARTICLES))


def test_entries_rows_and_orders(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        lib.refresh()
        rows = lib.entries()
        assert [e.path for e in rows] == sorted(ARTICLES)
        e = lib.entry("ledger/2022/defence-talks.txt")
        assert isinstance(e, Entry)
        assert e.title == "Defence Ministers Meet for Rare Talks in Moscow"
        assert e.source == "ledger" and e.words > 20 and e.failed is None
        assert lib.entries(1, 2) == rows[1:3]
        titles = [x.title for x in lib.entries(order="title")]
        assert titles == sorted(titles, key=str.lower)
        assert lib.entry("nope.txt") is None
        with pytest.raises(ValueError):
            lib.entries(order="bogus")
        newest = lib.entries(limit=1000, order="newest")
        keys = [(e.date or "9999") for e in newest]  # undated files sort by today's file time: first
        assert keys == sorted(keys, reverse=True)
        for order in ("newest", "title", "path"):
            listed = [x.path for x in lib.entries(limit=1000, order=order)]
            assert [lib.index_of(p, order) for p in listed] == list(range(len(listed)))
        assert lib.index_of("nope.txt") is None


def test_changed_removed_and_added_files(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        lib.refresh()
        p = coll / "notes.txt"
        p.write_text("Tea Menu\n\nThe tea room serves scones.\n", encoding="utf-8")
        os.utime(p, ns=(1, 1))
        (coll / "harbor/2021/bridge-opens.md").unlink()
        (coll / "new.txt").write_text("Fresh Title\n\nFresh words here.\n", encoding="utf-8")
        counts = lib.refresh()
        assert (counts.added, counts.changed, counts.removed) == (1, 1, 1)
        assert lib.entry("notes.txt").title == "Tea Menu"  # type: ignore[union-attr]
        assert lib.search("scones ")[0].path == "notes.txt"
        assert not lib.search("crepes ")
        assert not lib.search("Renwick ")


def test_touched_but_same_content_is_unchanged(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        lib.refresh()
        os.utime(coll / "notes.txt", ns=(5, 5))
        counts = lib.refresh()
        assert counts.unchanged == len(ARTICLES) and counts.changed == 0


def test_article_from_cache_equals_fresh_analysis(coll: Path) -> None:
    with reader.open_library(coll) as lib:
        lib.refresh()
        for rel in ARTICLES:
            cached = lib.article(rel)
            fresh = reader.analyse_file(str(coll / rel))
            assert cached == fresh
            assert cached.meta == fresh.meta


def test_failures_recorded_and_retried_when_file_changes(coll: Path) -> None:
    bad = coll / "broken.html"
    bad.write_bytes(b"\x00\x01\x02\x00" * 64)
    with reader.open_library(coll) as lib:
        counts = lib.refresh()
        assert dict(lib.failures()) == {"broken.html": "binary file, not text"}
        assert counts.failed == 1
        assert lib.entry("broken.html").failed  # type: ignore[union-attr]
        with pytest.raises(ArticleError):
            lib.article("broken.html")
        assert lib.refresh().failed == 0  # not retried while unchanged
        bad.write_text("<html><body><article><h1>Now Fine</h1><p>Some text of the article here that is "
                       "long enough to keep.</p></article></body></html>", encoding="utf-8")
        assert lib.refresh().changed == 1
        assert "broken.html" not in dict(lib.failures())


def test_people_and_quotes_match_the_analysis(coll: Path) -> None:
    from collections import Counter

    people: Counter[str] = Counter()
    quotes = []
    for rel in sorted(ARTICLES):
        a = reader.analyse_file(str(coll / rel))
        people.update({p.name for p in a.people if p.listed})  # the collection lists these
        quotes.extend((rel, q.speaker, q.text) for q in a.quotes)
    with reader.open_library(coll) as lib:
        lib.refresh()
        assert dict(lib.people()) == dict(people)
        counts = [n for _, n in lib.people()]
        assert counts == sorted(counts, reverse=True)
        assert len(lib.people(limit=1)) == min(1, len(people))
        assert [(q.path, q.speaker, q.text) for q in lib.quotes()] == quotes
        some = next((s for _, s, _ in quotes if s), None)
        if some:
            picked = lib.quotes(some.split()[-1].lower())
            assert picked and all(q.speaker and some.split()[-1] in q.speaker for q in picked)


def test_pool_path_gives_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.library import refresh as refresh_mod

    monkeypatch.setattr(refresh_mod, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(refresh_mod, "CHUNK", 2)
    coll = write_collection(tmp_path / "c2")
    with reader.open_library(coll) as lib:
        assert lib.refresh().added == len(ARTICLES)
        assert [e.path for e in lib.entries()] == sorted(ARTICLES)


def test_read_only_collection_is_never_written(coll: Path) -> None:
    before = sorted(str(p) for p in coll.rglob("*"))
    for p in [*coll.rglob("*"), coll]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        with reader.open_library(coll) as lib:
            assert lib.refresh().added == len(ARTICLES)
            lib.state.set_read("notes.txt", True)
            assert lib.entry("notes.txt").read  # type: ignore[union-attr]
        assert sorted(str(p) for p in coll.rglob("*")) == before
    finally:
        for p in [coll, *coll.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_single_file_root(coll: Path) -> None:
    with reader.open_library(coll / "notes.txt") as lib:
        lib.refresh()
        assert [e.path for e in lib.entries()] == ["notes.txt"]
        assert lib.article("notes.txt").title == "Cafe Menu"


def test_vanished_root_keeps_the_catalogue(tmp_path: Path) -> None:
    from reader.errors import ReaderError

    coll = write_collection(tmp_path / "coll")
    with reader.open_library(coll) as lib:
        lib.refresh()
        coll.rename(tmp_path / "moved")
        with pytest.raises(ReaderError, match="gone"):
            lib.refresh()
        assert lib.count() == len(ARTICLES)
        (tmp_path / "moved").rename(coll)
        assert lib.refresh().unchanged == len(ARTICLES)
