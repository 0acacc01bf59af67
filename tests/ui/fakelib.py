"""An in-memory stand-in for reader.library.Library with the same API, for UI tests."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import reader
from reader.errors import ReaderError


@dataclass
class Entry:
    path: str
    title: str
    source: str
    date: str
    words: int
    read: bool
    starred: bool
    failed: bool


@dataclass
class Hit:
    path: str
    title: str
    score: float
    snippet: str
    snippet_spans: list[tuple[int, int]]
    title_spans: list[tuple[int, int]]
    first_hit: int | None


@dataclass
class ArticleState:
    read: bool = False
    starred: bool = False
    position: int = 0


@dataclass
class State:
    states: dict[str, ArticleState] = field(default_factory=dict)
    choices: dict[tuple[str, str], str] = field(default_factory=dict)

    def get(self, path: str) -> ArticleState:
        return self.states.setdefault(path, ArticleState())

    def set_read(self, path: str, value: bool) -> None:
        self.get(path).read = value

    def set_starred(self, path: str, value: bool) -> None:
        self.get(path).starred = value

    def set_position(self, path: str, value: int) -> None:
        self.get(path).position = value

    def block_choice(self, path: str, text: str) -> str | None:
        return self.choices.get((path, text))

    def set_block_choice(self, path: str, text: str, choice: str | None) -> None:
        if choice is None:
            self.choices.pop((path, text), None)
        else:
            self.choices[(path, text)] = choice


class FakeLibrary:
    def __init__(self, root: Path, n_virtual: int = 0) -> None:
        self.root = root
        self.state = State()
        self.notices: list[str] = []
        self._articles: dict[str, reader.Article] = {}
        self._failures: list[tuple[str, str]] = []
        self.n_virtual = n_virtual

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> tuple[int, ...]:
        files = sorted(p for p in self.root.rglob("*") if p.suffix in (".txt", ".md", ".html"))
        for i, f in enumerate(files):
            rel = str(f.relative_to(self.root))
            try:
                self._articles[rel] = reader.analyse_file(str(f))
            except ReaderError as exc:
                self._failures.append((rel, str(exc)))
            if progress:
                progress(i + 1, len(files))
        return (len(self._articles), 0, 0, len(self._failures), 0)

    def count(self) -> int:
        return len(self._articles) + self.n_virtual

    def _entry(self, path: str) -> Entry:
        if path.startswith("virtual/"):
            return Entry(path, f"Virtual article {path[8:]}", "bench", "2024-01-01", 900, False, False, False)
        a = self._articles[path]
        st = self.state.get(path)
        return Entry(path, a.title or path, a.meta.get("site", ""), a.meta.get("date", ""),
                     a.word_count, st.read, st.starred, False)

    def entries(self, offset: int = 0, limit: int = 100, *, order: str = "path") -> list[Entry]:
        paths = sorted(self._articles)
        out = [self._entry(p) for p in paths[offset:offset + limit]]
        start = max(offset - len(paths), 0)
        while len(out) < limit and start < self.n_virtual:
            out.append(self._entry(f"virtual/{start:07d}"))
            start += 1
        return out

    def entry(self, path: str) -> Entry | None:
        return self._entry(path) if path in self._articles or path.startswith("virtual/") else None

    def article(self, path: str) -> reader.Article:
        return self._articles[path]

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        q = query.lower().removeprefix("person:").strip('" ')
        hits = []
        for path, a in sorted(self._articles.items()):
            title = a.title or path
            found = a.source.lower().find(q)
            if found >= 0:
                t = title.lower().find(q)
                spans = [(t, t + len(q))] if t >= 0 else []
                hits.append(Hit(path, title, 1.0, "", [], spans, found))
        return hits[:limit]

    def failures(self) -> list[tuple[str, str]]:
        return list(self._failures)

    def people(self, limit: int | None = None) -> list[tuple[str, int]]:
        return []


@contextlib.contextmanager
def open_fake(root: Path) -> Iterator[FakeLibrary]:
    yield FakeLibrary(root)
