"""Features of one line of a text dump: length, stopword density, sentence shape, stock phrases.

:func:`line_infos` turns the non-blank lines into :class:`Info` records, each with a score:
positive for article prose (long, sentence-like, dense in the page language's stopwords),
negative for furniture (short link-like lines, datelines, credits, Title Case teasers, lines with
the stock phrases of appeals, sign-ups, share buttons, legal notices and comment sections).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.analysis.boilerplate.cues import (
    APPEAL_HINTS,
    APPEAL_WORDS,
    COMMENTS_START,
    COOKIES,
    COPYRIGHT_CUE,
    CUE_INDEX,
    GALLERY,
    KEEP,
    LEGAL,
    SHORT_CUES,
    is_byline,
    is_credit,
)
from reader.analysis.lexicon import FUNCTION_WORDS
from reader.model import BlockKind

# Tuned constants: each comment says what the value trades.  "By hand (commit X)" means the
# commit that set it records no data set or figures, and it was not re-validated on a held-out half.
# Line scores below weigh furniture against prose (a prose line scores up to +6): more negative
# splits the article at the furniture, less lets the run read through it.
# STRONG by hand (commit c416ecd); MILD and CAPTIONED (a1d1e58); DATED and TEASER (19a5b01).
STRONG = -4.0  # a stock phrase that opens a page section (newsletter, appeal, legal, comments)
MILD = -0.75  # inline furniture ("Advertisement", "Share this")
DATED = -2.0  # a short byline or dateline
TEASER = -0.5  # prose that opens with a Title Case headline
CAPTIONED = -0.3  # prose with a photo credit
# Appeal words a long line needs to be an appeal: fewer hides prose about donations; by hand (f6052c9).
APPEAL_HITS = 3
# Words from which a line without a sentence end still counts as (weak) prose; and from which it
# does when it is as dense in stopwords as running text and not in Title Case (notes, changelogs
# and status reports leave items unpunctuated; headlines are title-cased or short).  The second
# was chosen on the readability_dev halves (even 0.893 -> 0.896, odd 0.920 -> 0.929) with the AEB
# dev halves unchanged (0.937, 0.944; bench/halves.py); 20 is by hand.
UNPUNCTUATED = 20
UNPUNCTUATED_DENSE = 12
# Speed against a surer language guess: cut from 20000 to 8000 (16f72a8) and 4000 (67e707a) for speed.
LANGUAGE_SAMPLE = 4000  # characters of prose-like lines read to tell the page's language
# Reference for scaling the density thresholds of _score; by hand (commit 1f1f8fa).
FULL_DENSITY = 0.4  # stopword density of ordinary prose read with its own language's list
# Shorter joins short lines (lists, verse) as wrapped prose; by hand (commit 3acf0ad).
WRAP_MIN = 40  # a line at least this long that does not end a sentence may be hard-wrapped
# A text with UNWRAPPED_LINES lines longer than UNWRAPPED characters, a fifth or more of its lines
# of WRAP_MIN or more, is not hard-wrapped (tools wrap at 72 to 80 columns); the first
# WRAP_SAMPLE characters are looked at.  By hand; checked with bench/perturb.py's "single" and
# "wrapped" layouts and the dev sets by halves.
UNWRAPPED = 120
UNWRAPPED_LINES = 3
WRAP_SAMPLE = 200_000
# A line of a hard-wrapped text this close to its width is full: the paragraph goes on under it
# even when the line ends a sentence (a wrap that fell after a full stop); by hand.
FULL_SLACK = 10
NO_WIDTH = 1 << 30
_WRAP_END = re.compile(r"[.!?:;。！？…|][\"'”’»)\]*_]*$")
_NO_WRAP = re.compile(r"!\[|#|\||<|.*\]\([^()\s]{0,500}\)$")
_NOT_CONTINUED = re.compile(r"\s*([-*+•]\s|\d+[.)]\s|#|>|\||```|[A-Z][\w’' -]{0,40}:$)")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CLOSERS = "\"'”’»)]"
_ENDERS = frozenset(".!?。！？…")
_SENT = re.compile(r"[.!?。！？](\s|$)")
_MD_LINK = re.compile(r"!?\[([^\[\]]{0,300})\]\([^()\s]{0,500}\)")
_MD_ONLY_LINKS = re.compile(r"^(?:[-*+]\s+)?(?:!?\[[^\[\]]{0,300}\]\([^()\s]{0,500}\)[\s|·•,/-]*)+$")
_MD_PREFIX = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)")
_APPEAL = re.compile(r"support|donat|contribut|journalism")
_APPEAL_HINT = re.compile("|".join(map(re.escape, APPEAL_HINTS)))
# Short lines (menus, buttons) recur within a page and across a site: what their text alone
# tells (words, cue, sentence end) is remembered.
# Speed only (memory against hits): which lines are cached, and how many; commit 92efc8e.
_CACHED_LEN = 60
_CACHE_MAX = 50000
_Features = tuple[str, bool, list[str], float, bool, int]
_CUE_CACHE: dict[str, _Features] = {}
_STRONG = frozenset({"newsletter", "donation appeal", "legal"})
# Cues that a line of narrative prose can hold by chance ("his family donated", "the National
# Register"): in a long sentence they count only when the line speaks to the reader.
_PROSE_SAFE = frozenset({"newsletter", "donation appeal", "related links", "share buttons", "legal"})
_ADDRESS = re.compile(r"\b(you|your|our|us|we|please|here|now|today|free)\b")
# A long line is an appeal or a sign-up only when it speaks to the reader: news prose about
# donations or subscribers does not (checked on the BBC scale articles, clean documents, by halves;
# the dev sets unchanged).
_READER = re.compile(r"\b(you|your|we|our|us|please)\b")
# Words from which a sentence with a cue word is prose, unless it speaks to the reader: lower
# keeps more narrative sentences, and more appeals; by hand (commit b62a54e).
_PROSE_WORDS = 8


@dataclass(slots=True)
class Info:
    """What the classifier knows about one line."""

    start: int
    end: int
    text: str
    low: str
    plain: str
    words: int
    length: float
    density: float
    sentence: bool
    cue: str
    strong: bool
    score: float = 0.0
    kind: BlockKind = BlockKind.BOILERPLATE
    reason: str = ""
    listed: bool = False
    credit: bool = False
    repeated: bool = False
    copy: float = 0.0  # the score of a repeated line that may be the first copy of the article
    #: :func:`text_cue` of ``plain``, kept from the line's features (the Markdown analysis asks again)
    plain_cue: tuple[str, bool] = ("", False)


def line_infos(source: str, spans: list[tuple[int, int]], markdown: bool) -> list[Info]:
    """One scored :class:`Info` per unit of ``source`` (the ``spans`` of :func:`split_lines`)."""
    stop = _language(spans, source)
    infos = [_info(source, s, e, stop, markdown) for s, e in spans]
    scale = _density_scale(infos) if stop else 1.0
    for i in infos:
        i.score = _score(i, bool(stop), scale)
        if i.score > 0 and _headline_start(i.plain, stop):
            i.score = TEASER
        elif i.score > 0 and (GALLERY.match(i.plain) or (i.words <= 40 and is_credit(i.plain))):
            i.score, i.credit = CAPTIONED, True
    return infos


def _density_scale(infos: list[Info]) -> float:
    """How dense in stopwords this page's prose is, against well-matched prose (1.0).

    A page in a language without its own list (Romanian read with the Italian one) has sparse
    hits; the density thresholds shrink with it so that its prose still counts as prose.
    """
    dens = sorted(i.density for i in infos if i.words >= 10)
    if not dens:
        return 1.0
    ref = dens[min(len(dens) - 1, len(dens) * 4 // 5)]
    return max(0.25, min(1.0, ref / FULL_DENSITY))


def split_lines(source: str, start: int) -> list[tuple[int, int]]:
    """Spans of the units of ``source`` from ``start``: non-blank lines, hard-wrapped ones joined.

    A unit is a whole line without its newline, or the lines of one hard-wrapped paragraph (a
    long line that does not end a sentence, or that fills the text's wrap width, followed
    directly by a line that is not a list item, heading or quote).  A text whose long lines are
    common is not hard-wrapped, and no line of it is joined (:func:`_wrap_width`).
    """
    out: list[tuple[int, int]] = []
    pos = max(0, min(start, len(source)))
    n = len(source)
    wrap = False
    width = _wrap_width(source, pos)
    wrapped = width > 0
    while pos < n:
        nl = source.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and source[end - 1] == "\r" else end
        line = source[pos:e]
        stripped = line.strip()
        if not stripped:
            wrap = False
        elif wrap and not _NOT_CONTINUED.match(line):
            out[-1] = (out[-1][0], e)
        else:
            out.append((pos, e))
        wrap = wrapped and len(stripped) >= WRAP_MIN and not _NO_WRAP.match(stripped) \
            and (not _WRAP_END.search(stripped) or len(stripped) >= width - FULL_SLACK)
        pos = end + 1
    return out


def _wrap_width(source: str, start: int) -> int:
    """The column the text is hard-wrapped at, or 0 when long lines are common in it: a page
    dumped one block per line, without blank lines between, has its paragraphs on single long
    lines, and joining a line there joins a teaser or a caption to the next paragraph.

    The column is the length of the longest lines (past the longest tenth) when half the lines
    of WRAP_MIN or more characters come within FULL_SLACK of it (a wrapping tool fills its lines
    to about the same width); else NO_WIDTH, which no line reaches, so that only lines that
    end no sentence are joined."""
    sizes = []
    for line in source[start : start + WRAP_SAMPLE].splitlines():
        size = len(line.strip())
        if size >= WRAP_MIN:
            sizes.append(size)
    long = sum(1 for size in sizes if size > UNWRAPPED)
    if long >= UNWRAPPED_LINES and long * 5 >= len(sizes):
        return 0
    if not sizes:
        return NO_WIDTH
    sizes.sort()
    width = sizes[len(sizes) * 9 // 10]
    full = sum(1 for size in sizes if width - FULL_SLACK <= size <= width)
    return width if full * 2 >= len(sizes) else NO_WIDTH


def _sample(lines: list[tuple[int, int]], source: str, least: int) -> str:
    """The first LANGUAGE_SAMPLE characters of the lines at least ``least`` characters long."""
    parts: list[str] = []
    size = 0
    for s, e in lines:
        if e - s >= least:
            parts.append(source[s:e])
            size += e - s + 1
            if size >= LANGUAGE_SAMPLE:
                break
    return " ".join(parts)[:LANGUAGE_SAMPLE]


#: Each function word and the languages whose list holds it (one pass over a sample's words).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _stop in FUNCTION_WORDS.items():
    for _w in _stop:
        _LANGUAGES_OF[_w] = (*_LANGUAGES_OF.get(_w, ()), _lang)


def _language(lines: list[tuple[int, int]], source: str) -> frozenset[str]:
    """The stopword set of the page's language, or an empty set when none fits."""
    words = _WORD.findall((_sample(lines, source, 60) or _sample(lines, source, 0)).lower())
    if not words:
        return frozenset()
    counts = Counter(words)
    totals = dict.fromkeys(FUNCTION_WORDS, 0)
    for w in counts.keys() & _LANGUAGES_OF.keys():  # the function words the sample holds
        for lang in _LANGUAGES_OF[w]:
            totals[lang] += counts[w]
    best, hits = "", 0
    for lang, n in totals.items():  # the first language of the most hits, in FUNCTION_WORDS order
        if n > hits:
            best, hits = lang, n
    # share of function words below which no language is trusted; by hand (commit f1a6357)
    return FUNCTION_WORDS[best] if hits / len(words) >= 0.08 else frozenset()


def _cue(text: str, low: str, toks: list[str]) -> tuple[str, bool]:
    """The furniture reason of a line ("" for none) and whether it marks a page section."""
    if low[:1] == "(" and KEEP.match(low):
        return "", False
    if ("©" in low or "(c)" in low or "right" in low or "trademark" in low or "terms" in low
            or "privacy" in low or "cookie" in low) and (LEGAL.search(low) or COOKIES.search(low)):
        return "legal", True
    if len(toks) <= 12 and COMMENTS_START.match(low):
        return "comments", True
    if len(toks) <= 25:
        hits = {n for t in toks for n in CUE_INDEX.get(t[:3], ())}
        if "©" in low:
            hits.add(COPYRIGHT_CUE)
        for n in sorted(hits):
            rx, why = SHORT_CUES[n]
            m = rx.search(low)
            if m:
                if why == "legal" and is_credit(text):  # "Image copyright Getty Images"
                    return "", False
                if why in _PROSE_SAFE and len(toks) >= _PROSE_WORDS and m.start() > 0 \
                        and low.rstrip(_CLOSERS)[-1:] in _ENDERS and not _ADDRESS.search(low):
                    continue
                return why, why in _STRONG or (why == "related links" and len(toks) <= 5)
    elif _APPEAL_HINT.search(low) and len(APPEAL_WORDS.findall(low)) >= APPEAL_HITS \
            and _READER.search(low):
        return ("donation appeal" if _APPEAL.search(low) else "newsletter"), True
    return "", False


def _info(source: str, s: int, e: int, stop: frozenset[str], markdown: bool) -> Info:
    text = source[s:e].strip()
    plain = _md_plain(text) if markdown else text
    low = plain.lower()
    known = _CUE_CACHE.get(plain) if len(plain) <= _CACHED_LEN else None
    if known is None:
        known = _text_features(plain, low)
        if len(plain) <= _CACHED_LEN:
            if len(_CUE_CACHE) >= _CACHE_MAX:
                _CUE_CACHE.clear()
            _CUE_CACHE[plain] = known
    cue, strong, toks, length, sentence, words = known
    plain_cue = (cue, strong)
    density = sum(map(stop.__contains__, toks)) / len(toks) if toks and stop and length >= 40 else 0.0
    if markdown and _MD_ONLY_LINKS.match(text):
        cue, strong = ("image" if text.lstrip("-*+ ").startswith("!") else "navigation"), False
    return Info(s, e, text, low, plain, words, length, density, sentence, cue, strong, plain_cue=plain_cue)


def _md_plain(text: str) -> str:
    """A Markdown line's words: links as their text, without a list or quote marker or emphasis
    around it (the link pattern needs a "](", so a line without one is not searched for it)."""
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    m = _MD_PREFIX.match(text)  # anchored at the start: it matches once at most
    return (text[m.end():] if m else text).strip("*_ ")


def text_cue(plain: str) -> tuple[str, bool]:
    """The stock-phrase reason of a line's plain text alone ("" for none) and whether it opens a
    page section: :attr:`Info.cue` before the Markdown rule that calls a line of bare links
    navigation or an image."""
    known = _CUE_CACHE.get(plain) if len(plain) <= _CACHED_LEN else None
    if known is None:
        known = _text_features(plain, plain.lower())
    return known[0], known[1]


def _text_features(plain: str, low: str) -> _Features:
    """What a line's text alone tells: cue, section flag, words, length, sentence end, word count."""
    toks = _WORD.findall(low)
    cue, strong = _cue(plain, low, toks)
    cjk = 0 if plain.isascii() else len(_CJK.findall(plain))
    length = len(plain) + 2.0 * cjk
    sentence = plain.rstrip(_CLOSERS)[-1:] in _ENDERS or (length >= 40 and len(_SENT.findall(plain)) >= 2)
    return cue, strong, toks, length, sentence, max(len(toks), int(cjk / 2))


def _headline_start(text: str, stop: frozenset[str]) -> bool:
    """True when the line opens with a Title Case headline ("Ford Recalls Trucks With ..."): a teaser."""
    first = text.split(None, 6)[:6]
    if len(first) < 6:
        return False
    capital_stop = 0
    for w in first[1:]:
        if not (w[:1].isupper() or w[:1].isdigit()):
            return False
        if w.lower() in stop:
            capital_stop += 1
    return capital_stop >= 1


def _title_case(text: str) -> bool:
    """Most words after the first capitalised: a headline, not a sentence left unpunctuated."""
    words = text.split()
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    return caps >= 0.5 * max(1, len(words) - 1)


def _score(i: Info, known: bool, scale: float) -> float:
    """Positive for article prose, negative for furniture."""
    if i.cue:
        return STRONG if i.strong else MILD
    if i.words <= 12 and is_byline(i.low):
        return DATED
    if i.length < 40 or i.words < 6:
        return -1.0
    # Length counts up to 6 lines' worth (480 chars); density steps trade prose in lists and
    # sparse languages against link text; by hand (commits f1a6357, 1f1f8fa).
    base = min(i.length, 480.0) / 80.0
    if known:
        d = i.density / scale
        q = 1.0 if d >= 0.22 else 0.6 if d >= 0.14 else 0.1 if d >= 0.08 else -0.4
    else:
        q = 1.0
    if not i.sentence:
        prose = i.words >= UNPUNCTUATED or (
            q >= 1.0 and i.words >= UNPUNCTUATED_DENSE and not _title_case(i.plain))
        q = min(q, 0.3) if prose else -0.5
    return base * q

