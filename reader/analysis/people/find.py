"""People: names found in the shown blocks, mentions of one person grouped together.

Pass 1 judges every run of capitalised words on its own evidence (see :mod:`.judge`);
then clean full names are accepted when they stand in a list beside accepted people ("A, B and
C") or when their surname alone is a speaker elsewhere ("... Akram said").  Pass 2 links the
runs left over ("Wallace", "Wallace's", "de Blasio", a given name alone) to a person already
found (see :mod:`.roster`).  Mentions never overlap and never include titles, roles or a
possessive 's; a role seen before a name ("Defense Minister") becomes the person's role.
In a text that is not English a name needs a given name, a role, a saying verb or its surname
alone elsewhere (see :mod:`.foreign`), since German capitalises every noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.lexicon import ORG_WORDS, TITLE_CASE_MINOR, lexicon
from reader.analysis.people.foreign import not_english
from reader.analysis.people.judge import SAID, Verdict, judge, name_part
from reader.analysis.people.roster import Roster
from reader.analysis.people.tokens import Run, runs_in
from reader.model import Block, BlockKind, Mention, Person, Span

_LOWER = re.compile(r"(?<![\w'’.-])[a-z]+(?![\w'’-])")




def _headline(block: Block) -> bool:
    """Title Case text (every long word capitalised), where capitals are no evidence of a name."""
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        return True
    words = block.text.split()
    if len(words) < 3 or len(words) > 20 or block.text.count(",") > 1:
        return False
    if words[0][:1].isdigit() or words[-1][:1].isdigit():  # a row of a results table
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w in TITLE_CASE_MINOR for w in words)


def find_people(source: str, blocks: Sequence[Block]) -> list[Person]:
    """Every person named in ``blocks`` (shown blocks only), mentions in source order."""
    lex = lexicon()
    runs: list[Run] = []
    flags: list[tuple[bool, bool, bool]] = []
    for i, b in enumerate(blocks):
        runs.extend(runs_in(b.text, b.span.start, i))
        flags.append((b.kind is BlockKind.CAPTION, b.kind is BlockKind.BYLINE, _headline(b)))
    joined = "\n".join(b.text for b in blocks)
    lower = frozenset(_LOWER.findall(joined))
    foreign = not_english(joined)
    roster = Roster()
    taken: set[int] = set()
    verdicts = []
    for k, run in enumerate(runs):
        cap, byl, head = flags[run.block]
        v = judge(run, source, lex, lower, caption=cap, byline=byl, headline=head, foreign=foreign)
        verdicts.append(v)
        if v.person:
            taken.add(k)
    _said_surnames(source, verdicts, taken)
    if foreign:
        _surname_alone(verdicts, taken)
    _repeated_given(source, runs, verdicts, taken, lower)
    _lists(source, runs, verdicts, taken)
    for k in sorted(taken):
        roster.add(verdicts[k].name, verdicts[k].role)
    if not roster.people:
        return []
    for k, run in enumerate(runs):
        if k not in taken:
            _, toks = name_part(run, lex, drop_common=False, foreign=foreign)
            if toks and not roster.link(toks) and len(toks) > 1 and toks[0].low in lex.english:
                roster.link(toks[1:])  # "Later Qadrani said"
    out = []
    for p in roster.people:
        if p.spans:
            spans = sorted(set(p.spans))
            ms = tuple(Mention(Span(s, e), source[s:e]) for s, e in spans)
            out.append(Person(" ".join(p.words), ms, p.role))
    out.sort(key=lambda p: p.mentions[0].span.start)
    return out


_LIST_GAP = re.compile(r"\s*(?:,|;|&|and|,\s*and)\s*")


def _lists(source: str, runs: list[Run], verdicts: list[Verdict], taken: set[int]) -> None:
    """Accept a listable name that stands in a list ("A, B and C") next to an accepted person.

    One pass left to right and one right to left carry acceptance along a whole list.
    """
    n = len(runs)
    for order, step in ((range(1, n), -1), (range(n - 2, -1, -1), 1)):
        for k in order:
            j = k + step
            v, w = verdicts[k], verdicts[j]
            if k in taken or j not in taken or not v.listable or not w.name or runs[j].block != runs[k].block:
                continue
            a, b = (v.name[-1].end, w.name[0].start) if j > k else (w.name[-1].end, v.name[0].start)
            if a <= b and _LIST_GAP.fullmatch(source, a, b):
                taken.add(k)


def _said_surnames(source: str, verdicts: list[Verdict], taken: set[int]) -> None:
    """Accept a clean full name whose last word alone is a speaker elsewhere ("... Akram said")."""
    speakers = {v.name[0].low for v in verdicts
                if len(v.name) == 1 and SAID.match(source[v.name[0].end:v.name[0].end + 20])}
    if speakers:
        for k, v in enumerate(verdicts):
            if k not in taken and v.listable and v.name[-1].low in speakers:
                taken.add(k)


def _surname_alone(verdicts: list[Verdict], taken: set[int]) -> None:
    """Outside English: accept a weak full name whose last word also stands alone elsewhere."""
    alone = {v.name[0].low for v in verdicts if len(v.name) == 1}
    for k, v in enumerate(verdicts):
        if v.weak and k not in taken and v.name[-1].low in alone:
            taken.add(k)


def _repeated_given(source: str, runs: list[Run], verdicts: list[Verdict], taken: set[int],
                    lower: frozenset[str]) -> None:
    """A lone given name used three times or more ("Hayley", "Klaus"), never like a place."""
    lex = lexicon()
    seen: dict[str, list[int]] = {}
    placelike: set[str] = set()
    for k, v in enumerate(verdicts):
        if k not in taken and len(v.name) == 1 and not v.name[0].is_caps:
            w = v.name[0].low
            if (w in lex.given and w not in lex.english and w not in lex.places and w not in lower
                    and w not in lex.surnames and w not in ORG_WORDS):
                seen.setdefault(w, []).append(k)
                if _PLACE_BEFORE.search(source, max(0, v.name[0].start - 6), v.name[0].start):
                    placelike.add(w)
    for w, ks in seen.items():
        if len(ks) >= 3 and sum(not runs[k].sentence_start for k in ks) >= 2 and w not in placelike:
            taken.update(ks)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from)[ \u00a0]$", re.I)
