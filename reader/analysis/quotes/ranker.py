"""A learned choice of each quote's speaker among the people named around it (averaged perceptron).

The rules (:mod:`.find`) give every quote a speaker, or none, and say how they found it (a
reporting clause naming someone, a pronoun, the subject of the sentence before, the speaker
carried on from the paragraph before, the person named nearest ...).  The candidates are the
rules' pick and every person mentioned, outside quotation marks, in the quote's paragraph and
the one before it; never a place, never a name with a lower-case word glued on.  Each candidate
is scored by a linear model over features of its nearest mention before and after the quote
(distance, in the same sentence or not, the words next to it, a reporting verb on either side),
of the candidate (the rules' pick and by which rule, the previous quote's speaker, how often the
article names it, how many words its name has) and of the quote (its length).  The best score
wins; a tie keeps the rules' pick.

The weights (``data/quote_speaker.json.gz``) are learned by ``bench/train_quotes.py`` from the
PolNeAR training split without its held-out slice; ``data/SOURCES.md`` says how.  They are keyed
by feature strings (a lower-case context word, a rule's name, a bucket): no name, phrase or
sentence of the corpus ships.  The file is read on first use, not on import.
"""

from __future__ import annotations

import bisect
import gzip
import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from reader.analysis.lexicon import lexicon
from reader.analysis.quotes.words import LEFT_VERBS, SAY_WORDS
from reader.model import Block

MODEL = Path(__file__).resolve().parent.parent / "data" / "quote_speaker.json.gz"
# Rules whose pick the model never overrides: the model beat them on neither polnear_dev half nor
# on the held-out slice of polnear_train (bench/train_quotes.py eval); it wins on the others
# (the speaker carried on, the person named nearest, "he said", "the aide said").
KEEP = frozenset(["name", "back", "intro", "hint"])

_EDGE = ".,;:!?\"“”'‘’()[]"


class Slot(NamedTuple):
    """What the rules found for one quote; offsets are absolute."""

    start: int
    end: int
    block: int
    sent_lo: int  # where the quote's sentence starts
    sent_hi: int  # where it ends
    how: str  # which rule chose ``speaker`` ("name", "pronoun", "hint", "carried", "near", ...)
    speaker: str | None


Candidate = tuple[str, list[str]]


def _cls(tok: str) -> str:
    """A context word as a feature: lower-case words as themselves, others by kind (no names)."""
    if not tok:
        return "<none>"
    c = tok[0]
    if c.isupper():
        return "<cap>"
    if c.isdigit():
        return "<num>"
    if not c.isalpha():
        return c
    return tok.strip(_EDGE).lower() or c


def _bucket(n: int) -> str:
    return str(min(n.bit_length(), 11))


@lru_cache(maxsize=4096)
def _place(name: str) -> bool:
    """Every word of ``name`` a place that is no state, none a given name or surname ("Ohio";
    not "Japan", which may speak as a state, nor "Jordan")."""
    lex = lexicon()
    keys = [w.strip(_EDGE).lower() for w in name.split()]
    return bool(keys) and all(
        k in lex.places and k not in lex.countries and k not in lex.surnames and k not in lex.given
        for k in keys
    )


def is_place(name: str) -> bool:
    return _place(name)


def _glued(name: str) -> bool:
    """A name with an ordinary lower-case word in it ("Jane Doe slams"): a tagging slip."""
    return any(
        w[:1].islower() and w.lower() not in ("de", "van", "von", "bin", "al", "da", "du", "le")
        for w in name.split()
    )


def _mention(source: str, s: int, e: int, slot: Slot, blocks: Sequence[Block], side: str) -> list[str]:
    """Features of one mention of a candidate, on ``side`` ("b" before the quote, "a" after)."""
    b = blocks[slot.block]
    if slot.sent_lo <= s < slot.sent_hi:
        where = "sent"
    elif s >= b.span.start:
        where = "blk"
    else:
        where = "prev"
    dist = slot.start - e if side == "b" else s - slot.end
    after = source[e : e + 60].split()[:4]  # str.split and \S+ cut at the same spaces
    before = source[max(0, s - 50) : s].split()[-3:]
    nx = _cls(after[0]) if after else "<none>"
    if source[e : e + 2] in ("'s", "’s"):
        nx = "'s"
    elif source[e : e + 1] and source[e] in ",.(":
        nx = source[e]
    pv = _cls(before[-1]) if before and source[s - 1 : s].isspace() else "<none>"
    words = [w.strip(_EDGE).lower() for w in after]
    pre = [w.strip(_EDGE).lower() for w in before]
    k = side + where
    out = [k, f"{k}:d={_bucket(dist)}", f"{k}:nx={nx}", f"{k}:pv={pv}", f"{side}:nx={nx}", f"{side}:pv={pv}"]
    if any(w in SAY_WORDS for w in words):
        out.append(k + ":say>")
    elif any(w in LEFT_VERBS for w in words):
        out.append(k + ":verb>")
    if any(w in SAY_WORDS for w in pre):
        out.append(k + ":<say")
    if s - b.span.start < 3 or s - slot.sent_lo < 3:
        out.append(k + ":opens")
    return out


def candidates(
    source: str,
    blocks: Sequence[Block],
    slots: Sequence[Slot],
    mentions: Sequence[tuple[int, int, str]],
    quoted: Sequence[tuple[int, int]],
    orgs: set[str],
    want: Sequence[bool] | None = None,
) -> list[list[Candidate]]:
    """The candidates of each slot with their features, the rules' pick first.

    ``mentions`` are the people's mentions in source order, ``quoted`` every quote's span;
    with ``want``, only the slots it marks get candidates (the others an empty list)."""
    if want is not None and not any(want):
        return [[] for _ in slots]
    starts = [m[0] for m in mentions]
    qstarts = [q[0] for q in quoted]
    counts = Counter(m[2] for m in mentions)
    top = counts.most_common(1)[0][0] if counts else None
    out: list[list[Candidate]] = []
    prev: str | None = None
    prev_block = -1
    for n, slot in enumerate(slots):
        if want is not None and not want[n]:
            out.append([])
            if slot.speaker is not None:
                prev, prev_block = slot.speaker, slot.block
            continue
        b = blocks[slot.block]
        lo = blocks[slot.block - 1].span.start if slot.block > 0 else b.span.start
        hi = b.span.end
        # a place never speaks; "Jane Doe slams" is a tagging slip (both filtered below)
        near_b: dict[str, tuple[int, int]] = {}
        near_a: dict[str, tuple[int, int]] = {}
        for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
            s, e, name = mentions[i]
            j = bisect.bisect_right(qstarts, s) - 1
            if j >= 0 and quoted[j][0] <= s < quoted[j][1]:
                continue  # a name inside quotation marks is no speaker
            if e <= slot.start:
                near_b[name] = (s, e)
            elif s >= slot.end and name not in near_a:
                near_a[name] = (s, e)
        names = list(dict.fromkeys([*([slot.speaker] if slot.speaker else []), *near_b, *near_a]))
        names = [n for n in names if not _place(n) and (n == slot.speaker or not _glued(n))]
        if want is not None and len(names) < 2:
            # one candidate or none: nothing to choose, so no features (the trace gets them all)
            out.append([(n, []) for n in names])
            if slot.speaker is not None:
                prev, prev_block = slot.speaker, slot.block
            continue
        rank = {n: r for r, n in enumerate(sorted(near_b, key=lambda n: -near_b[n][0]))}
        qlen = "q" + _bucket(len(source[slot.start : slot.end].split()))
        cands: list[Candidate] = []
        for name in names:
            pick = name == slot.speaker
            f = ["bias", "pick:" + slot.how if pick else "alt:" + slot.how]
            if pick:
                f += ["pick", f"pick:{slot.how}:{qlen}"]
            if name == prev:
                f += ["prev", "prev:" + slot.how, "prevblk" if prev_block == slot.block else "prevfar"]
            f.append("cnt=" + _bucket(counts.get(name, 0)))
            if name == top:
                f.append("top")
            if name in orgs:
                f.append("org")
            f.append("nw=" + str(min(len(name.split()), 3)))
            if name in near_b:
                f += _mention(source, *near_b[name], slot, blocks, "b")
                f.append("rank=" + str(min(rank[name], 3)))
            if name in near_a:
                f += _mention(source, *near_a[name], slot, blocks, "a")
            if name not in near_b and name not in near_a:
                f.append("nomention")
            cands.append((name, f))
        out.append(cands)
        if slot.speaker is not None:
            prev, prev_block = slot.speaker, slot.block
    return out


Weights = dict[str, float]


@lru_cache(maxsize=1)
def model() -> Weights | None:
    """The shipped weights (read once per process, on first use), or None when none ship."""
    if not MODEL.exists():
        return None
    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    scale = float(data["scale"])
    return {k: v / scale for k, v in data["weights"].items()}


def score(weights: Weights, feats: list[str]) -> float:
    return sum(map(weights.get, feats, repeat(0.0)))


def _nearest_in_paragraph(feats: list[str]) -> bool:
    return "rank=0" in feats and ("bblk" in feats or "bsent" in feats)


def choose(weights: Weights, slot: Slot, cands: list[Candidate]) -> str | None:
    """The best-scoring candidate; the rules' pick on a tie or when its rule is in ``KEEP``."""
    if slot.speaker is not None and _place(slot.speaker):
        slot = slot._replace(speaker=None, how="none")  # "officials in Tulsa, Oklahoma, said"
    if not cands or slot.how in KEEP:
        return slot.speaker
    if slot.how == "pronoun" and cands[0][0] == slot.speaker and _nearest_in_paragraph(cands[0][1]):
        return slot.speaker  # "Oisín, is less sure. "...," he said": the one just named (measured)
    best, at = slot.speaker, -1e18
    for name, f in cands:
        s = score(weights, f)
        if s > at:
            best, at = name, s
    return best
