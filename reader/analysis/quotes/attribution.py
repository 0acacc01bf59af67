"""Attribution phrases: who a reporting clause names as the speaker.

Works on the block text with quotations masked out, so names inside quotes are
never taken for speakers.  Finds a reporting verb ("said", "told", "according
to", ...) next to a quote and returns the speaker phrase it points to:

* a name (the run of capitalised words heading the noun phrase: "Rep. Jim
  Jordan (R-Ohio), an oversight panel member, said" gives "Rep. Jim Jordan");
* a pronoun ("he said"), resolved later to a person;
* a nominal ("the ministry said", "officials said"), which has no person.

The subject of the reporting clause wins over the nearest name: in "Cruz
called Trump a "liar"" the speaker is Cruz.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from reader.analysis.lexicon import CALENDAR, SPEAKER_PARTICLES, SPEAKER_TITLES, lexicon
from reader.analysis.quotes.words import (
    DETS,
    DOC_NOUNS,
    FOREIGN_PRONOUNS,
    FOREIGN_STOPS,
    INTRO,
    INVERT,
    LEADERS,
    LEFT_VERBS,
    ORG_HEADS,
    PRONOUNS,
    RIGHT_VERBS,
    SAY_WORDS,
    SKIP,
    STOPS,
    word_set,
)

MASK = "\x01"
_COPULA = re.compile(r"\s+(?:is|are|was|were)\b")


_WORD = re.compile(r"[A-Za-z]+")


class _Verb(NamedTuple):
    start: int
    end: int
    word: str


def _verbs(text: str, lo: int, hi: int, vocab: frozenset[str]) -> Iterator[_Verb]:
    """Reporting verbs in ``text[lo:hi]`` (set look-ups: much faster than one big regex)."""
    raw = text[lo:hi]
    if "\u0130" not in raw and "\u212a" not in raw:
        # the window lower-cased once (only these two letters lower-case to ASCII or change length)
        yield from _verbs_lower(raw.lower(), lo, vocab)
        return
    prev: re.Match[str] | None = None
    for m in _WORD.finditer(text, lo, hi):
        w = m.group().lower()
        if prev is not None and text[prev.end() : m.start()] == " ":
            pair = prev.group().lower() + " " + w
            if pair in vocab:
                yield _Verb(prev.start(), m.end(), pair)
        if w in vocab:
            yield _Verb(m.start(), m.end(), w)
        prev = m


def _verbs_lower(low: str, base: int, vocab: frozenset[str]) -> Iterator[_Verb]:
    prev: tuple[int, int, str] | None = None
    for m in _WORD.finditer(low):
        w, s, e = m.group(), m.start(), m.end()
        if prev is not None and low[prev[1] : s] == " ":
            pair = prev[2] + " " + w
            if pair in vocab:
                yield _Verb(base + prev[0], base + e, pair)
        if w in vocab:
            yield _Verb(base + s, base + e, w)
        prev = (s, e, w)


_DASH = re.compile(r"[\s,]*[―—–-]+\s*((?:[A-Z][\w.'’-]*\s?){1,4})\s*(?:[,.(]|$)")
_AFFIL = re.compile(
    r"\s*\(?[RDI]-?[A-Z][A-Za-z.]*\)?\s*$|\s*\d+\s*$|\s*(?:Inc|Ltd|LLC|Co|Corp|plc|PLC|GmbH|AG|SA)\.?\s*$"
)
_APPOS_NAME = re.compile(r",\s*((?:[A-Z][\w.'’-]*\s?){1,5})\s*(?:[.,;]|$)")
_OF = frozenset(["of", "at", "for", "from", "with"])
_PASSIVE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|get|gets|got)\s+)(?:\w+ly\s+)?$")


class Attr(NamedTuple):
    """A speaker phrase: ``kind`` is "name", "pronoun" or "nominal"; ``start`` is absolute."""

    kind: str
    text: str
    start: int


def _bare(tok: str) -> str:
    return tok.strip(",.;:!?\"“”'‘’()[]").lower().removesuffix("’s").removesuffix("'s")


def _abbrev(w: str) -> bool:
    """An initial or title abbreviation ("R.", "Sen.", "U.S."), not a sentence end."""
    b = w.rstrip(".")
    low = b.lower()
    return len(b) == 1 or "." in b or low in SPEAKER_TITLES or low in ("st", "jr", "sr", "mt", "ft")


def _is_cap(tok: str) -> bool:
    t = tok.lstrip("(\"“‘'")
    return bool(t) and t[0].isupper()


def _name_run(seg: str, base: int) -> Attr | None:
    """The speaker heading ``seg`` (a noun phrase ending just before the verb or cut point)."""
    seg = re.sub(r"\s*\([^()]*\)\s*$", "", seg.rstrip())
    toks = [(m.group(), m.start()) for m in re.finditer(r"[^\s\x01]+", seg)]
    while toks and (
        _bare(toks[-1][0]) in SKIP
        or _bare(toks[-1][0]) in CALENDAR
        or toks[-1][0].rstrip(",.").isdigit()
        or (toks[-1][0].endswith("ly") and not _is_cap(toks[-1][0]))
    ):
        toks.pop()
    if len(toks) > 1 and toks[-1][0].endswith(")") and "(" in seg[: toks[-1][1] + 1]:
        # "Sen. Jo Lane (Ore.) has said": the affiliation left after the verb's helpers
        cut = seg.rfind("(", 0, toks[-1][1] + 1)
        toks = [t for t in toks if t[1] < cut]
    if not toks:
        return None
    last, pos = toks[-1]
    low = _bare(last)
    if low in DOC_NOUNS and len(toks) > 1 and _is_cap(toks[-2][0]):
        return _name_run(seg[:pos], base)  # "the IMF report stated": the IMF
    if low in PRONOUNS:
        if low == "who":
            return _name_run(seg[:pos].rstrip().rstrip(","), base)
        return Attr("pronoun", low, base + pos)
    if low in LEFT_VERBS and len(toks) > 1:
        return _name_run(seg[:pos], base)
    if low in ("and", "but", "then") and len(toks) > 2:
        for j in range(len(toks) - 2, 0, -1):
            if _bare(toks[j][0]) in SAY_WORDS and not _is_cap(toks[j][0]):
                # "Lane said she liked ... and added": the one who said the first part
                said = _name_run(seg[: toks[j][1]], base)
                if said is not None and said.kind == "name":
                    return said
                break
        # "Scott beamed and asked ...": the subject of the first verb of the pair
        k = len(toks) - 2
        while k > 0 and len(toks) - 2 - k < 3 and not _is_cap(toks[k][0]):
            k -= 1
        head = _name_run(seg[: toks[k + 1][1]], base) if _is_cap(toks[k][0]) else None
        if head is not None and head.kind != "nominal":
            return head
    if not _is_cap(last):
        for j in range(len(toks) - 2, 0, -1):
            if _bare(toks[j][0]) in SAY_WORDS:
                return _name_run(seg[: toks[j][1]], base)
        if low in STOPS or low in DETS or low in LEADERS:
            return None  # "a series of [tweets]": a noun taken for a verb, no subject
        return Attr("nominal", last, base + pos)
    i = len(toks) - 1
    while i > 0:
        t = toks[i - 1][0]
        if t.endswith((",", ";", ":")) or not (_is_cap(t) or t.lower() in SPEAKER_PARTICLES):
            break
        i -= 1
    while i < len(toks) - 1 and (_bare(toks[i][0]) in LEADERS or _bare(toks[i][0]).endswith("ing")):
        i += 1
    s = toks[i][1]
    run = Attr("name", seg[s : toks[-1][1] + len(last)].rstrip(",.;:"), base + s)
    p = i - 2 if i > 1 and toks[i - 1][0].lower() == "the" else i - 1
    if p >= 0 and toks[p][0].lower() in ("of", "in", "at", "from", "for"):
        head = _name_run(seg[: toks[p][1]], base)
        if (
            head is not None
            and head.kind == "name"
            and toks[p][0].lower() == "of"
            and _bare(head.text.split()[-1]) in ORG_HEADS
        ):  # "the Association of Flight Attendants" is one name
            full = seg[head.start - base : toks[-1][1] + len(last)].rstrip(",.;:")
            return Attr("name", full, head.start)
        if head is not None and (
            head.kind != "name" or not all(_bare(w) in SPEAKER_TITLES for w in head.text.split())
        ):
            return head
    return run


# US states as news style abbreviates them ("of Raleigh, N.C., said"), written with their points
_STATE_ABBREVIATIONS = word_set(
    "ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. "
    "minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. "
    "tenn. tex. vt. va. wash. w.va. wis. wyo. d.c."
)


def _place(words: list[str]) -> bool:
    """True when every word names a place that is no state ("Oklahoma", "New Mexico", "Okla."; not
    "Japan")."""
    lex = lexicon()
    if all(w.strip(",;:").lower() in _STATE_ABBREVIATIONS for w in words):
        return True
    keys = [_bare(w) for w in words]
    named = all(k in lex.surnames or k in lex.given for k in keys)  # "Washington", "Jordan"
    return all(k in lex.places for k in keys) and not all(k in lex.countries for k in keys) and not named


def subject_before(text: str, lo: int, hi: int) -> Attr | None:
    """The subject of a verb starting at ``hi``, looking back no further than ``lo``."""
    seg = text[lo:hi]
    cut = seg.rfind(MASK)
    if cut >= 0:
        seg, lo = seg[cut + 1 :], lo + cut + 1
    parts = seg.rstrip().split(",")
    trailing = not parts[-1].strip()
    if trailing:
        parts.pop()
    # "X, a doctor, said": skip appositives (a/the ..., numbers, lower-case clauses).
    offs = []
    o = 0
    for p in parts:
        offs.append(o)
        o += len(p) + 1
    nominal: Attr | None = None
    for k in range(len(parts) - 1, max(-1, len(parts) - 4), -1):
        p = parts[k]
        words = p.split()
        if not words:
            continue
        first = words[0].lower()
        if _AFFIL.match(p) or _place(words):
            continue  # "officials in Tulsa, Oklahoma, said": a place never speaks
        titled = first in SPEAKER_TITLES or first in SPEAKER_PARTICLES  # "state leader Jo Lane"
        if not trailing and k == len(parts) - 1:
            if first in DETS or _is_cap(words[0]) or first in PRONOUNS or len(parts) == 1 or titled:
                return _name_run(p, lo + offs[k])
            if first in LEADERS and len(words) > 1 and _is_cap(words[-1]):
                # "..., while Lane said": the name the conjunction brings in
                found = _name_run(p, lo + offs[k])
                if found is not None and found.kind == "name":
                    return found
            continue  # "Sanders said, going on to say": a participle clause
        if first in DETS or first.rstrip(".").isdigit() or first in ("who", "which", "whose"):
            continue
        if not (_is_cap(words[0]) or first in PRONOUNS or (titled and _is_cap(words[-1]))):
            continue
        found = _name_run(p, lo + offs[k])
        if (
            found is not None
            and trailing
            and k > 0
            and found.kind == "name"
            and not _is_cap(words[0])
            and any(w.lower() in _OF for w in p[: found.start - lo - offs[k]].split())
        ):
            # "Jo Lane, head of the Parks and Roads Board, said": the body she heads is no speaker
            nominal = nominal or Attr("nominal", words[0], lo + offs[k])
            continue
        if found is not None and found.kind == "nominal" and trailing and k > 0:
            # "Jo Lane, Smith's campaign manager, said": the appositive is no speaker
            nominal = nominal or found
            continue
        return found
    return nominal


def object_after(text: str, lo: int, hi: int) -> Attr | None:
    """The speaker after an inverted verb ("said Jones, ...", "according to Jones")."""
    m = re.match(r"[^,;:!?()\x01\n]*", text[lo:hi])
    phrase = m.group() if m else ""
    toks = []
    for t in re.finditer(r"\S+", phrase):
        w = t.group()
        if w.endswith(".") and not _abbrev(w):
            if len(w) > 1:
                toks.append(t)
            break
        toks.append(t)
    while toks and (
        _bare(toks[0].group()) in CALENDAR or _bare(toks[0].group()) in ("on", "today", "yesterday")
    ):
        toks.pop(0)
    if toks and _bare(toks[0].group()) == "that":
        return None  # "said that Lane ...": the subject of what was said, not the speaker
    for k, t in enumerate(toks):
        if (t.group().lower() in STOPS or t.group().lower() in FOREIGN_STOPS) and k > 0:
            toks = toks[:k]
            break
    if not toks:
        return None
    head = _bare(toks[0].group())
    if head in PRONOUNS:
        return Attr("pronoun", head, lo + toks[0].start())
    if head in FOREIGN_PRONOUNS and len(toks) == 1:
        return Attr("pronoun", FOREIGN_PRONOUNS[head], lo + toks[0].start())  # "sagt sie"
    end = toks[-1].end()
    found = _name_run(phrase[:end].rstrip("."), lo)
    if found is not None and found.kind == "nominal" and _bare(toks[0].group()) in DETS:
        # "said the museum's director, Dr. Ana Ruiz": the name in apposition is the speaker
        m = _APPOS_NAME.match(text, lo + len(phrase), hi)
        if m:
            return _name_run(m.group(1), m.start(1)) or found
    return found


def right_attr(text: str, q_end: int, limit: int) -> Attr | None:
    """Attribution just after a quote: '," Jones said', '," said Jones', '," Jones, a doctor, said'."""
    dash = _DASH.match(text, q_end, limit)
    if dash:
        return _name_run(dash.group(1), dash.start(1))
    m = next(_verbs(text, q_end, limit, RIGHT_VERBS), None)
    if m is None:
        return None
    between = text[q_end : m.start].strip(" ,\u00a0\t—–-")
    if len(between) > 200 or ("." in between.replace("Mr.", "").replace("Ms.", "") and len(between) > 60):
        return None
    if between:
        return subject_before(text, q_end, m.start)
    verb = m.word
    if verb == "according to" or verb in INVERT:
        return object_after(text, m.end, limit)
    return None


def left_attr(text: str, lo: int, q_start: int) -> Attr | None:
    """Attribution in the same sentence before a quote: 'Jones said "..."', 'Cruz called Trump a "..."'.

    The last reporting verb with a subject wins; participles ("..., saying") defer to the
    verb before them.  A name before a colon ('Jones: "..."') counts too.
    """
    verbs = list(_verbs(text, lo, q_start, LEFT_VERBS))
    pronoun: Attr | None = None
    nested = False
    for v in reversed(verbs[-4:]):
        if pronoun is not None and v.start >= pronoun.start:
            continue
        if v.word == "according to":
            found = object_after(text, v.end, q_start)
        elif v.word.endswith("ing"):
            # "footage of Trump saying ...": a name right before the participle says it
            before = text[lo : v.start].rstrip()
            tail = before.rsplit(None, 1)[-1] if before else ""
            if (
                not _is_cap(tail)
                or tail.endswith(",")
                or _bare(tail) in PRONOUNS
                or _bare(tail) in INTRO
                or not text[v.start].islower()  # a Title Case headline
            ):
                continue  # "..., saying": the verb before it has the subject
            m = re.search(r"(?:(?:[A-Z][\w.'’-]*|de|van|von|bin|al)\s+)*[A-Z][\w.'’-]*$", before)
            found = _name_run(m.group(), lo + m.start()) if m else None
            if found is None or found.kind != "name":
                continue
        elif _COPULA.match(text, v.end):
            continue  # a verb inside the subject ("the loopholes he cited are")
        elif _PASSIVE.search(text, max(lo, v.start - 30), v.start):
            continue  # "it is called "...", "X was accused of": the subject does not speak
        else:
            found = subject_before(text, lo, v.start)
            if found is None and v.word in INVERT:
                found = object_after(text, v.end, q_start)
        if found is not None and found.kind == "pronoun" and pronoun is None:
            pronoun = found  # "Clinton says she appreciated what she calls a "...": Clinton
            continue
        if found is not None and found.kind == "name" and v.word not in SAY_WORDS and not nested:
            # "Lee said Park called it "a mess"": the one who says it is the source
            nested = True
            outer = left_attr(text, lo, v.start)
            if outer is not None and outer.kind == "name" and outer.start < found.start:
                return outer
        if found is not None:
            return found if found.kind == "name" or pronoun is None else pronoun
    if pronoun is not None:
        return pronoun
    seg = text[lo:q_start].rstrip()
    if seg.endswith(":"):
        run = _name_run(seg[:-1], lo)
        if run is not None and run.kind != "nominal":
            return run
    return None


def tail_attr(text: str, q_end: int, hi: int) -> Attr | None:
    """A reporting clause closing the quote's sentence after more words of it
    ('"..." in the 2008 primary, said Jo Lane.', '"..." than that, Lane said.')."""
    seg = text[q_end:hi]
    if MASK in seg:
        return None
    for m in re.finditer(",", seg):
        if len(seg[m.end() :].split()) <= 14:
            found = right_attr(text, q_end + m.end(), hi)
            if found is not None:
                return found
    return None
