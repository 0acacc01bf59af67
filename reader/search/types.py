"""What a search returns: a hit with the spans to highlight and where to open the article."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Span


def _check_spans(spans: tuple[tuple[int, int], ...], n: int, what: str) -> None:
    for s, e in spans:
        if not (0 <= s <= e <= n):
            raise ValueError(f"{what} span ({s}, {e}) outside 0..{n}")


@dataclass(frozen=True)
class SearchHit:
    """One article that matches a query.

    ``snippet_spans`` index into ``snippet`` and ``title_spans`` into ``title``
    (half-open); ``first_hit`` is the offset into the article source of the best
    match, or None when only the title or people matched.  ``matches`` holds every
    place in the source where the query matched (when the search was asked for them).
    """

    path: str
    title: str
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...] = ()
    title_spans: tuple[tuple[int, int], ...] = ()
    first_hit: int | None = None
    matches: tuple[Span, ...] = ()
    copies: int = 1  # how many files hold the article (one hit stands for them all)

    def __post_init__(self) -> None:
        if self.copies < 1:
            raise ValueError("an article has at least one copy")
        _check_spans(self.snippet_spans, len(self.snippet), "snippet")
        _check_spans(self.title_spans, len(self.title), "title")
