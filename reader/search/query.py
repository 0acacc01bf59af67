"""The query language.

    plain words      fuzzy and typo tolerant; all must match (in any field)
    last word        while it is being typed (no trailing space) it also matches as a prefix
    "exact phrase"   the words in this order ("word": this word, no typos forgiven)
    person:shoigu    a person named in the article
    said:wallace     a speaker of a quote
    title:word       a word in the title
    -word            leave out articles with this word
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.search.fold import WORD, fold

FIELDS = {"person": "people", "people": "people", "said": "speakers", "title": "title"}
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

    @property
    def empty(self) -> bool:
        return not self.terms and not self.phrases


def parse(text: str) -> Query:
    """Parse a query as typed; never raises."""
    text = fold(text)
    typing = bool(text) and not text[-1].isspace()
    terms: list[Term] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[str] = []
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        neg, field, phrase, plain = m.group(1), m.group(2), m.group(3), m.group(4)
        is_last = i == len(matches) - 1 and typing
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
    return Query(tuple(terms), tuple(phrases), tuple(excluded))
