"""Value objects the library hands out: list rows, refresh counts, quote rows, user state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One row of the list pane: cheap to fetch, no analysis attached."""

    path: str
    title: str
    source: str
    date: str | None
    words: int
    read: bool
    starred: bool
    failed: str | None
    #: how many files hold this article (reader.library.copies): 1 when it has no copies
    copies: int = 1
    #: the paths of the other copies, the one listed first (when this is not it), then by path
    others: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.words < 0:
            raise ValueError("words cannot be negative")
        if self.copies < 1:
            raise ValueError("an article has at least one copy")


@dataclass(frozen=True)
class RefreshCounts:
    """What one refresh did: files added, changed, removed, failed, and left as they were."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    failed: int = 0
    unchanged: int = 0
    #: files renamed or moved inside the collection: (old path, new path), matched by content
    moved: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class QuoteRow:
    """A quote in the collection, with the article it came from."""

    path: str
    title: str
    speaker: str | None
    text: str


@dataclass(frozen=True)
class ArticleState:
    """What the user did with one article."""

    read: bool = False
    starred: bool = False
    position: int = 0

    def __post_init__(self) -> None:
        if self.position < 0:
            raise ValueError("position cannot be negative")
