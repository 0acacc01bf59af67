"""The query language.

    plain words      fuzzy and typo tolerant; all must match (in any field)
    last word        while it is being typed (no trailing space) it also matches as a prefix
    "exact phrase"   the words in this order ("word": this word, no typos forgiven)
    person:shoigu    a person named in the article
    said:wallace     a speaker of a quote
    title:word       a word in the title
    -word            leave out articles with this word
    is:unread        only articles not read yet (is:read, is:starred too)
    tag:NAME         a front-matter tag;  source:NAME  the source (front matter, site, top folder)
    after:2024-01-31 dated on or after that day; before:2024-01-31 dated before it
                     (the article's date, else the day its file last changed)
    -is:starred ...  a filter with a minus leaves those articles out
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.search.fold import WORD, fold

FIELDS = {"person": "people", "people": "people", "said": "speakers", "title": "title"}
FILTERS = ("is", "tag", "source", "after", "before")
_STATES = ("unread", "read", "starred")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Filter:
    """A condition on the article rather than its words: ``is:unread``, ``tag:farming``..."""

    key: str
    value: str
    negated: bool = False
_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class Term:
    """One query word: folded text, the field it is limited to (or None), prefix allowed."""

    word: str
    field: str | None = None
    prefix: bool = False
    exact: bool = False  # a quoted single word: no typo tolerance


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    phrases: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...]
    filters: tuple[Filter, ...] = ()

    @property
    def empty(self) -> bool:
        """No words to match (there may still be filters)."""
        return not self.terms and not self.phrases


def parse(text: str) -> Query:
    """Parse a query as typed; never raises."""
    text = fold(text)
    typing = bool(text) and not text[-1].isspace()
    terms: list[Term] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[str] = []
    filters: list[Filter] = []
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        neg, field, phrase, plain = m.group(1), m.group(2), m.group(3), m.group(4)
        is_last = i == len(matches) - 1 and typing
        if field is None and plain is not None and plain.endswith(":") and plain[:-1] in FILTERS:
            continue  # "tag:" still being typed
        if field in FILTERS:
            value = (phrase if phrase is not None else plain or "").strip()
            if _valid(field, value):
                filters.append(Filter(field, value, bool(neg)))
                continue
            if not value:  # "tag:" still being typed
                continue
        if field is not None and field not in FIELDS:
            plain = f"{field} {plain or phrase or ''}"
            field = None
            phrase = None
        target = FIELDS.get(field) if field else None
        if phrase is not None:
            ws = tuple(WORD.findall(phrase))
            if neg:
                excluded.extend(ws)
            elif len(ws) > 1:
                phrases.append(ws)
            elif ws:
                terms.append(Term(ws[0], target, False, exact=True))
            continue
        pws = WORD.findall(plain or "")
        for j, w in enumerate(pws):
            if neg:
                excluded.append(w)
            else:
                terms.append(Term(w, target, is_last and j == len(pws) - 1 and not text.endswith(":")))
    return Query(tuple(terms), tuple(phrases), tuple(excluded), tuple(filters))


def _valid(key: str, value: str) -> bool:
    if key == "is":
        return value in _STATES
    if key in ("after", "before"):
        return bool(_DATE.fullmatch(value))
    return bool(value)
