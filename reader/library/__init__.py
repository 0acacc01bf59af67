"""The library: a collection folder with its SQLite cache (catalogue, analyses, FTS5) and user state.

Names are imported on first use, so ``reader.library.state`` alone stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library.core import Library, open_library
    from reader.library.state import UserState
    from reader.library.types import ArticleState, Entry, QuoteRow, RefreshCounts
    from reader.search.types import SearchHit

_WHERE = {
    "Library": "reader.library.core",
    "open_library": "reader.library.core",
    "UserState": "reader.library.state",
    "ArticleState": "reader.library.types",
    "Entry": "reader.library.types",
    "QuoteRow": "reader.library.types",
    "RefreshCounts": "reader.library.types",
    "SearchHit": "reader.search.types",
}

__all__ = ["ArticleState", "Entry", "Library", "QuoteRow", "RefreshCounts", "SearchHit", "UserState",
           "open_library"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'reader.library' has no attribute {name!r}")
