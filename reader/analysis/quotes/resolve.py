"""Speakers as people: a parsed name mapped to the people list, organisations left out.

A name maps to the person whose mention lies under it, else to the person with that
surname (the one mentioned last before the quote).  Organisations and groups are no
person.  A named organisation ("The New York Times", "Reuters", "PolitiFact", "the IMF
report") gives its name, kept in ``Resolver.orgs`` so it is marked as one; groups and
common nouns ("Democrats", "Police", "the ministry") give None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.lexicon import CALENDAR, SPEAKER_TITLES, lexicon
from reader.analysis.quotes.attribution import Attr
from reader.analysis.quotes.words import DOC_NOUNS, LEFT_VERBS, ORG_HEADS, word_set
from reader.model import Person

_GROUPS = word_set(
    "critics analysts experts observers residents protesters demonstrators opponents supporters voters "
    "lawmakers legislators sources aides police officials ministers republicans democrats staff"
)
_LINKS = word_set("of and for the on in & de")
_MEDIA = frozenset(
    ["reuters", "bloomberg", "xinhua", "interfax", "tass", "afp", "ap", "ria", "politico", "axios"]
)


class _People:
    """Mentions in source order and a surname index over the people list."""

    def __init__(self, people: Sequence[Person]) -> None:
        ms = sorted((m.span.start, m.span.end, p.name) for p in people for m in p.mentions)
        self.starts = [m[0] for m in ms]
        self.ms = ms
        self.names = {p.name for p in people}
        self.by_name: dict[str, list[int]] = {}
        for s, _, name in ms:
            self.by_name.setdefault(name, []).append(s)
        self.by_key: dict[str, list[str]] = {}
        self.by_word: dict[str, list[str]] = {}
        for p in people:
            words = [_key(w) for w in p.name.split()]
            words = [w for w in words if w and w not in SPEAKER_TITLES]
            if words:
                self.by_key.setdefault(words[-1], []).append(p.name)
                for w in words:
                    self.by_word.setdefault(w, []).append(p.name)

    def last_before(self, pos: int, names: Sequence[str] | None = None) -> str | None:
        if names is None:
            i = bisect.bisect_left(self.starts, pos) - 1
            return self.ms[i][2] if i >= 0 else None
        best, at = None, -1
        for name in names:
            starts = self.by_name[name]
            i = bisect.bisect_left(starts, pos) - 1
            if i >= 0 and starts[i] > at:
                best, at = name, starts[i]
        return best

    def covering(self, start: int, end: int) -> str | None:
        i = bisect.bisect_right(self.starts, end) - 1
        best = None
        while i >= 0 and self.ms[i][1] > start - 60:
            s, e, name = self.ms[i]
            if s < end and e > start:
                best = best or name
            i -= 1
        return best


def _key(word: str) -> str:
    w = word.strip(",.;:!?\"“”'‘’()[]").lower()
    return w.removesuffix("’s").removesuffix("'s")


def _verb(word: str) -> bool:
    """A reporting or naming verb, past or present ("Says", "Slams", "Praised")."""
    w = _key(word)
    if w in lexicon().surnames:
        return False  # "Bill Press"
    if w in LEFT_VERBS:
        return True
    stem = w[:-1] if w.endswith("s") and len(w) > 3 else ""
    return bool(stem) and (
        stem + "ed" in LEFT_VERBS or stem + "d" in LEFT_VERBS or stem + stem[-1] + "ed" in LEFT_VERBS
    )


def _clean_name(text: str) -> list[str]:
    words = text.split()
    # "Jane Doe Slams Plan": a headline verb glued to the name ends it
    cut = next((i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and _verb(w)), len(words))
    words = words[:cut]
    cut = max((i for i, w in enumerate(words[:-1]) if _key(w) in SPEAKER_TITLES), default=-1)
    words = words[cut + 1 :]
    while len(words) > 1 and (_key(words[0]) in SPEAKER_TITLES or _key(words[0]) == "the"):
        words.pop(0)
    while words and _key(words[-1]) in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    return words


def _is_org(raw: str, words: list[str]) -> bool:
    keys = [_key(w) for w in words]
    if (
        raw.split()[0].lower() == "the" or keys[-1] in ORG_HEADS
    ):  # the head noun: "House Speaker Paul Ryan" is a person
        return True
    if all(k in CALENDAR for k in keys):
        return True
    if len(keys) == 1:
        w = words[0].strip(".,")
        k = keys[0]
        if k in _MEDIA or (w.isupper() and len(w) <= 5) or k.endswith(("ans", "ats", "ists", "ites")):
            return True
        if any(c.isupper() for c in w[1:]) and not w.isupper() and not _camel_ok(w):
            return True  # CamelCase brands (PolitiFact, YouTube), not McCain-style names
    return False


def _org_name(raw: str, words: list[str]) -> str | None:
    """The name of an organisation heading ``raw`` ("the IMF report" gives "IMF"), else None
    (a group or a common noun: "Democrats", "Police", "officials")."""
    ws = raw.split()
    if ws and ws[0].lower() == "the":
        ws = ws[1:]
    while len(ws) > 1 and _key(ws[-1]) in DOC_NOUNS:
        ws = ws[:-1]
    ws = [w.strip(",.;:") for w in ws]
    if not ws or not all(w[:1].isupper() or w.lower() in _LINKS for w in ws) or not ws[-1][:1].isupper():
        return None
    key = _key(ws[-1])
    if key in CALENDAR or (len(ws) == 1 and (key in _GROUPS or key.endswith(("ans", "ists", "ites")))):
        return None
    if len(ws) == 1 and (key in SPEAKER_TITLES or len(key) < 2):
        return None  # "one bank CEO told me": a role, not a body
    return " ".join(ws)


def _country(low: str) -> bool:
    """A country's name ("japan"), not a people's ("russian", "chinese", "british")."""
    return low in lexicon().countries and not low.endswith(("ian", "ese", "ish", "can", "ean", "ch", "ss"))


def _plain_word(low: str) -> bool:
    """An ordinary English word that is no given name or surname ("republican", "libertarian")."""
    lex = lexicon()
    return low in lex.english and low not in lex.surnames and low not in lex.given


def _camel_ok(w: str) -> bool:
    return bool(re.match(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le|Van|Von)[A-Z]", w)) or "-" in w


class Resolver:
    def __init__(self, source: str, people: Sequence[Person]) -> None:
        self.source = source
        self.marks: frozenset[str] = frozenset()  # the marks body quotes are written in (find_quotes)
        self.seen: dict[str, bool] = {}
        self.idx = _People(people)
        self.last: str | None = None  # who the last reporting clause named ("he said" refers to it)
        self.spoke = False
        self.last_at = -1  # where the quote of the last reporting clause starts
        self.block_start = 0  # where the block being read starts
        self.orgs: set[str] = set()  # speakers that are organisations, not people

    def name(self, attr: Attr, pos: int) -> str | None:
        words = _clean_name(attr.text)
        if not words:
            return None
        key = _key(words[-1])
        shout = len(words) == 1 and words[0].isupper() and key in self.idx.by_key  # "PENCE:" in a transcript
        # "the Daily Ledger said": a name after a lower-case "the" is no person
        the = self.source[max(0, attr.start - 4) : attr.start] == "the "
        the = the and _key(attr.text.split()[0]) not in SPEAKER_TITLES
        if not shout and (the or _is_org(attr.text, words)):
            # also when the people list holds it: "the White House said" has no person
            org = _org_name(attr.text, words)
            if org is not None:
                self.orgs.add(org)
            return org
        hit = self.idx.covering(attr.start, attr.start + len(attr.text))
        if hit and key in {_key(w) for w in hit.split()}:
            return hit
        cands = self.idx.by_key.get(key) or self.idx.by_word.get(key)
        if cands:
            return self.idx.last_before(pos, cands) or cands[0]
        if all(_key(w) in SPEAKER_TITLES for w in words):
            return None  # "Senior Vice President": a role, not a name
        if len(words) == 1 and self._common(words[0].strip(",.;:")):
            return None  # "Pressure mounted ...": a common word, capitalised as it opens a sentence
        if len(words) == 1 and _country(words[0].strip(",.;:").lower()):
            self.orgs.add(words[0].strip(",.;:"))  # "Japan said": a state speaks
            return words[0].strip(",.;:")
        if len(words) == 1 and _plain_word(words[0].strip(",.;:").lower()):
            return None  # "The Republican nominee said": a word, not a name
        return " ".join(words).strip(",.;:")

    def _common(self, word: str) -> bool:
        low = word.lower()
        if low not in self.seen:
            self.seen[low] = (
                low != word and re.search(r"\b" + re.escape(low) + r"\b", self.source) is not None
            )
        return self.seen[low]

    def person(self, speaker: str | None) -> str | None:
        """``speaker`` when it is a person, None for an organisation."""
        return None if speaker in self.orgs else speaker

    def attr(self, attr: Attr, pos: int) -> str | None:
        if attr.kind == "name":
            return self.name(attr, pos)
        if attr.kind == "pronoun" and attr.text in ("he", "she"):
            if not self.spoke:
                return self.idx.last_before(pos)
            i = bisect.bisect_left(self.idx.starts, pos) - 1
            if i >= 0 and self.idx.starts[i] >= self.block_start > self.last_at:
                return self.idx.ms[i][2]  # a person named in this paragraph, before any speaker in it
            return self.last
        return None
