"""One person across a collection: the names that articles use for them, merged when unambiguous.

Within an article the roster (:mod:`.roster`) already ties "Shoigu" to "Sergei Shoigu".  Across
articles a story may name a person by surname alone ("Trump") while others give the full name
("Donald Trump").  :func:`canonical_names` maps each such short name to the one full name of the
collection that it can stand for, and leaves it alone when it could stand for several people
("Bush" beside "George Bush" and "George W. Bush").  Full names are never merged with each other:
"George Bush" and "George W. Bush" are two people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

# Articles that must give the full name before a surname alone is read as that person: one
# article naming "George Usher" does not make every "Usher" of the collection him.  By hand, looked
# at on a 1,000-article scale collection (15 merges with 1, 3 with 2: the three were right).
MIN_FULL = 2


def _key(word: str) -> str:
    return word.casefold().strip(".,'’")


def canonical_names(articles: Mapping[str, int]) -> dict[str, str]:
    """The canonical name of every name of ``articles`` (name -> number of articles that use it;
    the name itself when it is not merged).

    A one-word name becomes the full name whose last word it is, when exactly one full name of
    the collection ends with it and at least MIN_FULL articles use that full name.
    """
    by_last: dict[str, set[str]] = defaultdict(set)
    for name in articles:
        words = name.split()
        if len(words) >= 2:
            by_last[_key(words[-1])].add(name)
    out: dict[str, str] = {}
    for name in articles:
        words = name.split()
        full = by_last.get(_key(words[0]), set()) if len(words) == 1 else set()
        one = next(iter(full)) if len(full) == 1 else ""
        out[name] = one if one and articles[one] >= MIN_FULL else name
    return out


def merge_counts(doc_names: Mapping[str, Iterable[int]]) -> list[tuple[str, int]]:
    """``(canonical name, number of articles)``, most articles first, from each name's articles.

    An article that names one person twice ("Trump" and "Donald Trump") counts once.
    """
    ids = {name: set(found) for name, found in doc_names.items()}
    names = canonical_names({name: len(found) for name, found in ids.items()})
    docs: dict[str, set[int]] = defaultdict(set)
    for name, found in ids.items():
        docs[names[name]].update(found)
    return sorted(((n, len(d)) for n, d in docs.items()), key=lambda p: (-p[1], p[0]))
