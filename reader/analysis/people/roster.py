"""Grouping mentions into people: one roster per document, indexed by surname and given name.

A judged name joins the person with the same surname and a compatible given name ("Ben Wallace"
and "Wallace"); a run left over links to a known person when it is part of that person's name.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from reader.analysis.lexicon import PARTICLES, SUFFIXES
from reader.analysis.people.tokens import Tok


@dataclass
class Found:
    """A person being assembled: its longest name form, role and mention spans."""

    words: tuple[str, ...]
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    surname: str = ""
    given: str = ""
    starts: list[int] = field(default_factory=list)  # sorted mention starts
    blocks: set[int] = field(default_factory=set)  # indices of the blocks that mention the person
    sure: bool = False  # some mention has evidence of a person (a title or role, the rules' verdict)

    def mention(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        insort(self.starts, start)

    def last_before(self, pos: int) -> int:
        """Start of the latest mention before ``pos``, or -1."""
        i = bisect_left(self.starts, pos)
        return self.starts[i - 1] if i else -1

    def __post_init__(self) -> None:
        self.surname = surname_of(self.words)
        self.given = self.words[0].lower()


def surname_of(words: tuple[str, ...]) -> str:
    """The last word of a name that is no suffix or initial, lower-cased (the last word if none is)."""
    for w in reversed(words):
        if not initial(w) and w.lower() not in SUFFIXES:
            return w.lower()
    return words[-1].lower()


def initial(w: str) -> bool:
    """An initial such as "J." (a middle initial is never a surname)."""
    return len(w) <= 2 and w[:1].isupper() and w.endswith(".")


class Roster:
    """The people of one document, in order of first mention."""

    def __init__(self) -> None:
        self.people: list[Found] = []
        self._by_surname: dict[str, list[Found]] = {}
        self._by_given: dict[str, list[Found]] = {}

    def _index(self, p: Found) -> None:
        self._by_surname.setdefault(p.surname, []).append(p)
        self._by_given.setdefault(p.given, []).append(p)

    def add(self, toks: tuple[Tok, ...], role: str | None, sure: bool = False) -> None:
        """Record a judged name, joining the most recent compatible person; ``sure`` marks a
        mention with evidence of a person."""
        words = tuple(t.text for t in toks)
        span = (toks[0].start, toks[-1].end)
        surname, given = surname_of(words), words[0].lower()  # a Found's, made only when needed
        match = None
        for p in reversed(self._by_surname.get(surname, [])):
            if (len(words) == 1 or len(p.words) == 1 or p.given == given or _compatible(p.words, words)
                    or _subset(words, p.words) or _subset(p.words, words)):
                match = p
                break
        if match is None and len(words) == 1:
            firsts = [p for p in self._by_given.get(surname, []) if len(p.words) > 1]
            match = firsts[-1] if firsts else None
        if match is None:
            cand = Found(words, role)
            cand.sure = sure
            cand.mention(*span)
            self.people.append(cand)
            self._index(cand)
            return
        match.mention(*span)
        match.sure = match.sure or sure
        if match.role is None:
            match.role = role
        if len(words) > len(match.words):
            if surname == match.surname and given == match.given:
                match.words = words
            elif surname == match.surname:
                self._by_given[match.given].remove(match)
                match.words, match.given = words, given
                self._by_given.setdefault(match.given, []).append(match)

    def knows_any(self, toks: tuple[Tok, ...]) -> bool:
        """Whether some word of ``toks`` is a surname or given name of the roster (else :meth:`link`
        can attach no part of them)."""
        by_surname, by_given = self._by_surname, self._by_given
        for t in toks:
            low = t.text.lower()
            if low in by_surname or low in by_given:
                return True
        return False

    def has_surname(self, low: str) -> bool:
        """Whether a person of the roster has the surname or given name ``low`` (lower case)."""
        return low in self._by_surname or low in self._by_given

    def link(self, toks: list[Tok]) -> bool:
        """Attach a leftover run to a known person when its words are part of that person's name."""
        words = [t for t in toks if t.text not in PARTICLES]
        if not words:
            return False
        lows = [t.text.lower() for t in words]
        if len(words) == 1:
            if words[0].is_caps:  # "CALOI" in a shouted line may be a brand or an acronym
                return False
            w = lows[0]
            owners = [p for p in self._by_surname.get(w, []) if len(p.words) > 1]
            if not owners and w not in self._by_surname:
                firsts = [p for p in self._by_given.get(w, [])
                          if len(p.words) > 1 and not initial(p.words[0])]
                if len(firsts) == 1:
                    owners = firsts
            if owners:
                owner = _nearest(owners, words[0].start)
                own = {x.lower() for x in owner.words}
                first = toks[0] if all(t.low in own for t in toks) else words[0]  # "Ten Hag", "de Gaulle"
                owner.mention(first.start, words[-1].end)
                return True
            return False
        for p in reversed(self._by_surname.get(lows[-1], [])):
            mine = {w.lower() for w in p.words}
            if all(w in mine for w in lows):
                p.mention(toks[0].start, toks[-1].end)
                return True
        return False


def _nearest(owners: list[Found], pos: int) -> Found:
    """The person mentioned most recently before ``pos`` (or the first one)."""
    best = owners[0]
    best_pos = -1
    for p in owners:
        at = p.last_before(pos)
        if at > best_pos:
            best, best_pos = p, at
    return best


def _subset(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every word of ``a`` is in ``b`` ("Van Dijkstra" in "Pieter van Dijkstra")."""
    low = {w.lower() for w in b}
    return all(w.lower() in low for w in a)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person written differently: "John F. Kennedy" and "J. Kennedy"."""
    return a[0][:1].lower() == b[0][:1].lower() and (initial(a[0]) or initial(b[0]))
