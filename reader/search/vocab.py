"""The vocabulary of a collection and typo-tolerant lookup of query words in it.

Words are kept in buckets by length, so a query word is compared (Levenshtein
distance, rapidfuzz) only with words of nearly its length; a sorted list
answers prefix expansion by bisection.  Built once, shared by every query.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

#: At most this many vocabulary words stand for one query word.
MAX_VARIANTS = 12


def max_edits(word: str) -> int:
    """Typos forgiven for a word of this length: none up to three letters, one up to eight,
    then two.  A four-letter word forgives only a letter left out (see ``fuzzy``)."""
    n = len(word)
    return 0 if n <= 3 else 1 if n <= 8 else 2


def _lengths(n: int, k: int) -> range:
    """Vocabulary word lengths within ``k`` edits of a query word of ``n`` letters.

    A four-letter word is one substitution from many other words (kong/long, hong/song): it
    matches only words one letter longer, as when a letter was left out (huse/house)."""
    return range(5, 6) if n == 4 else range(max(1, n - k), n + k + 1)


class Vocabulary:
    """Words with their document frequency."""

    def __init__(self, counts: Iterable[tuple[str, int]]) -> None:
        self.df: dict[str, int] = {}
        for w, c in counts:
            if w and (not w.isdigit() or len(w) <= 4):
                self.df[w] = c
        self.sorted = sorted(self.df)
        self.by_len: dict[int, list[str]] = {}
        for w in self.sorted:
            self.by_len.setdefault(len(w), []).append(w)
        # typing repeats the same words keystroke after keystroke: remember the answers
        self._fuzzy: dict[str, list[tuple[str, int]]] = {}
        self._prefixed: dict[tuple[str, int], list[str]] = {}
        self._starting: dict[str, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.df)

    def fuzzy(self, word: str) -> list[tuple[str, int]]:
        """(vocabulary word, edits) within the typo budget of ``word``, closest then commonest first."""
        got = self._fuzzy.get(word)
        if got is None:
            if len(self._fuzzy) > 10000:
                self._fuzzy.clear()
            got = self._fuzzy[word] = self._find_fuzzy(word)
        return got

    def _find_fuzzy(self, word: str) -> list[tuple[str, int]]:
        k = max_edits(word)
        found: dict[str, int] = {}
        if word in self.df:
            found[word] = 0
        if k:
            n = len(word)
            for length in _lengths(n, k):
                bucket = self.by_len.get(length)
                if not bucket:
                    continue
                for w, d, _ in process.extract(word, bucket, scorer=OSA.distance,
                                               score_cutoff=k, limit=None):
                    found.setdefault(w, int(d))
        ranked = sorted(found.items(), key=lambda x: (x[1], -self.df.get(x[0], 0)))
        return ranked[:MAX_VARIANTS]

    def prefixed(self, prefix: str, limit: int = MAX_VARIANTS) -> list[str]:
        """The commonest words that start with ``prefix`` (the word itself first when present)."""
        got = self._prefixed.get((prefix, limit))
        if got is None:
            if len(self._prefixed) > 10000:
                self._prefixed.clear()
            got = self._prefixed[(prefix, limit)] = self._find_prefixed(prefix, limit)
        return got

    def starting(self, prefix: str) -> frozenset[str]:
        """Every word that starts with ``prefix`` (kept for the prefixes typed recently)."""
        got = self._starting.get(prefix)
        if got is None:
            if len(self._starting) > 200:
                self._starting.clear()
            got = self._starting[prefix] = frozenset(self._range(prefix))
        return got

    def _range(self, prefix: str) -> list[str]:
        lo = bisect.bisect_left(self.sorted, prefix)
        hi = bisect.bisect_left(self.sorted, prefix + "\U0010ffff")
        return self.sorted[lo:hi]

    def _find_prefixed(self, prefix: str, limit: int) -> list[str]:
        span = self._range(prefix)
        if len(span) > limit:
            span = sorted(span, key=lambda w: -self.df[w])[:limit]
        if prefix in self.df and prefix not in span:
            span = [prefix, *span[: limit - 1]]
        return span
