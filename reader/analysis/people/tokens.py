"""Runs of capitalised words in a block, cut into tokens with absolute spans.

A run is what could be a name: capitalised words, initials ("H."), and lower-case
particles ("van", "de") before or between capitalised words, separated by single spaces (or a
single line break: the soft break of a hard-wrapped paragraph).
A possessive ('s) ends a run and is left out of the last token's span.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from reader.analysis.lexicon import NAME_ABBREVIATIONS, RUN_PARTICLE_LIST

_UP = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏА-ЯЁ"
_WORD = rf"(?:(?:[Oo]'|[Dd]'|[Aa][lr]-|[Ee]l-)?[{_UP}][\w'’\-]*\.?)"
_PART = "(?:" + "|".join(RUN_PARTICLE_LIST) + ")"
_SP = "[ \u00a0\n]"  # a line break too: the soft break of a hard-wrapped paragraph
RUN = re.compile(rf"(?<![\w.\-])(?<!\w['’])(?:{_PART}{_SP})*{_WORD}(?:{_SP}(?:{_PART}{_SP})*{_WORD})*")
_QUOTE_MARKS = "'’"


def possessive_at(text: str) -> int:
    """Where a trailing possessive ("'s", "’", "''s'") starts in ``text``, or -1.

    The same as searching ``['’]+s?['’]*$``, in linear time (that search is quadratic on a
    long run of apostrophes).
    """
    k = len(text)
    while k and text[k - 1] in _QUOTE_MARKS:
        k -= 1
    if k and text[k - 1] == "s":
        m = k - 1
        while m and text[m - 1] in _QUOTE_MARKS:
            m -= 1
        if m < k - 1:
            return m
    return k if k < len(text) else -1
_SENT_END = re.compile(r"(?:^|[.!?:;…\"“”‘’'()\[\]•|–—-]\s*|\n\s*)$")


class Tok(NamedTuple):
    """One word of a run: its text (possessive removed), absolute span and derived flags."""

    text: str
    start: int
    end: int
    low: str  # lower case, trailing period removed
    is_initial: bool  # "H." or "H"
    is_caps: bool  # "NATO", "TASS"


def tok(text: str, start: int, end: int) -> Tok:
    """Make a token, computing its flags once per word (they depend on its text alone)."""
    flags = _FLAGS.get(text)
    if flags is None:
        if len(_FLAGS) > 20_000:  # about 4 MB at most
            _FLAGS.clear()
        flags = _FLAGS[text] = _flags(text)
    return Tok(text, start, end, *flags)


_FLAGS: dict[str, tuple[str, bool, bool]] = {}


def _flags(text: str) -> tuple[str, bool, bool]:
    """A word's ``low``, ``is_initial`` and ``is_caps`` (see :class:`Tok`)."""
    bare = text.rstrip(".")
    low = bare.lower()
    if not low.isascii():  # "Frédéric" is looked up as "frederic"
        low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    initial = (len(text) == 2 and text[1] == "." and text[0].isupper()) or (len(text) == 1 and text.isupper())
    return low, initial, len(bare) > 1 and bare.isupper()


class Run(NamedTuple):
    """Tokens of one run, whether it opens a sentence, and whether it ends in a possessive."""

    toks: tuple[Tok, ...]
    sentence_start: bool
    possessive: bool
    block: int  # index of the block




def runs_in(text: str, offset: int, block: int) -> list[Run]:
    """All runs of capitalised words in ``text`` (a block starting at ``offset``)."""
    out: list[Run] = []
    for m in RUN.finditer(text):
        s = m.start()
        head = text[max(0, s - 3):s]
        sent = s == 0 or bool(_SENT_END.search(head))
        toks: list[Tok] = []
        pos = s
        for piece in m.group().replace("\u00a0", " ").replace("\n", " ").split(" "):
            a = pos
            pos += len(piece) + 1
            toks.append(tok(piece, offset + a, offset + a + len(piece)))
        _split(toks, sent, block, out)
    return out


#: how every text that :func:`possessive_at` finds a possessive in ends
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")


def _split(toks: list[Tok], sent: bool, block: int, out: list[Run]) -> None:
    """Cut a raw run at sentence-ending periods and possessives; strip a trailing period."""
    cur: list[Tok] = []
    start_sent = sent
    for tk in toks:
        t = tk.text
        possessive = False
        end_after = False
        if t.endswith(".") and len(t) > 2 and t[:-1].lower() not in NAME_ABBREVIATIONS and "." not in t[:-1]:
            tk = tok(t[:-1], tk.start, tk.end - 1)
            end_after = True
        at = possessive_at(tk.text) if tk.text.endswith(_POSSESSIVE_ENDS) else -1
        if at >= 0 and len(tk.text) > 2:
            tk = tok(tk.text[:at], tk.start, tk.start + at)
            possessive = end_after = True
        cur.append(tk)
        if end_after:
            out.append(Run(tuple(cur), start_sent, possessive, block))
            cur = []
            start_sent = not possessive
    if cur:
        out.append(Run(tuple(cur), start_sent, False, block))
