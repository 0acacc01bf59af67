"""Judge one run of capitalised words: which part is a name, what role precedes it, is it a person.

Evidence for: a known given name first, a title or role before ("Dr.", "Defense Minister",
"striker"), a known surname last, saying verbs or ", 34," after, a photo credit.
Evidence against: organisation and place words, sentence-initial common words, all-caps words,
months and days, Title Case headlines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.analysis.lexicon import (
    CALENDAR,
    DAYS,
    DEPARTMENTS,
    FAMILY_FIRST,
    FIRM_NAMES,
    HONORIFICS,
    NOT_DEMONYMS,
    ORG_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    PLACE_PREFIXES,
    ROLE_WORDS,
    STOP_WORDS,
    SUFFIXES,
    SURNAME_ENDINGS,
    Lexicon,
)
from reader.analysis.people.foreign import is_role, said_near, trim
from reader.analysis.people.tokens import Run, Tok

# After a name: saying verbs, ", who", an age; " ," allows tokenised text ("Smith , 34 ,").
_AFTER = re.compile(
    r"^ ?(?:'s|’s)?(?: ?, who\b| ?,? (?:said|says|told|added|wrote|explained|asked|replied|announced|"
    r"argued|insisted|noted|recalled|believes|thinks|was born|died)\b| ?, (?:\d{1,3} ?,|aged \d)|"
    r"\s\( ?(?:born|b\.|\d{4}|aged|\d{1,3} ?\)))"
)
_NOUNS = "|".join(sorted(ROLE_WORDS - DEPARTMENTS | PERSON_NOUNS))
_APPOSITIVE = re.compile(rf"^ ?, (?:a|an|the|his|her|their) (?:[\w-]+ ){{0,3}}?(?:{_NOUNS})\b")
SAID = re.compile(r"^ ?(?:'s|’s)? ?,? (?:said|says|told|added|asked|replied|explained|wrote)\b")
_ROLE_OF = re.compile(r"(?:[A-Z][\w.'’-]*[ \u00a0])+(?:of|for)[ \u00a0](?:the[ \u00a0])?$")
_PLAIN_HONORIFICS = frozenset(["mr", "mrs", "ms", "dr", "sir", "dame", "prof"])
# Results tables: "1. Anna Kowal (Poland) 7:30.32", "Anna Kowal 45.2".
_TABLE_AFTER = re.compile(r"^ ?(?:\( ?[A-Z][\w. ]{1,24}\) ?)?\d[\d.:,]*(?:\s|$)")
_RANK_BEFORE = re.compile(r"(?:^|\n)\s*\d{1,3}[.)]?\s+$")
_ROLE_COMMA = re.compile(r"((?:[A-Z][\w.-]* ){0,3}([A-Z][\w-]*)), $")
_BEFORE_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]$")
# Words just before a name that make it a person's: "said", "according to", "wife of", then a
# space or a no-break space (and a newline, which ``$`` allows): tested with ``endswith``.
_SAID_WORDS = ("said", "says", "told", "according to", "asked", "by", "married", "son of", "daughter of",
               "wife of")
_BEFORE_SAID = tuple(w + sp + nl for w in _SAID_WORDS for sp in (" ", "\u00a0") for nl in ("", "\n"))
_CREDIT_AFTER = re.compile(r"^\s*(?:/|for |via |\|)")
_SLASH_CREDIT = re.compile(r"^ ?/ ?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?\s*(?:\n|$)")
_CREDIT_BEFORE = re.compile(r"(?:photo|photograph|image|picture|credit|©)s?(?: by)?:?\s*$", re.I)


class Verdict(NamedTuple):
    """The name part of a run, the role words before it, and whether it is a person on its own."""

    name: tuple[Tok, ...]
    role: str | None
    person: bool
    listable: bool = False  # a person if it stands in a list beside people ("A, B and C")
    weak: bool = False  # a name in a text that is not English, short of a person on its own


def name_part(run: Run, lex: Lexicon, drop_common: bool,
              foreign: bool = False) -> tuple[list[Tok], list[Tok]]:
    """Split a run into (role tokens, name tokens); leading stop words are dropped.

    ``foreign`` marks a text that is not English (see :mod:`.foreign`).
    """
    toks = trim(list(run.toks), lex.given, foreign)
    role: list[Tok] = []
    first = True
    while toks:
        low = toks[0].low
        if low in HONORIFICS or (_role(low, foreign) and len(toks) > 1):
            if low in lex.given and len(toks) > 1 and toks[1].low not in ROLE_WORDS and not role:
                break  # "Dean Smith", "Earl Jones": a given name, not a title
            role.append(toks.pop(0))
        elif low in STOP_WORDS or (toks[0].is_caps and len(toks) > 1 and low not in lex.given):
            role.clear()
            toks.pop(0)
        elif low in lex.places and len(toks) > 1 and (toks[1].low in ROLE_WORDS or toks[1].low in HONORIFICS):
            role.append(toks.pop(0))
        elif (drop_common and first and run.sentence_start and len(toks) > 1 and low in lex.english
              and low not in lex.given and (low not in lex.surnames or toks[1].low in lex.given)):
            toks.pop(0)
        else:
            break
        first = False
    # cut at the first word that cannot be part of a name
    for i, t in enumerate(toks):
        if t.is_initial:
            continue
        month = t.low in CALENDAR and (i == 0 or toks[i - 1].low not in lex.given or t.low in DAYS)
        stop = (t.low in STOP_WORDS and t.low not in CALENDAR) or t.low.endswith(("n't", "n’t"))
        if month or stop or (t.is_caps and i > 0 and t.low not in SUFFIXES):
            toks = toks[:i]
            break
    if drop_common and len(toks) > 2:
        # "Supreme Court Justice Antonin Scalia": the name follows the last title word
        last_role = -1
        for i, t in enumerate(toks[:-1]):
            if not _not_name(t.low, lex):
                break
            if (t.low in ROLE_WORDS and t.low not in DEPARTMENTS) or t.low in HONORIFICS:
                last_role = i
        if last_role >= 0:
            role.extend(toks[:last_role + 1])
            toks = toks[last_role + 1:]
    if drop_common and len(toks) > 2 and (not _givenish(toks[0].low, lex) or toks[0].low in lex.places):
        # "Seminole County Sheriff Don Eslinger", "Minnesotan Scott LeDoux": the name starts
        # at the first given name when nothing before it is one
        for i in range(1, len(toks) - 1):
            if toks[i].low in lex.given:
                prefix = toks[:i]
                if prefix[0].low in PLACE_PREFIXES or not all(_not_name(t.low, lex) for t in prefix):
                    break
                toks = toks[i:]
                if any(t.low in ROLE_WORDS or t.low in HONORIFICS for t in prefix):
                    role.extend(prefix)
                break
            if _givenish(toks[i].low, lex) and toks[i].low not in ROLE_WORDS:
                break
    while toks and toks[-1].text in PARTICLES:
        toks.pop()
    return role, toks


def judge(run: Run, text: str, lex: Lexicon, lower: frozenset[str], *,
          caption: bool, byline: bool, headline: bool, foreign: bool = False) -> Verdict:
    """Decide whether a run names a person.

    ``text`` is the whole source (the run's spans index into it); ``lower`` holds the words
    the document also writes in lower case, which are ordinary words there.
    """
    if len(run.toks) > 12:  # a Title Case line or a table row, not a name
        return Verdict((), None, False)
    role_toks, toks = name_part(run, lex, drop_common=True, foreign=foreign)
    if len(toks) > 1 and any(t.low in ORG_WORDS for t in toks[1:]):
        return Verdict(tuple(toks), None, False)
    # "Barack Obama Election Day", "Hillary Clinton Speaks": ordinary words after a name
    while len(toks) > 2 and (toks[-1].low in lower or (headline and toks[-1].low in lex.english
                                                         and toks[-1].low not in lex.given)):
        toks = toks[:-1]
    while toks and toks[-1].text in PARTICLES:
        toks = toks[:-1]
    if not toks or all(t.text in PARTICLES for t in toks):
        return Verdict((), None, False)
    before = text[max(0, toks[0].start - 40):toks[0].start]
    after = text[toks[-1].end:toks[-1].end + 60]
    role, noun_role = _role_text(text, role_toks, before, foreign, lex)
    words = [t for t in toks if t.text not in PARTICLES]
    lows = [t.low for t in words]
    name = tuple(toks)
    if _not_a_name(words, lows, role_toks, lex):
        return Verdict(name, role, False)
    titled = noun_role or any(t.low in HONORIFICS or (_role(t.low, foreign) and t.low not in DEPARTMENTS)
                              for t in role_toks)
    if foreign and toks[0].text.islower():  # "consejera de Obras", "Secretaria de Saúde"
        titled = False
    if len(words) == 1:  # (one word asks for no context below)
        ok = _single(words[0], role_toks, titled, before, after, lex, lower)
        return Verdict(name, role, ok and not headline)
    said = bool(_AFTER.match(after) or before.endswith(_BEFORE_SAID) or _APPOSITIVE.match(after)
                or (foreign and said_near(before, after)))
    context = said or bool(_TABLE_AFTER.match(after) or _rank_before(before))
    first, last = lows[0], lows[-1]
    given = first in lex.given or ("-" in first and first.split("-", 1)[0] in lex.given)
    given_amb = first in lex.given_ambiguous
    surname = last in lex.surnames
    common = [w for w in lows[1:] if w in lex.english and w not in lex.given and w not in lex.surnames]
    if first in lex.english and not _givenish(first, lex) and first not in lex.surnames:
        common.append(first)
    placey = first in lex.places or last in lex.places
    if last in lex.countries and not titled and not context:  # "Odessa American", "Tate Britain"
        return Verdict(name, role, False)
    odd_end = last.endswith(SURNAME_ENDINGS) and len(last) > 4 and last not in lex.english
    credit = ((caption and (bool(_CREDIT_AFTER.match(after)) or bool(_CREDIT_BEFORE.search(before))))
              or bool(_SLASH_CREDIT.match(after)))
    if credit and len(words) <= 3:
        ok = not common and not placey
    elif headline:
        ok = given and surname and not common and not placey
    elif titled or (byline and (given or before.endswith(("By ", "by ")))):
        ok = (given or given_amb or odd_end or not any(w in lex.english for w in lows[1:]))
        ok = ok and len(common) < len(lows) and first not in ORG_WORDS
        ok = ok and (first not in lex.places or (given and surname and last not in lex.english))
    elif len(lows) == 2 and last in lower and last not in lex.given:
        ok = context and not run.sentence_start
    elif first in lex.places:
        ok = (given and surname and last not in lex.english and last not in lex.places
              and not _demonym(first))
    elif given:
        ok = not placey or surname
    elif given_amb:
        ok = not common and not placey and (not run.sentence_start or context)
        ok = ok and (context or last not in lex.english)
    elif len(lows) > 2 and any(w in lex.given for w in lows[1:-1]):
        ok = not common and not placey
    else:
        ok = (context or odd_end) and not common and not placey
        ok = ok and first not in lex.english and last not in lex.english
    if not ok and first in FAMILY_FIRST and len(lows) <= 3 and not headline:  # "Wang Yi", "Moon Jae-in"
        ok = not any(w in lex.english or w in lower or w in lex.places or w in ORG_WORDS for w in lows[1:])
    listable = (2 <= len(words) <= 3 and not headline and not placey and first not in lex.places
                and (last not in lex.english or last in lex.surnames) and last not in lower
                and first not in lower)
    if foreign and ok and not (given or titled or said or credit):  # German capitalises nouns
        return Verdict(name, role, False, listable, weak=True)
    return Verdict(name, role, ok, listable)


def _rank_before(before: str) -> bool:
    """A rank before a name ("1. ", "12) " at a line's start); the search only runs when the text
    before ends in white space after a digit, "." or ")", as every match does."""
    end = before.rstrip()[-1:]
    if end == before[-1:] or not (end.isdecimal() or end in ".)"):
        return False
    return _RANK_BEFORE.search(before) is not None


def _before_word(before: str) -> str:
    """The word of letters just before a name and one space ("drummer" in "the drummer "), or "".

    The same as ``_BEFORE_WORD.search(before)``: a search anchored at the end tries every start,
    so the text is cut at the last space before that word first (letters hold no space).
    """
    end = len(before) - 1 if before.endswith("\n") else len(before)  # ``$`` allows a last newline
    if before[end - 1:end] not in (" ", "\u00a0"):
        return ""
    k = max(before.rfind(" ", 0, end - 1), before.rfind("\u00a0", 0, end - 1))
    m = _BEFORE_WORD.search(before, k + 1)
    return m.group(1) if m else ""


def _role(low: str, foreign: bool) -> bool:
    return low in ROLE_WORDS or (foreign and is_role(low))


def _role_text(text: str, role_toks: list[Tok], before: str, foreign: bool,
               lex: Lexicon) -> tuple[str | None, bool]:
    """The role before a name, and whether it is a lower-case person noun ("drummer")."""
    if not role_toks:
        w = _before_word(before)
        if (w in ROLE_WORDS and w not in DEPARTMENTS) or w in PERSON_NOUNS or (foreign and is_role(w)):
            return w, True  # "drummer", "alcalde": a lower-case word only
        # "Britain's Foreign Secretary, Liz Truss" (every match ends in ", ")
        m = _ROLE_COMMA.search(before) if before.endswith((", ", ", \n")) else None
        if (m and m.group(2).lower() in ROLE_WORDS and m.group(2).lower() not in DEPARTMENTS
                and not (m.group(1) != m.group(2) and m.group(1).split()[0].lower() in lex.given)):
            return m.group(1), False  # (not "Robert Bishop, X": a person's name before the comma)
        return None, False
    role = " ".join(t.text for t in role_toks)
    # "Secretary of State Antony Blinken": the role began before "of"
    start = role_toks[0].start
    lo = max(0, start - 40)
    # every match ends in "of ", "for " or "the " (a space or a no-break space, then maybe a newline)
    end = start - 1 if start > lo and text[start - 1] == "\n" else start
    tail = text[max(lo, end - 3):end]
    m = (_ROLE_OF.search(text, lo, start)
         if tail[-1:] in (" ", "\u00a0") and tail[:2] in ("of", "or", "he") else None)
    if m and any(w.lower().rstrip(".") in ROLE_WORDS for w in m.group().split()):
        start = m.start()
        for w in m.group().split():
            if w.lower() in STOP_WORDS or w.endswith(("'s", "’s")):
                start = text.index(w, start) + len(w) + 1  # "The", "U.K.'s" are no part of it
            else:
                break
        role = text[start:role_toks[-1].end]
    return role, False


def _not_a_name(words: list[Tok], lows: list[str], role_toks: list[Tok], lex: Lexicon) -> bool:
    """Organisation and place shapes, firms, all-caps words: never a person."""
    if len(lows) == 1:  # what the tests below come to for one word
        return lows[0] in FIRM_NAMES
    first, last = lows[0], lows[-1]
    if any(w in ORG_WORDS for w in lows[1:-1]) or len(words) > 4:
        return True
    if last in ORG_WORDS and len(lows) > 1 and not (role_toks and len(lows) == 2 and first in lex.given):
        return True
    if (first in ORG_WORDS or first in PLACE_PREFIXES) and len(lows) > 1 and not role_toks:
        return True
    if " ".join(lows) in FIRM_NAMES:
        return True
    core = [t for t in words if t.low not in SUFFIXES]
    if len(core) == 1 and len(words) > 1 and not role_toks:  # "Coleman II" alone is no evidence
        return True
    return any(t.is_caps for t in words) and not all(t.is_initial or t.low in SUFFIXES for t in words[1:])


def _single(tok: Tok, role_toks: list[Tok], titled: bool, before: str, after: str,
            lex: Lexicon, lower: frozenset[str]) -> bool:
    """A one-word name needs a title ("Mr. Brown", "President Obama") or to be a known speaker."""
    w = tok.low
    if tok.is_caps or tok.is_initial:
        return False
    if titled and _plausible_single(w, lex):
        return True
    # "Ms Truss", "Mr. Brown": an honorific makes even an ordinary word a surname
    if (any(t.low in HONORIFICS and not t.is_caps for t in role_toks) and w not in STOP_WORDS
            and w not in ROLE_WORDS and (w not in lex.english or role_toks[-1].low in _PLAIN_HONORIFICS)):
        return True
    said = bool(SAID.match(after)) or before.endswith(("said ", "told "))
    known = w in lex.surnames or w.endswith(SURNAME_ENDINGS) or w in lex.given
    return said and known and _plausible_single(w, lex) and w not in lower


def _plausible_single(low: str, lex: Lexicon) -> bool:
    return (low not in lex.places and low not in ORG_WORDS and low not in STOP_WORDS and len(low) > 1
            and low not in ROLE_WORDS and low not in lex.english)


def _givenish(low: str, lex: Lexicon) -> bool:
    return low in lex.given or low in lex.given_ambiguous


def _not_name(low: str, lex: Lexicon) -> bool:
    """A word that is no part of a personal name: a role, organisation, place or common word."""
    return (low in ROLE_WORDS or low in HONORIFICS or low in ORG_WORDS or low in lex.places
            or low in lex.english or _demonym(low))


def _demonym(low: str) -> bool:
    return low.endswith(("ian", "ean", "ese", "ish", "an", "ch", "ic", "ss", "i")) and low not in NOT_DEMONYMS
