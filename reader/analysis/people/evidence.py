"""Evidence across a whole document that a name is a firm's, or a person's.

The tagger (:mod:`.tagger`) reads one run at a time and takes many firms for people: "Sandoz" in
"Sandoz said ..." looks like a surname.  The document often says what it is elsewhere: "Sandoz
AG", "Drexel Burnham Lambert Inc", "Wertheim and Co" (:func:`firm_words`).  A one-word name that no
full name of the document explains needs a title, a role, a given name, a place among other
people (a team sheet) or a pronoun after it (:func:`person_alone`).  :func:`sure` is stricter
still: whether the document shows a name to be a person's, which the list of a whole
collection asks for (see :attr:`reader.model.Person.listed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.lexicon import ORG_WORDS, PARTICLES, PERSON_NOUNS, ROLE_WORDS, STOP_WORDS, Lexicon
from reader.analysis.people.roster import Found
from reader.analysis.people.tagger import Line
from reader.analysis.people.tokens import Run, Tok

#: capitalised company suffixes ("Skanska AB", "Repsol SA"): evidence of a firm beside a word,
#: too short or too common to be organisation words of their own
CAPS_SUFFIXES = frozenset(
    ["ab", "as", "sa", "asa", "nv", "ag", "spa", "plc", "ltd", "inc", "co", "corp", "cos"]
)
_AND = re.compile(r"[ \t]+(?:and|&|en|et|und)[ \t]+")  # "Van Haften en Co", "Simon et Cie"
_COMMA = re.compile(r",[ \t]+")
_PRONOUN_AFTER = re.compile(r"[^.!?\n]{0,80}?\b(?:he|she|his|her|him|himself|herself)\b")
#: the same within a clause, for the stricter evidence of :func:`shown_person`
_PRONOUN_CLOSE = re.compile(r"[^.!?\n,;]{0,60}?\b(?:he|she|his|her|him|himself|herself)\b")
_NOUN_COMMA = re.compile(r"([a-z]+),[ \t]*$")  # "The elder son, Oisín, ...", "his wife, Maggie"
#: people a block must name for a one-word name in it to count as one more (a team sheet)
CROWD = 3


def firm_words(
    source: str, runs: Sequence[Run], lines: Sequence[Line], taken: set[int], lex: Lexicon
) -> frozenset[str]:
    """Words the document writes beside an organisation word ("Sandoz" of "Sandoz AG", "Drexel" of
    "Drexel Burnham Lambert Inc", "Wertheim" of "Wertheim and Co").

    Runs in a shouted or Title Case line prove nothing, nor runs the rules accept as a person's
    name, nor a party, faith or team word before a given name or a role ("Republican David
    Karnes", "Labour MP ..."); an organisation word that is also a given name ("Glen") is none.
    """
    out: set[str] = set()
    firm = [False] * len(runs)
    for k, run in enumerate(runs):
        line = lines[run.block]
        if line.caps or line.headline or len(run.toks) > 5 or k in taken:
            continue
        toks = run.toks
        firm[k] = any(
            (t.low in ORG_WORDS and t.low not in lex.given and t.low not in lex.given_ambiguous)
            or (t.is_caps and t.low in CAPS_SUFFIXES)
            for t in toks
        )
        if (
            firm[k]
            and len(toks) > 1
            and toks[0].low in ORG_WORDS
            and (toks[1].low in lex.given or toks[1].low in ROLE_WORDS)
        ):
            firm[k] = False
        if firm[k] and len(toks) > 1:
            out.update(_firm_part(run))
    # "Touche Ross and Co", "Stifel, Nicolaus and Co", "Hale Barney, Harris Upham and Co": partners'
    # names before a firm word (a given name and a surname before a comma are a person's)
    for k in range(len(runs) - 1, 0, -1):
        if not firm[k]:
            continue
        i = k - 1
        gap = _AND
        while (
            i >= 0
            and not firm[i]
            and runs[i].block == runs[k].block
            and (gap is _AND or len(runs[i].toks) == 1
                 or (len(runs[i].toks) == 2 and runs[i].toks[0].low not in lex.given))
        ):
            if not gap.fullmatch(source, runs[i].toks[-1].end, runs[i + 1].toks[0].start):
                break
            out.update(_firm_part(runs[i]))
            i, gap = i - 1, _COMMA
    return frozenset(out)


def _firm_part(run: Run) -> list[str]:
    """The words of a firm's run that may name it alone, with the parts of hyphenated ones
    ("alfa" and "romeo" of "Alfa-Romeo SpA")."""
    out = []
    for t in run.toks:
        if (
            t.low not in ORG_WORDS
            and t.low not in STOP_WORDS
            and t.text not in PARTICLES
            and not t.is_initial
        ):
            out.append(t.low)
            if "-" in t.low:
                out.extend(p for p in t.low.split("-") if len(p) > 1)
    return out


def all_firm(name: Sequence[Tok], firms: frozenset[str], known: frozenset[str]) -> bool:
    """Every word of ``name`` (initials and particles aside) is in ``firms`` and none in ``known``
    (the words of names accepted as people's)."""
    words = [t.low for t in name if t.text not in PARTICLES and not t.is_initial]
    return bool(words) and all(w in firms and w not in known for w in words)


def pronoun_after(source: str, p: Found, close: bool = False) -> bool:
    """A personal pronoun follows a mention of ``p`` in the same sentence ("Suharto said he ..."),
    or with ``close`` in the same clause."""
    pattern = _PRONOUN_CLOSE if close else _PRONOUN_AFTER
    return any(pattern.match(source, e) for _, e in p.spans)


def person_alone(source: str, p: Found, lex: Lexicon, crowd: Sequence[int]) -> bool:
    """Whether a one-word name that no full name of the document explains is a person's: it has a
    role or title, it is a given name, it stands in a block that names CROWD people or more (a
    team sheet, a scorecard), a person noun and a comma stand before it ("her son, Oisín") or a
    pronoun follows it ("Avery said it would ..." is the firm)."""
    low = p.words[0].lower()
    if p.role or low in lex.given or low in lex.given_ambiguous:
        return True
    return any(crowd[b] >= CROWD for b in p.blocks) or pronoun_after(source, p) or noun_before(source, p)


def noun_before(source: str, p: Found) -> bool:
    """A lower-case person noun or role and a comma stand before a mention ("her son, Oisín")."""
    for s, _ in p.spans:
        m = _NOUN_COMMA.search(source, max(0, s - 20), s)
        if m and (m.group(1) in PERSON_NOUNS or m.group(1) in ROLE_WORDS):
            return True
    return False


def sure(name: Sequence[Tok], role: str | None, ruled_person: bool, lex: Lexicon,
         lower: frozenset[str] = frozenset()) -> bool:
    """Evidence in one mention that a name is a person's: a role or title before it, or a full name
    that the rules accept on their own, opens with a known given name or with an initial.

    A lower-case noun before one word ("lead manager Kleinwort", "rival Jetstar", "steel producer
    X") is no such evidence unless the word is a given name ("his wife Nancy"): firms, airlines
    and works stand there as often as people.  Nor is a role in capitals ("ADM X": a ticker or an
    acronym that spells a title's abbreviation).
    """
    if role and not role.isupper():  # "ADM Growmark": a word in capitals is no title
        return len(name) > 1 or not role.islower() or _givenish(name[0].low, lex)
    if len(name) < 2:
        return False
    last = name[-1].low
    if ((last in lex.english or last in lower) and last not in lex.surnames and not _givenish(last, lex)
            and not name[-1].is_initial):
        return False  # "Marshall Plan", "Keta Lagoon", "Ryan Milk": an ordinary word ends no surname
    return ruled_person or name[0].low in lex.given or name[0].is_initial


def _givenish(low: str, lex: Lexicon) -> bool:
    low = low.split("-", 1)[0]  # "Anne-Sophie"
    return low in lex.given or low in lex.given_ambiguous


def shown_person(source: str, p: Found) -> bool:
    """Whether the document shows ``p`` to be a person (see :func:`sure`): some mention has
    evidence of its own, a pronoun follows one, or a person noun and a comma precede one."""
    return p.sure or pronoun_after(source, p, close=True) or noun_before(source, p)
