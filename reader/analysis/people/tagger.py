"""A learned person-name tagger over the runs of capitalised words (averaged perceptron, BIO).

Each word of a run (see :mod:`.tokens`) is tagged B (a name starts), I (inside a name) or O.
The features are the word's shape, capitalisation, prefix and suffix, whether the shipped lists
hold it (given names, surnames, places, roles, organisation words), the words around the run,
its place in the sentence and the line (an all-caps headline, a score line or table row), what
the hand-written rules (:mod:`.judge`) said about the run, and whether the document elsewhere
accepts the word as part of a person's name.  Decoding is greedy, left to right, with the
previous tag as a feature.

The weights (``data/people_tagger.json.gz``) are learned by ``bench/train_people.py`` from the
CoNLL-2003 English training split only; ``data/SOURCES.md`` says how and when.  They are keyed
by feature strings (a word, a shape, a suffix): no name, phrase or sentence of the corpus ships.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from reader.analysis.lexicon import (
    HONORIFICS,
    ORG_WORDS,
    PARTICLES,
    PLACE_PREFIXES,
    ROLE_WORDS,
    STOP_WORDS,
    SUFFIXES,
    Lexicon,
)
from reader.analysis.people.judge import Verdict
from reader.analysis.people.tokens import Run

MODEL = Path(__file__).resolve().parent.parent / "data" / "people_tagger.json.gz"
TAGS = ("B", "I", "O")
_O = 2

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_SQUEEZE = re.compile(r"(.)\1+")
_NEXT_WORD = re.compile(r"^\s*(\S+)")
_DIGIT = re.compile(r"\d")


class Line(NamedTuple):
    """What the tagger knows about the block a run stands in."""

    caps: bool  # the line is written in capitals (a wire headline)
    digits: bool  # the line holds digits (a score line, a results table)
    headline: bool  # a title, heading or Title Case line
    caption: bool
    byline: bool


_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LOWER = bytes(range(97, 123))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def line_of(text: str, *, headline: bool, caption: bool, byline: bool) -> Line:
    head = text[:400]
    # capitals and small letters counted as str.isupper/islower count them: the ASCII letters in
    # C (A-Z and a-z are the only ASCII ones), the few other characters one by one
    raw = head.encode("ascii", "ignore")
    up = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    low = len(raw) - len(raw.translate(None, _ASCII_LOWER))
    if len(raw) < len(head):
        rest = "".join(_NON_ASCII.findall(head))
        up += sum(map(str.isupper, rest))
        low += sum(map(str.islower, rest))
    caps = up > 0.8 * (up + low) and up > 8
    return Line(caps, bool(_DIGIT.search(text)), headline, caption, byline)


def _shape(text: str) -> str:
    return _SQUEEZE.sub(r"\1", text.translate(_SHAPE_MAP))


def _word_class(w: str) -> str:
    """A coarse class of a context word (the word itself for common short words)."""
    if not w:
        return "<none>"
    if w[0].isdigit():
        return "<num>"
    if not w[0].isalnum():
        return w[:2]
    if w[0].isupper():
        return "<cap>"
    return w.lower().strip(".,;:!?\"'”’)")


def _word(text: str, low: str, lex: Lexicon, lower: frozenset[str],
          known: frozenset[str]) -> tuple[list[str], str, str]:
    """The features of a word on its own: (word, shape and affix features, shape, list classes)."""
    key = (text, low)
    static = _STATIC.get(key) if _STATIC_OF[0] is lex else None
    if static is None:
        if _STATIC_OF[0] is not lex or len(_STATIC) > _STATIC_MAX:
            _STATIC.clear()
            _STATIC_OF[0] = lex
        static = _STATIC[key] = _static_word(text, low, lex)
    base, shape, cls = static
    if low in lower:
        cls += "l"
    if low in known:
        cls += "K"
    return base, shape, cls


#: the part of :func:`_word` that depends on the word and the shipped lists alone, kept across
#: documents (a vocabulary of names is small); cleared when it grows past ``_STATIC_MAX`` words
#: or the lists change
_STATIC: dict[tuple[str, str], tuple[list[str], str, str]] = {}
_STATIC_OF: list[Lexicon | None] = [None]
_STATIC_MAX = 10_000  # with _SUMS, about 10 MB at most


def _static_word(text: str, low: str, lex: Lexicon) -> tuple[list[str], str, str]:
    shape = _shape(text)
    cls = ""
    if low in lex.given:
        cls += "G"
    if low in lex.given_ambiguous:
        cls += "g"
    if low in lex.surnames:
        cls += "S"
    if low in lex.english:
        cls += "E"
    if low in lex.countries:
        cls += "C"
    elif low in lex.places:
        cls += "P"
    if low in ORG_WORDS:
        cls += "O"
    if low in ROLE_WORDS:
        cls += "R"
    if low in HONORIFICS:
        cls += "H"
    if low in STOP_WORDS:
        cls += "T"
    if low in PARTICLES:
        cls += "A"
    if low in SUFFIXES:
        cls += "X"
    if low in PLACE_PREFIXES:
        cls += "Q"
    return ["b", "w=" + low, "sh=" + shape, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3]], shape, cls


WordCache = dict[str, tuple[list[str], str, str]]


def run_features(source: str, run: Run, verdict: Verdict, line: Line, lex: Lexicon,
                 lower: frozenset[str], known: frozenset[str], cache: WordCache) -> list[list[str]]:
    """The static features of each word of ``run`` (the previous tag is added when decoding).

    ``cache`` holds the features of the document's words on their own (one dict per document).
    """
    parts = run_feature_parts(source, run, verdict, line, lex, lower, known, cache)
    return [[*base, *rest] for base, rest in parts]


Parts = list[tuple[list[str], list[str]]]


def run_feature_parts(source: str, run: Run, verdict: Verdict, line: Line, lex: Lexicon,
                      lower: frozenset[str], known: frozenset[str], cache: WordCache) -> Parts:
    """:func:`run_features` in two parts per word: the word's own first six features (the same
    list wherever the word stands, see :func:`_word`) and the rest, in the same order."""
    toks = run.toks
    n = len(toks)
    first, last = toks[0], toks[-1]
    before = source[max(0, first.start - 30):first.start]
    after = source[last.end:last.end + 30]
    # the last word before the run: what ``(\S+)\s*$`` finds, without trying every start
    prev = before.rsplit(None, 1)
    prev_w = _word_class(prev[-1]) if prev else "<none>"
    m = _NEXT_WORD.match(after)
    next_w = _word_class(m.group(1)) if m else "<none>"
    in_name = {t.start for t in verdict.name}
    rule = "p" if verdict.person else ("l" if verdict.listable else ("w" if verdict.weak else "n"))
    nlen = str(min(n, 5))
    common = ["ln=" + nlen, "pw=" + prev_w, "nw=" + next_w]
    if line.caps:
        common.append("L:caps")
    if line.digits:
        common.append("L:dig")
    if line.headline:
        common.append("L:head")
    if line.caption:
        common.append("L:cap")
    if line.byline:
        common.append("L:by")
    if run.possessive:
        common.append("poss")
    out: Parts = []
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        word = cache.get(t.text)
        if word is None:
            word = cache[t.text] = _word(t.text, t.low, lex, lower, known)
        base, shape, cls = word
        f = common.copy()
        pos = "0" if i == 0 else ("e" if i == n - 1 else "m")
        f.append("pos=" + pos + nlen)
        if i == 0 and run.sentence_start:
            f.append("ss")
        if t.is_caps:
            f.append("caps")
        f.append("c=" + cls)
        f.append("cp=" + cls + pos)
        f.append("cs=" + cls + shape[:3])
        if t.start in in_name:
            f.append("r=" + rule)
            f.append("rc=" + rule + cls)
            if t is verdict.name[0] or t.start == verdict.name[0].start:
                f.append("r0=" + rule)
        else:
            f.append("r-=" + rule)
        pw = lows[i - 1] if i else prev_w
        nw = lows[i + 1] if i + 1 < n else next_w
        f.append("w-1=" + pw)
        f.append("w+1=" + nw)
        if i:
            f.append("c-1=" + _cls_short(lows[i - 1], lex))
        if i + 1 < n:
            f.append("c+1=" + _cls_short(lows[i + 1], lex))
        out.append((base, f))
    return out


def _cls_short(low: str, lex: Lexicon) -> str:
    if low in lex.given:
        return "G"
    if low in ROLE_WORDS or low in HONORIFICS:
        return "R"
    if low in ORG_WORDS:
        return "O"
    if low in lex.places:
        return "P"
    if low in lex.surnames:
        return "S"
    if low in lex.english:
        return "E"
    return "?"


Weights = dict[str, Sequence[float]]


@lru_cache(maxsize=1)
def model() -> Weights:
    """The shipped weights (loaded once per process, on first use)."""
    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    scale = float(data["scale"])
    return {k: tuple(x / scale for x in v) for k, v in data["weights"].items()}


def decode(weights: Weights, feats: list[list[str]], o_bias: float = 0.0) -> list[int]:
    """Greedy BIO tags (indices into :data:`TAGS`) for one run's words."""
    tags: list[int] = []
    prev = _O
    get = weights.get
    zero = (0.0, 0.0, 0.0)
    for f in feats:
        b = i = 0.0
        o = o_bias
        ptag = "t-1=" + TAGS[prev]
        for name in (*f, ptag, ptag + f[2]):
            w = get(name, zero)
            b += w[0]
            i += w[1]
            o += w[2]
        if prev == _O:
            i = -1e9  # I only continues a name
        best = 0 if b >= i and b >= o else (1 if i >= o else 2)
        tags.append(best)
        prev = best
    return tags


def decode_parts(weights: Weights, parts: Parts) -> list[int]:
    """:func:`decode` of ``[[*base, *rest] for base, rest in parts]`` with ``o_bias`` 0, the same
    tags to the last bit: the sums over a word's own six features are taken once per word and
    weights (in the same order, from zero, as :func:`decode` adds them) and the rest added to them.

    Its loop repeats :func:`decode`'s on purpose: sharing it through helper calls per word cost
    4-14% of people detection's CPU (``bench/bench_people.py --old TREE --repeat 6``).
    """
    if _SUMS_OF[0] is not weights or len(_SUMS) > _STATIC_MAX:
        _SUMS.clear()
        _SUMS_OF[0] = weights
    tags: list[int] = []
    prev = _O
    get = weights.get
    zero = (0.0, 0.0, 0.0)
    for base, rest in parts:
        key = (base[1], base[2])  # "w=" and "sh=": the six features follow from them
        sums = _SUMS.get(key)
        if sums is None:
            b = i = o = 0.0
            for name in base:
                w = get(name, zero)
                b += w[0]
                i += w[1]
                o += w[2]
            sums = _SUMS[key] = (b, i, o)
        b, i, o = sums
        ptag = "t-1=" + TAGS[prev]
        for name in (*rest, ptag, ptag + base[2]):
            w = get(name, zero)
            b += w[0]
            i += w[1]
            o += w[2]
        if prev == _O:
            i = -1e9  # I only continues a name
        best = 0 if b >= i and b >= o else (1 if i >= o else 2)
        tags.append(best)
        prev = best
    return tags


#: the sums of :func:`decode_parts` per word, for the weights in ``_SUMS_OF``
_SUMS: dict[tuple[str, str], tuple[float, float, float]] = {}
_SUMS_OF: list[Weights | None] = [None]


def spans_of(tags: list[int]) -> list[tuple[int, int]]:
    """Word index ranges [a, b) of the names in a BIO tag sequence."""
    out: list[tuple[int, int]] = []
    start = -1
    for k, t in enumerate(tags):
        if t == 0 or t == _O:
            if start >= 0:
                out.append((start, k))
            start = k if t == 0 else -1
    if start >= 0:
        out.append((start, len(tags)))
    return out
