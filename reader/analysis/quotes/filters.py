"""Which quotation spans count: spans per block, the text's quoting style, and quotes
that are no one's words (scare quotes in a sentence that speaks of no words, names of
works, nicknames)."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from reader.analysis.quotes.marks import DOUBLE, SINGLE, open_depth, openers, opens_with_mark, pair_marks
from reader.analysis.quotes.words import CUES, word_set
from reader.model import Block, BlockKind, Span

_WORK_INTRO = word_set(
    "on in at of from to with for titled entitled named watching book show film movie program programme "
    "song album series magazine newspaper column article episode documentary podcast novel play "
    "read reads reading watched watch starred starring directed published released"
)
_WORD = re.compile(r"[A-Za-z-]+")


# Characters of lines one open quote may join ('"the plan is not\nworkable," he said'), so a stray
# mark never swallows a long block; a speech left open runs to the end of its wrapped paragraph
_WRAP_CHARS = 3000


# A block's lines are the lines of one hard-wrapped paragraph when most of them end inside a
# sentence and they are long: a list, an address or lines of verse have short lines.  By hand
# (fill columns are 60 to 80), not fitted to a data set.
_WRAP_MIN_LINE = 40
_MID_SENTENCE = re.compile(r"[\w,;(\-–—]$")
_ITEM = frozenset("-–—―•*·‘'\"“„«")


def _wrap_counts(b: Block) -> tuple[int, int, bool]:
    """(lines ending inside a sentence, lines but the last, whether its lines are long) of a block."""
    lines = b.text.split("\n")
    head = [ln.rstrip() for ln in lines[:-1]]
    # a break inside a sentence: the line ends in a word or a comma, the next opens no quote or item
    mid = sum(
        1
        for ln, nx in zip(head, lines[1:], strict=True)
        if _MID_SENTENCE.search(ln) and not opens_with_mark(nx) and nx.lstrip()[:1] not in _ITEM
    )
    return mid, len(head), sorted(len(ln) for ln in head)[len(head) // 2] >= _WRAP_MIN_LINE


def unwrapped(b: Block, wrapped_text: bool = False, counts: tuple[int, int, bool] | None = None) -> Block:
    """``b`` with the line breaks of a hard-wrapped paragraph read as spaces (same offsets), so a
    line break ends no sentence and cuts no reporting clause ('said\nJones').  ``wrapped_text``:
    the whole text is hard-wrapped (:func:`unwrapped_all`), so a block of long lines is a wrapped
    paragraph even when few of its own lines end inside a sentence (a short one, full of quotes).
    Joining only the breaks inside sentences there, or all but those before a quotation mark,
    was measured worse on both halves of polnear_dev wrapped at 60 and 72 columns.  ``counts``:
    the block's :func:`_wrap_counts`, when known."""
    if "\n" not in b.text:
        return b
    mid, head, long = counts or _wrap_counts(b)
    if not long or (2 * mid <= head and not wrapped_text):
        return b
    return dataclasses.replace(b, text=b.text.replace("\n", " "))


def unwrapped_all(blocks: Sequence[Block]) -> list[Block]:
    """:func:`unwrapped` for every block.  The text is hard-wrapped when, over all its blocks of
    long lines, most line breaks fall inside a sentence."""
    counts = [_wrap_counts(b) if "\n" in b.text else (0, 0, False) for b in blocks]
    mid = sum(c[0] for c in counts if c[2])
    head = sum(c[1] for c in counts if c[2])
    wrapped_text = 2 * mid > head
    return [unwrapped(b, wrapped_text, c) for b, c in zip(blocks, counts, strict=True)]


def unwrapped_source(source: str, spans: Sequence[Span]) -> str:
    """``source`` with the line breaks of the hard-wrapped blocks at ``spans`` read as spaces."""
    parts: list[str] = []
    at = 0
    for sp in spans:
        parts += [source[at : sp.start], source[sp.start : sp.end].replace("\n", " ")]
        at = sp.end
    return "".join([*parts, source[at:]])


def _block_spans(text: str, continues: bool, single: bool = False) -> list[tuple[int, int]]:
    """Quote spans of a block, paired line by line (a block may hold several paragraphs).  A quote
    left open at a line's end runs on over the next lines (a paragraph wrapped by hand) unless the
    next line opens with a mark (the next paragraph of a speech).  ``single``: the text quotes
    with single marks (:func:`_single_first`)."""
    if "\n" not in text:
        return pair_marks(text, continues, single)
    out: list[tuple[int, int]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    opens = [opens_with_mark(text[a:b], single) for a, b in lines]
    k = 0
    while k < len(lines):
        lo, j = lines[k][0], k
        depth = open_depth(text, lo, lines[k][1], 0, single)
        while depth and j + 1 < len(lines) and not opens[j + 1] and lines[j + 1][1] - lo <= _WRAP_CHARS:
            j += 1
            depth = open_depth(text, lines[j][0], lines[j][1], depth, single)
        cont = opens[j + 1] if j + 1 < len(lines) else continues
        out.extend((lo + s, lo + e) for s, e in pair_marks(text[lo : lines[j][1]], cont, single))
        k = j + 1
    return out


def is_scare(inner: str) -> bool:
    return len(inner.split()) <= 3 and inner.rstrip()[-1:] not in (".", "!", "?", ",")


def cued(masked: str, lo: int, hi: int, e: int) -> bool:
    """True when the sentence around a quote speaks of words: a reporting or naming verb
    ("called it", "rated it as"), or a noun such as "claim", "message", "slogan"."""
    return any(m.group().lower() in CUES for m in _WORD.finditer(masked, lo, min(hi, e + 300)))


# longer small words a title keeps in lower case ("Mornings with Amy Blake")
_SMALL = word_set("with from into over upon about")


def is_title(inner: str, period_ok: bool = False) -> bool:
    """Short and in Title Case, like the name of a show, book or event."""
    words = [w for w in inner.split() if (len(w) > 3 and w not in _SMALL) or w[:1].isdigit()]
    end = inner.rstrip()[-1:]
    head, colon, rest = inner.partition(": ")
    if colon and rest and len(inner.split()) <= 12 and is_title(head) and is_title(rest, period_ok):
        return True  # "Long Road: A Memoir of the River Towns", a title with its subtitle
    return (
        len(inner.split()) <= 6
        and bool(words)
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and (end not in (".", "!", "?") or (period_ok and end == "."))
    )


def is_nickname(text: str, s: int, e: int) -> bool:
    """A one-word capitalised quote between two parts of a name."""
    inner = text[s + 1 : e - 1]
    before, after = text[max(0, s - 30) : s], text[e : e + 30]
    return (
        " " not in inner.strip()
        and inner[:1].isupper()
        and re.search(r"[A-Z][a-z]+ $", before) is not None
        and re.match(r" [A-Z][a-z]", after) is not None
    )


def after_prep(text: str, s: int) -> bool:
    """True when the word before a quote introduces a name of a work ('on "Face the Nation"')."""
    prev = text[max(0, s - 30) : s].split()
    w = prev[-1].lower().rstrip(",:") if prev else ""
    return w in _WORK_INTRO or w.endswith(("'s", "’s"))


# Words after which a short Title-Case quote is someone's words, not the name of a work: a sign
# "reading" it, a crowd "chanting" it, a rival branding someone "as" it (measured on polnear_train's
# training part, issue 14).  Naming verbs ("titled", "called", "named") stay out: they name works,
# and so does "read" (one reads a book).
_WORDS_INTRO = word_set("as reading says said chanting chanted chants chant")
# Nouns of a crowd's voice: "chants of "Go Team Go"" are words shouted, not a name (measured on
# polnear_train's training part, issue 14)
_VOICES = word_set("chant chants cry cries shout shouts call calls chorus cheers screams yells roar roars")


def introduces_words(text: str, s: int) -> bool:
    """True when the word before a quote says words follow ('a hat reading "..."', 'chanting "..."',
    'chants of "..."'); never after "such as" or "known as" (a list of shows, a nickname)."""
    prev = text[max(0, s - 40) : s].split()
    w = prev[-1].lower().rstrip(",") if prev else ""
    if w == "of" and len(prev) > 1 and prev[-2].lower() in _VOICES:
        return True
    if w not in _WORDS_INTRO:
        return False
    return not (w == "as" and len(prev) > 1 and prev[-2].lower() in ("such", "known"))


_TWO_OPEN = re.compile(r"(?:^|(?<=[\s(]))''(?=\w)")


def _single_first(blocks: Sequence[Block], spans: Sequence[Sequence[tuple[int, int]]]) -> bool:
    """True when the text quotes with single marks, the British way ('Yes,' he said), given its
    spans paired the usual way (``spans``): more single marks outside double quotes can open a
    quotation in its body blocks than double marks can, and more than one ('' counts as a double
    mark; apostrophes, and headlines, which quote with single marks anyway, count not).  Only in
    Latin script: Korean or Japanese text marks emphasis with single marks and writes a particle
    right after the closing one, which reads as an apostrophe."""
    n_double = n_single = latin = letters = 0
    for b, sp in zip(blocks, spans, strict=True):
        if b.kind is BlockKind.TITLE:
            continue
        double, single = openers(b.text)
        n_double += double + (len(_TWO_OPEN.findall(b.text)) if "''" in b.text else 0)
        inside = sorted((s, e) for s, e in sp if b.text[s] in DOUBLE)
        starts = [s for s, _ in inside]
        ends = list(accumulate((e for _, e in inside), max))  # spans may nest: the furthest end so far
        outside = [i for i in single if not (k := bisect_left(starts, i)) or ends[k - 1] <= i]
        n_single += len(outside)
        if outside:
            letters += sum(1 for c in b.text if c.isalpha())
            latin += sum(1 for c in b.text if c.isalpha() and c < "\u0250")
    return n_single > max(1, n_double) and 2 * latin > letters


def _spans(blocks: Sequence[Block], single: bool) -> list[list[tuple[int, int]]]:
    out = []
    for bi, b in enumerate(blocks):
        cont = bi + 1 < len(blocks) and opens_with_mark(blocks[bi + 1].text, single)
        out.append(_block_spans(b.text, cont, single))
    return out


def all_spans(blocks: Sequence[Block]) -> tuple[list[list[tuple[int, int]]], bool]:
    """Quote spans per block, and whether the text quotes with single marks (:func:`_single_first`).

    In a text whose body quotes with double marks (or '', the old newspaper way), single-quoted
    phrases in body blocks are no quotes: they are headlines, subheads or nested quotes cut loose.
    Title blocks keep them ('Close to Zero')."""
    out = _spans(blocks, False)
    single = _single_first(blocks, out)
    if single:
        out = _spans(blocks, True)
    n_double = n_single = 0
    for b, spans in zip(blocks, out, strict=True):
        if b.kind is not BlockKind.TITLE:
            singles = sum(1 for s, _ in spans if b.text[s] in SINGLE)
            n_single += singles
            n_double += len(spans) - singles + (len(_TWO_OPEN.findall(b.text)) if "''" in b.text else 0)
    if n_double > n_single:
        for b, spans in zip(blocks, out, strict=True):
            if b.kind is not BlockKind.TITLE:
                spans[:] = [(s, e) for s, e in spans if b.text[s] not in SINGLE]
    return out, single
