"""The library: a collection folder with its SQLite cache (catalogue, analyses, FTS5) and user state."""

from __future__ import annotations

from reader.library.core import Library, open_library
from reader.library.state import UserState
from reader.library.types import ArticleState, Entry, QuoteRow, RefreshCounts
from reader.search.types import SearchHit

__all__ = ["ArticleState", "Entry", "Library", "QuoteRow", "RefreshCounts", "SearchHit", "UserState",
           "open_library"]
