"""Search: the query language, typo-tolerant word lookup, ranking and snippets."""

from __future__ import annotations

from reader.search.query import Query, Term, parse
from reader.search.types import SearchHit

__all__ = ["Query", "SearchHit", "Term", "parse"]
