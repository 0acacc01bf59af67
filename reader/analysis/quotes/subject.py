"""The subject opening a sentence, as a speaker when no reporting clause names one."""

from __future__ import annotations

import re

from reader.analysis.lexicon import SPEAKER_PARTICLES, SPEAKER_TITLES
from reader.analysis.quotes.attribution import MASK, Attr, _bare, _is_cap, _name_run
from reader.analysis.quotes.words import INTRO, LEADERS, LEFT_VERBS, PRONOUNS, ROLES, STOPS

_AFFIL_TOKEN = re.compile(r"\(?[rdi]-[a-z]")  # "Paul Ryan, R-Wis., said"


def _passive(word: str) -> bool:
    return word in LEFT_VERBS and not word.endswith("ing")  # "was accused", not "is describing"


def sentence_subject(text: str, lo: int, q_start: int, masked_ok: bool = False) -> Attr | None:
    """The name or pronoun opening the sentence ("President Obama condemned ... as "a threat"").

    An opening phrase ("In a statement, ...", "Bemoaning the ..., ...") is skipped up to its
    comma; role words may sit inside the name ("Tulsa police Chief Chuck Jordan").
    """
    seg = text[lo:q_start]
    if not seg.strip(" \x01\"“”'‘’") or (MASK in seg and not masked_ok):
        return None
    toks = [(t.group(), t.start()) for t in re.finditer(r"\x01+|[^\s\x01]+", seg)]
    i = 0
    first = _bare(toks[0][0]) if toks else ""
    for _ in range(3):  # "On Monday, after a long pause, Lee said": each opening phrase in turn
        if not (first in INTRO or (first.endswith("ing") and first not in PRONOUNS)):
            break
        while i < len(toks) and not toks[i][0].endswith(",") and toks[i][0][0] != MASK:
            i += 1
        i += 1
        while i < len(toks) and toks[i][0].rstrip(",").isdigit() and toks[i][0].endswith(","):
            i += 1  # "On July 6, 2015, Sanders said": the year goes with the date
        first = _bare(toks[i][0]) if i < len(toks) else ""
    j = i
    while j < len(toks):
        w = toks[j][0]
        if w[0] == MASK or w.endswith((",", ";", ":")):
            after = _bare(toks[j + 1][0]) if j + 1 < len(toks) else ""
            appos = after in ("who", "a", "an", "the") or after.isdigit() or _AFFIL_TOKEN.match(after)
            if j > i and w.endswith(",") and appos:
                end = toks[j][1] + len(w)  # "Sen. Bernie Sanders (Vt.), who lost ..., identified"
                return _name_run(seg[toks[i][1] : end].rstrip(","), lo + toks[i][1])
            return None
        low_w = w.lower()
        role = (j > i or low_w in SPEAKER_TITLES) and low_w in ROLES
        role = role and j + 1 < len(toks) and _is_cap(toks[j + 1][0])  # "former Gov. Jo Lane"
        if not (_is_cap(w) or w.lower() in SPEAKER_PARTICLES or role):
            break
        j += 1
    if j >= len(toks):
        return None
    nxt = toks[j][0]
    if all(_bare(t[0]) in LEADERS for t in toks[i:j]):
        j = i
    if j == i:
        low = _bare(nxt)
        if low in ("he", "she") and j + 1 < len(toks) and toks[j + 1][0][:1].islower():
            return Attr("pronoun", low, lo + toks[j][1])
        return None
    if (
        not nxt[:1].islower()
        or nxt.lower() in STOPS
        or toks[j - 1][0].endswith(("'s", "’s"))  # "Oz's advice earned ...": not the speaker
        or (nxt in ("is", "are", "was", "were") and j + 1 < len(toks) and _passive(_bare(toks[j + 1][0])))
    ):  # "X was accused of "...": the subject does not speak
        return None
    end = toks[j - 1][1] + len(toks[j - 1][0])
    return _name_run(seg[toks[i][1] : end], lo + toks[i][1])
