"""People: names found in the shown blocks, mentions of one person grouped together.

Pass 1 judges every run of capitalised words (see :mod:`people_judge`); pass 2 links the
runs left over ("Wallace", "Wallace's", "Sheridan") to a person found in pass 1 by surname,
given name or a shorter form of the full name.  Mentions never overlap and never include
titles, roles or a possessive 's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.people_judge import Verdict, judge, name_part
from reader.analysis.people_lexicon import PARTICLES, SUFFIXES, lexicon
from reader.analysis.people_runs import Run, Tok, runs_in
from reader.model import Block, BlockKind, Mention, Person, Span


@dataclass
class _Found:
    """A person being assembled: its longest name form, role and mention spans."""

    words: tuple[str, ...]
    role: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    surname: str = ""
    given: str = ""

    def __post_init__(self) -> None:
        self.rename(self.words)

    def rename(self, words: tuple[str, ...]) -> None:
        """Take a longer form of the name; the surname is its last word that is no initial or suffix."""
        self.words = words
        core = [w for w in words if w.lower() not in SUFFIXES and not _initial(w)]
        self.surname = core[-1].lower() if core else words[-1].lower()
        self.given = words[0].lower()


_LOWER = re.compile(r"(?<![\w'’.-])[a-z]+(?![\w'’-])")


def _initial(w: str) -> bool:
    return len(w) <= 2 and w[:1].isupper() and w.endswith(".")


def _headline(block: Block) -> bool:
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        return True
    words = block.text.split()
    if len(words) < 2 or len(words) > 20 or block.text.rstrip().endswith((".", "!", "?", ":")):
        return False
    if block.text.count(",") > 1:  # a list of names, not a headline
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.75 * len(words)


def find_people(source: str, blocks: Sequence[Block]) -> list[Person]:
    """Every person named in ``blocks`` (shown blocks only), mentions in source order."""
    lex = lexicon()
    runs: list[Run] = []
    flags: list[tuple[bool, bool, bool]] = []
    for i, b in enumerate(blocks):
        runs.extend(runs_in(b.text, b.span.start, i))
        flags.append((b.kind is BlockKind.CAPTION, b.kind is BlockKind.BYLINE, _headline(b)))
    lower = frozenset(_LOWER.findall("\n".join(b.text for b in blocks)))
    people: list[_Found] = []
    taken: set[int] = set()
    verdicts = []
    for k, run in enumerate(runs):
        cap, byl, head = flags[run.block]
        v = judge(run, source, lex, lower, caption=cap, byline=byl, headline=head)
        verdicts.append(v)
        if v.person:
            taken.add(k)
    _lists(source, runs, verdicts, taken)
    for k in sorted(taken):
        _add(people, verdicts[k].name, verdicts[k].role)
    if not people:
        return []
    for k, run in enumerate(runs):
        if k not in taken:
            _, toks = name_part(run, lex, drop_common=False)
            if toks:
                _link(people, toks, lex.english)
    out = []
    for p in people:
        if p.spans:
            spans = sorted(set(p.spans))
            ms = tuple(Mention(Span(s, e), source[s:e]) for s, e in spans)
            out.append(Person(" ".join(p.words), ms, p.role))
    out.sort(key=lambda p: p.mentions[0].span.start)
    return out


_LIST_GAP = re.compile(r"\s*(?:,|;|&|and|,\s*and)\s*")


def _lists(source: str, runs: list[Run], verdicts: list[Verdict], taken: set[int]) -> None:
    """Accept a listable name that stands in a list ("A, B and C") next to an accepted person."""
    changed = True
    while changed:
        changed = False
        for k, v in enumerate(verdicts):
            if k in taken or not v.listable or not v.name:
                continue
            for j in (k - 1, k + 1):
                if j in taken and 0 <= j < len(runs) and runs[j].block == runs[k].block and verdicts[j].name:
                    a, b = (v.name[-1].end, verdicts[j].name[0].start) if j > k else (
                        verdicts[j].name[-1].end, v.name[0].start)
                    if a <= b and _LIST_GAP.fullmatch(source, a, b):
                        taken.add(k)
                        changed = True
                        break


def _add(people: list[_Found], toks: tuple[Tok, ...], role: str | None) -> None:
    """Record a judged name: join a person with the same surname and compatible given name."""
    words = tuple(t.text for t in toks)
    span = (toks[0].start, toks[-1].end)
    cand = _Found(words, role)
    match = None
    for p in reversed(people):
        if p.surname == cand.surname and (
            len(words) == 1 or len(p.words) == 1 or p.given == cand.given or _compatible(p.words, words)
            or _subset(words, p.words) or _subset(p.words, words)
        ):
            match = p
            break
        if len(words) == 1 and p.given == cand.surname and len(p.words) > 1:
            match = p
            break
    if match is None:
        people.append(cand)
        cand.spans.append(span)
        return
    if len(words) > len(match.words):
        match.rename(words)
    if match.role is None:
        match.role = role
    match.spans.append(span)


def _subset(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every word of ``a`` is in ``b`` ("Van Dijkstra" in "Pieter van Dijkstra")."""
    low = {w.lower() for w in b}
    return all(w.lower() in low for w in a)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person written differently: "John F. Kennedy" and "John Kennedy", "J. Kennedy"."""
    return a[0][:1].lower() == b[0][:1].lower() and (_initial(a[0]) or _initial(b[0]))


def _link(people: list[_Found], toks: list[Tok], english: frozenset[str]) -> None:
    """Attach a leftover run to a known person when its words are part of that person's name."""
    words = [t for t in toks if t.text not in PARTICLES]
    if not words:
        return
    lows = [t.text.lower() for t in words]
    if len(words) == 1:
        w = lows[0]
        owners = [p for p in people if p.surname == w and len(p.words) > 1]
        if not owners:
            firsts = [p for p in people if p.given == w and len(p.words) > 1 and not _initial(p.words[0])]
            if len(firsts) == 1 and not any(p.surname == w for p in people):
                owners = firsts
        if owners:
            owner = _nearest(owners, words[0].start)
            own = {x.lower() for x in owner.words}
            first = toks[0] if all(t.low in own for t in toks) else words[0]  # "Ten Hag", "de Gaulle"
            owner.spans.append((first.start, words[-1].end))
        return
    for p in reversed(people):
        mine = [w.lower() for w in p.words]
        if all(w in mine for w in lows) and lows[-1] == p.surname:
            p.spans.append((toks[0].start, toks[-1].end))
            return


def _nearest(owners: list[_Found], pos: int) -> _Found:
    """The person mentioned most recently before ``pos`` (or first after it)."""
    best = owners[0]
    best_pos = -1
    for p in owners:
        before = [s for s, _ in p.spans if s < pos]
        if before and max(before) > best_pos:
            best, best_pos = p, max(before)
    return best
