"""Row sources for the article list: the whole collection paged from the library, or search hits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.library import Entry, Library, SearchHit


@dataclass(frozen=True, slots=True)
class Row:
    """What one list line shows; ``title_spans`` are matches in the title to highlight."""

    path: str
    title: str
    source: str = ""
    date: str = ""
    words: int = 0
    read: bool = False
    starred: bool = False
    failed: bool = False
    title_spans: tuple[tuple[int, int], ...] = ()
    first_hit: int | None = None
    snippet: str = ""  # a search hit's passage (from a shown block), drawn under the title
    snippet_spans: tuple[tuple[int, int], ...] = ()
    copies: int = 1  # files that hold this article; the row is the one shown first (its best copy)
    others: tuple[str, ...] = ()  # the paths of the other copies

    @property
    def paths(self) -> tuple[str, ...]:
        """This row's file and its copies: a read or star mark is set on all of them."""
        return (self.path, *self.others)


def display_title(title: str) -> tuple[str, int]:
    """A title for the list: a Markdown heading's leading '#'s dropped; returns (title, chars cut)."""
    stripped = title.lstrip("#")
    if stripped != title and stripped.startswith(" "):
        cut = len(title) - len(stripped.lstrip())
        return title[cut:], cut
    return title, 0


class RowSource(Protocol):
    """What the article list shows: a count and rows by index (the collection, or search hits)."""

    def count(self) -> int: ...

    @property
    def lines(self) -> int: ...

    def row(self, index: int) -> Row | None: ...

    def reset(self) -> None: ...

    def patch(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None: ...


def row_from_entry(entry: Entry) -> Row:
    return Row(
        path=entry.path, title=display_title(entry.title or entry.path)[0], source=entry.source or "",
        date=entry.date or "", words=int(entry.words or 0), read=bool(entry.read),
        starred=bool(entry.starred), failed=bool(entry.failed), copies=entry.copies, others=entry.others,
    )


@dataclass
class LibrarySource:
    """All entries, fetched a page at a time and cached until :meth:`reset`."""

    library: Library
    page_size: int = 100
    order: str = "newest"
    unread_only: bool = False
    _count: int | None = None
    _pages: dict[int, list[Row]] = field(default_factory=dict)

    lines = 1  # lines per row in the list

    def count(self) -> int:
        if self._count is None:
            self._count = int(self.library.count(unread_only=self.unread_only))
        return self._count

    def row(self, index: int) -> Row | None:
        if not 0 <= index < self.count():
            return None
        page = index // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            if len(self._pages) > 50:
                self._pages.clear()
            entries = self.library.entries(offset=page * self.page_size, limit=self.page_size,
                                           order=self.order, unread_only=self.unread_only)
            rows = self._pages[page] = [row_from_entry(e) for e in entries]
        i = index - page * self.page_size
        return rows[i] if i < len(rows) else None

    def reset(self) -> None:
        self._count = None
        self._pages.clear()

    def patch(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None:
        """Update a cached row (the one of ``path`` or of a copy of it) after a state change
        without refetching."""
        for rows in self._pages.values():
            for i, r in enumerate(rows):
                if path in r.paths:
                    rows[i] = _patched(r, read, starred)


@dataclass
class HitsSource:
    """Search results, best first, joined with the library's entries for state."""

    library: Library
    query: str
    rows: list[Row]
    total: int | None = None  # how many articles match every word (the rows may be fewer)

    @classmethod
    def from_hits(cls, library: Library, query: str, hits: list[SearchHit]) -> HitsSource:
        rows = []
        for hit in hits:
            entry = library.entry(hit.path)
            base = row_from_entry(entry) if entry is not None else Row(path=hit.path, title=hit.title)
            title, cut = display_title(hit.title or base.title)
            spans = tuple((max(a - cut, 0), max(b - cut, 0)) for a, b in (hit.title_spans or ()))
            rows.append(Row(
                path=base.path, title=title, source=base.source, date=base.date,
                words=base.words, read=base.read, starred=base.starred, failed=base.failed,
                title_spans=spans,
                first_hit=hit.first_hit,
                snippet=hit.snippet or "", snippet_spans=tuple(hit.snippet_spans or ()),
                copies=base.copies, others=base.others,
            ))
        return cls(library, query, rows)

    @property
    def lines(self) -> int:
        """Lines per row in the list: the title, and the snippet under it when there is one."""
        return 2 if any(r.snippet for r in self.rows) else 1

    def count(self) -> int:
        return len(self.rows)

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def reset(self) -> None:
        return None

    def patch(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None:
        self.rows = [_patched(r, read, starred) if path in r.paths else r for r in self.rows]


def _patched(row: Row, read: bool | None, starred: bool | None) -> Row:
    return replace(row, read=row.read if read is None else read,
                   starred=row.starred if starred is None else starred)
