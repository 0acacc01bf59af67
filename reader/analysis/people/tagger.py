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
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

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
from reader.analysis.people.tokens import Run, Tok

MODEL = Path(__file__).resolve().parent.parent / "data" / "people_tagger.json.gz"
TAGS = ("B", "I", "O")
_O = 2

_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_SQUEEZE = re.compile(r"(.)\1+")
_GROUP_1 = itemgetter(1)
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
    # (the group by a C function: a template such as r"\1" is expanded in Python, 4 times slower)
    return _SQUEEZE.sub(_GROUP_1, text.translate(_SHAPE_MAP))


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
_STATIC_MAX = 10_000  # (and of _VEC below) a few MB at most


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


def _context_words(source: str, run: Run) -> tuple[str, str]:
    """The word just before a run and the word just after it, within 30 characters ("" for none)."""
    first, last = run.toks[0], run.toks[-1]
    # the last word before the run: what ``(\S+)\s*$`` finds, without trying every start
    prev = source[max(0, first.start - 30):first.start].rsplit(None, 1)
    m = _NEXT_WORD.match(source[last.end:last.end + 30])
    return (prev[-1] if prev else ""), (m.group(1) if m else "")


def _context_weights(
    cache: dict[str, tuple[int, int]], raw: str, names: tuple[str, str], get: Callable[[str, int], int]
) -> tuple[int, int]:
    """The two packed weights of a context word (``names``: its feature prefixes), kept in ``cache``."""
    found = cache.get(raw)
    if found is None:
        if len(cache) > _STATIC_MAX:
            cache.clear()
        w = _word_class(raw) if raw else "<none>"
        found = cache[raw] = (get(names[0] + w, 0), get(names[1] + w, 0))
    return found


def run_feature_parts(source: str, run: Run, verdict: Verdict, line: Line, lex: Lexicon,
                      lower: frozenset[str], known: frozenset[str], cache: WordCache) -> Parts:
    """:func:`run_features` in two parts per word: the word's own first six features (the same
    list wherever the word stands, see :func:`_word`) and the rest, in the same order."""
    toks = run.toks
    n = len(toks)
    prev_raw, next_raw = _context_words(source, run)
    prev_w = _word_class(prev_raw) if prev_raw else "<none>"
    next_w = _word_class(next_raw) if next_raw else "<none>"
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
    data = _raw()
    scale = float(data["scale"])
    return {k: tuple(x / scale for x in v) for k, v in data["weights"].items()}


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    """The weights file as stored: integers, ``scale`` times the weights."""
    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


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


def run_tags(source: str, run: Run, verdict: Verdict, line: Line, lex: Lexicon,
             lower: frozenset[str], known: frozenset[str]) -> list[int]:
    """:func:`decode` of :func:`run_features` with the shipped weights (``o_bias`` 0): the same tags,
    with no feature string made per word and a few additions per word.

    The weights are integers over ``scale`` (see :func:`model`); here they are added exactly, as
    integers, each feature's three packed in one (see :func:`_packed`), so the sums of a word's
    features that do not change with the run (its own, as a neighbour, for each list class) are
    taken once per process (:func:`_vectors`) and the run's shared ones once per run.  Exact sums
    order the tags as :func:`decode`'s floats do (their rounding is far below a unit of the
    integers) unless two of them tie; then the run is decoded the float way, as before.
    """
    weights = _packed()
    if _VEC_OF[0] is not weights or _VEC_OF[1] is not lex or len(_VEC) > _STATIC_MAX:
        _VEC.clear()
        _BEFORE.clear()
        _AFTER.clear()
        _VEC_OF[:] = [weights, lex, _constants(weights)]
    const: _Constants = _VEC_OF[2]  # type: ignore[assignment]
    get = weights.get
    toks = run.toks
    n = len(toks)
    raw_prev, raw_next = _context_words(source, run)  # the same context words as run_feature_parts
    prev_w = _context_weights(_BEFORE, raw_prev, ("pw=", "w-1="), get)
    next_w = _context_weights(_AFTER, raw_next, ("nw=", "w+1="), get)
    rule = 0 if verdict.person else (1 if verdict.listable else (2 if verdict.weak else 3))
    nlen = min(n, 5)
    shared = const.length[nlen] + prev_w[0] + next_w[0]
    if line.caps:
        shared += const.caps_line
    if line.digits:
        shared += const.digits
    if line.headline:
        shared += const.headline
    if line.caption:
        shared += const.caption
    if line.byline:
        shared += const.byline
    if run.possessive:
        shared += const.possessive
    pos = const.pos[nlen]
    in_name = {t.start for t in verdict.name}
    name_start = verdict.name[0].start if verdict.name else -1
    r_in, r_first, r_out = const.rule[rule], const.rule_first[rule], const.rule_out[rule]
    words = []
    for t in toks:
        word = _VEC.get(t.text)
        if word is None:
            word = _VEC[t.text] = _vectors(t, weights, lex, const)
        words.append(word)
    tags: list[int] = []
    tag = _O
    for k, t in enumerate(toks):
        word = words[k]
        low = t.low
        flags = (low in lower) + 2 * (low in known)
        cls = word[1][flags]
        if cls is None:
            cls = word[1][flags] = _class_vectors(word, flags, weights)
        p = 0 if k == 0 else (2 if k == n - 1 else 1)
        s = shared + cls[0] + cls[1][p] + pos[p] + word[4][tag]
        if k == 0 and run.sentence_start:
            s += const.sentence
        if t.start in in_name:
            s += r_in + cls[2][rule]
            if t.start == name_start:
                s += r_first
        else:
            s += r_out
        s += words[k - 1][2] if k else prev_w[1]
        s += words[k + 1][3] if k + 1 < n else next_w[1]
        o = ((s + _HALF) & _MASK) - _HALF
        s = (s - o) >> _BITS
        i = ((s + _HALF) & _MASK) - _HALF
        b = (s - i) >> _BITS
        if tag == _O:  # I only continues a name
            if b == o:
                return _float_tags(source, run, verdict, line, lex, lower, known)
            tag = 0 if b > o else 2
        else:
            top = max(b, i, o)
            if (b == top) + (i == top) + (o == top) > 1:
                return _float_tags(source, run, verdict, line, lex, lower, known)
            tag = 0 if b == top else (1 if i == top else 2)
        tags.append(tag)
    return tags


def _float_tags(source: str, run: Run, verdict: Verdict, line: Line, lex: Lexicon,
                lower: frozenset[str], known: frozenset[str]) -> list[int]:
    """The tags of a run whose exact sums tie: :func:`decode`'s floats break the tie."""
    return decode(model(), run_features(source, run, verdict, line, lex, lower, known, {}))


#: a packed weight: the B, I and O integers in fields of _BITS bits (O lowest), each read back
#: with its sign; the sums of a word's features stay far inside a field (the weights' largest is
#: about 42,000, their total about 9.4 million)
_BITS = 40
_HALF = 1 << (_BITS - 1)
_MASK = (1 << _BITS) - 1


@lru_cache(maxsize=1)
def _packed() -> dict[str, int]:
    """The shipped weights as integers (the file's, not divided by its scale), packed."""
    return {k: (b << 2 * _BITS) + (i << _BITS) + o for k, (b, i, o) in _raw()["weights"].items()}


class _Constants(NamedTuple):
    """The packed weights of the features that name no word (per the rules' verdict: p, l, w, n)."""

    caps_line: int
    digits: int
    headline: int
    caption: int
    byline: int
    possessive: int
    sentence: int
    caps: int
    pos: tuple[tuple[int, int, int], ...]  # per run length (index 1-5), per place: first, middle, last
    length: tuple[int, ...]  # per run length (index 1-5)
    rule: tuple[int, ...]
    rule_first: tuple[int, ...]
    rule_out: tuple[int, ...]
    previous: tuple[int, ...]  # per previous tag


def _constants(weights: dict[str, int]) -> _Constants:
    def get(name: str) -> int:
        return weights.get(name, 0)

    pos = tuple((get(f"pos=0{n}"), get(f"pos=m{n}"), get(f"pos=e{n}")) for n in range(1, 6))
    return _Constants(
        get("L:caps"), get("L:dig"), get("L:head"), get("L:cap"), get("L:by"), get("poss"), get("ss"),
        get("caps"), ((0, 0, 0), *pos), (0, *(get(f"ln={n}") for n in range(1, 6))),
        tuple(get("r=" + r) for r in _RULES),
        tuple(get("r0=" + r) for r in _RULES), tuple(get("r-=" + r) for r in _RULES),
        tuple(get("t-1=" + t) for t in TAGS))


#: per word text, for the weights and lists in ``_VEC_OF``: see :func:`_vectors`; cleared when it
#: grows past ``_STATIC_MAX`` words (a few MB) or the weights or lists change
_VEC: dict[str, list] = {}  # type: ignore[type-arg]
#: the "pw=" and "w-1=" weights per word before a run (as the text has it, "" for none); the
#: "nw=" and "w+1=" ones per word after a run
_BEFORE: dict[str, tuple[int, int]] = {}
_AFTER: dict[str, tuple[int, int]] = {}
_VEC_OF: list[object] = [None, None, None]
_RULES = "plwn"  # the rules' verdict: a person, listable, weak, none (see :func:`run_feature_parts`)


def _vectors(t: Tok, weights: dict[str, int], lex: Lexicon, const: _Constants) -> list:  # type: ignore[type-arg]
    """What :func:`run_tags` needs of a word, packed: [0] the sum of its first six features and
    "caps" (see :func:`_static_word`), [1] the class sums per document flag (made when first
    asked, see :func:`_class_vectors`), [2] its "w-1=" and "c-1=" as the word before another,
    [3] its "w+1=" and "c+1=" as the word after, [4] "t-1=" and "t-1=" with its shape per previous
    tag, [5] its shape, [6] its list classes."""
    base, shape, cls = _static_word(t.text, t.low, lex)
    get = weights.get
    own = sum(get(name, 0) for name in base) + (const.caps if t.is_caps else 0)
    short = _cls_short(t.low, lex)
    return [own, [None, None, None, None], get("w-1=" + t.low, 0) + get("c-1=" + short, 0),
            get("w+1=" + t.low, 0) + get("c+1=" + short, 0),
            tuple(p + get("t-1=" + tag + base[2], 0) for p, tag in zip(const.previous, TAGS, strict=True)),
            shape, cls]


def _class_vectors(word: list, flags: int,  # type: ignore[type-arg]
                   weights: dict[str, int]) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    """A word's sums with its list class (the static one, "l" if the document writes it in lower
    case, "K" if an accepted name holds it): its own and "c=" and "cs=", "cp=" per place in the
    run, "rc=" per rule."""
    cls = word[6] + ("l" if flags & 1 else "") + ("K" if flags & 2 else "")
    get = weights.get
    return (word[0] + get("c=" + cls, 0) + get("cs=" + cls + word[5][:3], 0),
            tuple(get("cp=" + cls + p, 0) for p in "0me"), tuple(get("rc=" + r + cls, 0) for r in _RULES))


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
