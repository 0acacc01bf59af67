"""The head of an article in a text dump: its headline, bylines and photo captions.

Works on the line records of :mod:`.classify` once the article run
``[a, b)`` is known.  The headline is chosen by agreement between the signals a dump holds: the
line the page shows above its byline when the page's first line (often the HTML title,
"Headline - Site") names it; else a line above the run that the first line repeats or agrees
with; else the nearest headline-shaped line that the article's opening names (a credit, a byline,
a tag or a share prompt does not); else the first line without its site name, or the nearest
title-like line.  Exactly one line becomes the title; other copies of it are hidden as a
repeated title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.boilerplate.cues import is_byline, is_credit
from reader.analysis.lexicon import HEADLINE_MINOR
from reader.model import BlockKind

if TYPE_CHECKING:
    from reader.analysis.boilerplate.lines import Info

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Tuned constants: each comment says what the value trades.  "By hand (commit X)" means the
# commit that set it records no data set or figures, and it was not re-validated on a held-out half.
# Lines above the article searched for its headline: more finds headlines above long menus, and
# more menu lines taken for one; by hand (f1a6357, raised from 30 in 91ec429).
_LOOK_BACK = 40
# Least words of a clean document's first line taken as its headline despite a stock word: a
# one- to three-word line with one ("Share", "Sign in") is furniture; by hand, checked on the BBC
# scale articles (clean documents) by halves.
CUED_HEADLINE_WORDS = 4
# Longest line read as headline case: longer takes Title Case teasers for headlines; by hand (b62a54e).
HEADLINE_WORDS = 20


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.lstrip("#").strip()).casefold()


def title_like(i: Info) -> bool:
    """A line that could be a headline: 2 to 30 words, no closing stop, no byline or credit."""
    return 2 <= i.words <= 30 and not i.cue and not i.text.endswith((".", ",", ":", ";")) \
        and not is_byline(i.low) and not is_credit(i.text) and len(i.text) <= 250


def headline_case(i: Info) -> bool:
    """A short line in headline case ("Old Hands Help Russia Navigate U.S. Media."), stop or not."""
    words = i.text.split()
    return 3 <= len(words) <= HEADLINE_WORDS and not i.cue \
        and all(not w[:1].islower() or w in HEADLINE_MINOR for w in words[1:])


def _find_title(infos: list[Info], a: int, markdown: bool, clean: bool = False) -> int:
    if markdown:
        for j, i in enumerate(infos[: a + 1]):
            if i.text.startswith("# "):
                return j
    lo = max(1, a - _LOOK_BACK)
    s, e = title_part(infos[0].text)  # the page title without its site name or author
    first = _norm(infos[0].text[s:e])
    first_words = {w for w in _WORD.findall(first) if len(w) >= 4}
    best, best_j = 0.5, -1
    for j in range(a - 1, lo - 1, -1):
        if not title_like(infos[j]):
            continue
        t = _norm(infos[j].text)
        if len(t) < 12:
            continue
        if t in first:
            if len(_WORD.findall(t)) * FRAGMENT < len(_WORD.findall(first)):
                return -1  # a label that is a piece of the page title: the page title names it
            return j
        words = {w for w in _WORD.findall(t) if len(w) >= 4}
        share = 0.0
        if len(words) >= 3 and first_words:
            share = len(first_words & words) / min(len(words), len(first_words))
        if share > best:
            best, best_j = share, j
    if best_j >= 0:
        return best_j
    found = _scan(infos, a)
    if found >= 0:
        return found
    near = -1
    for j in range(a - 1, max(lo - 1, a - 8) - 1, -1):
        i = infos[j]
        if title_like(i) and i.words >= 5:
            return _above_byline(infos, j)
        if near < 0 and title_like(i) and i.words >= 3:
            near = j
        if not (i.cue or is_byline(i.low) or is_credit(i.text) or i.words <= 4):
            # a standfirst: the headline is the line just above it
            if near < 0 and j >= 1 and title_like(infos[j - 1]) and infos[j - 1].words >= 3:
                return j - 1
            break
    if near >= 0:
        return near
    if a <= 10:
        for j, i in enumerate(infos[: min(max(a, 1), 3)]):
            if not i.cue and (title_like(i) or headline_case(i)):
                return j
    if clean and a == 1 and cued_headline(infos[0]):
        return 0
    if clean and 1 <= a <= 4 and wire_headline(infos):
        return 0
    return -1


# Lines above the article searched for a headline that the article's opening backs; by hand.
SCAN_BACK = 30
# Longer words of the article's opening read for that backing; by hand.
OPENING_WORDS = 300
# Least share of a candidate's longer words that the opening must hold (at least two of them);
# by hand, checked on dumps without their page-title line (see the commit message).
SUPPORT = 0.5
# Most words of a headline found by its backing: longer lines are captions or teasers; by hand.
SCAN_WORDS = 25
# A file name, an address, a credit, a teaser cut short, a wire slug ("XX-Story--Topic"), a
# sentence with its credit in brackets: never a headline.
_NOT_TITLE = re.compile(r"\.(jpe?g|png|gif|webp|svg)\b|https?://|www\.|^(photo|image|credit|source|"
                        r"illustration|picture|video)s?\b|…$|\.\.\.$|\w--\w|[.!?]\s*\([^)]*\)$", re.I)


# A byline without "By": "Jane Doe, The Courier", "Courier staff reporter".
_NAME_OUTLET = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}, (?:The )?[A-Z][\w&.]*"
                          r"(?: [A-Z&][\w&.]*){0,3}$")
_ROLE_END = re.compile(r"\b(reporter|editor|writer|correspondent|columnist|contributor|staff|photographer|"
                       r"producer)s?$", re.I)


def bylineish(text: str) -> bool:
    """A line that names its author and outlet or role, not the story."""
    return bool(_NAME_OUTLET.match(text) or _ROLE_END.search(text))


def _long_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= 4 and not w.isdigit()}


def opening_words(infos: list[Info], a: int) -> set[str]:
    """The longer words of the article's first OPENING_WORDS words of body text."""
    out: set[str] = set()
    n = 0
    for i in infos[a:]:
        if i.kind is not BlockKind.BODY:
            continue
        words = [w for w in _WORD.findall(i.text.casefold()) if len(w) >= 4]
        out.update(words)
        n += len(words)
        if n >= OPENING_WORDS:
            break
    return out


def supported(text: str, opening: set[str]) -> bool:
    """At least SUPPORT of the text's longer words (two at least) are in the article's opening."""
    words = _long_words(text)
    have = len(words & opening)
    return len(words) >= 2 and have >= 2 and have >= SUPPORT * len(words)


def _scan(infos: list[Info], a: int) -> int:
    """The nearest line above the article in headline shape that the article's opening backs
    (a headline names what the article is about; a credit, a byline, a tag, a share prompt or a
    teaser for another story does not), or -1."""
    opening = opening_words(infos, a)
    if not opening:
        return -1
    for j in range(a - 1, max(1, a - SCAN_BACK) - 1, -1):
        i = infos[j]
        if title_like(i) and i.words <= SCAN_WORDS and not _NOT_TITLE.search(i.text) \
                and not _TWO_SENTENCES.search(i.text) and not bylineish(i.text) \
                and supported(i.text, opening):
            return j
    return -1


# Lines above the article searched for the byline under its headline; by hand.
HEAD_LINES = 12
# Lines above that byline searched for the headline; by hand.
OVER_BYLINE = 6
# Least share of the shown headline's longer words that the page title's headline part holds (two
# at least): chosen on the even halves (AEB dev h1 76/86 at 0.5, 78/86 at 0.4 and 0.34).
SHOWN_AGREE = 0.4
# Lines above a shown headline searched for the date of a teaser before it (a list of teasers,
# each with its date, above the article); by hand.
TEASER_GAP = 3
# Title-like lines above the byline that may not agree with the page title before the search
# stops (an author's "About" line, a label); by hand.
MISSES = 2


_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?] +[A-Z]")  # "...in Austria. Photo by"; not "L.A. Show"


def _displayed(infos: list[Info], a: int) -> int:
    """The headline the page shows above its byline, when the page title (the first line) names
    it (two longer words in common): the head of an article is its headline, then bylines, dates,
    share buttons, a photo and its credit, a standfirst.  The page's own headline wins over its
    page title (a variant for search engines); -1 when the head has no such shape."""
    if a < 2 or not (title_like(infos[0]) or _TITLE_SEP.search(infos[0].text)):
        return -1
    s, e = title_part(infos[0].text)
    told = _long_words(infos[0].text[s:e])
    part = _norm(infos[0].text[s:e])
    k = -1
    for j in range(a - 1, max(1, a - HEAD_LINES) - 1, -1):
        i = infos[j]
        if is_byline(i.low):
            k = j
            break
        if not (i.cue or i.sentence or i.words <= 5 or is_credit(i.text)):
            return -1  # a line of another kind between the article and any byline
    if k < 0:
        return -1
    misses, best, best_j = 0, 0.0, -1
    for j in range(k - 1, max(1, k - OVER_BYLINE) - 1, -1):
        i = infos[j]
        if i.cue or is_byline(i.low) or is_credit(i.text) or not title_like(i):
            continue
        words = _long_words(i.text)
        shared = len(words & told)
        low = _norm(i.text)
        if low in part and len(_WORD.findall(low)) * FRAGMENT < len(_WORD.findall(part)):
            continue  # a tag or a name that is a piece of the page title
        if i.words >= 3 and not _TWO_SENTENCES.search(i.text) and not _NOT_TITLE.search(i.text) \
                and shared >= 2 and shared >= SHOWN_AGREE * len(words):
            if best_j >= 0 and shared / len(words) <= best:
                break
            if any(is_byline(x.low) for x in infos[max(1, j - TEASER_GAP):j]):
                break  # a teaser under teasers, each with its date
            # a subtitle under the headline agrees less with the page title than the headline
            best, best_j = shared / len(words), j
            continue
        misses += 1
        if misses >= MISSES or best_j >= 0:
            break
    if best_j >= 0 and f" {' '.join(_WORD.findall(_norm(infos[best_j].text)))} " in \
            f" {' '.join(_WORD.findall(part))} ":
        return -1  # the line is a piece of the page title (under a kicker): the page title says more
    return best_j


def wire_headline(infos: list[Info]) -> bool:
    """The first line is short, one sentence at most, and stands above a byline or dateline: a
    headline, stop or not (wire copy ends its headlines with one: "Talks resume in Oslo.")."""
    if len(infos) < 3:
        return False
    i = infos[0]
    return 2 <= i.words <= HEADLINE_WORDS and not i.cue and not is_byline(i.low) \
        and ". " not in i.text and not i.text.endswith((",", ":", ";")) and is_byline(infos[1].low)


def cued_headline(i: Info) -> bool:
    """The first line of a clean document (sentences only below it) in headline shape, though it
    holds a stock word ("Ad sales ...", "... lifts shares"): a headline, not furniture."""
    return CUED_HEADLINE_WORDS <= i.words <= 30 and not i.sentence \
        and not i.text.endswith((",", ":", ";")) and not is_byline(i.low) and len(i.text) <= 250


def _above_byline(infos: list[Info], j: int) -> int:
    """The headline stands above the byline: a title line found under bylines or credits
    (a score line, a kicker) gives way to a headline just above them."""
    k, seen = j - 1, 0
    while k >= 1 and seen < 4 and (is_byline(infos[k].low) or is_credit(infos[k].text)):
        k, seen = k - 1, seen + 1
    if seen and k >= 0 and title_like(infos[k]) and infos[k].words >= 5:
        return k
    return j


# A line inside the page title with under 1/FRAGMENT of its words ("Earnings Report" in "X Stock
# Falls After Earnings Report Disappoints") is a label or a tag: the page title itself is the
# headline then.  By hand (3); on the dev sets it moved four titles, three to the better.
FRAGMENT = 3
# Words of a page-title part that reads as a site name or section label, stripped from either end.
SITE_WORDS = 4
# Least words of the headline left after stripping (fewer: the separator was part of the headline).
TITLE_PART_WORDS = 3
# Share of a candidate's longer words that the page title must hold for the two to agree.
AGREE = 0.5
# (?<!\s): tried only where a run of spaces starts (quadratic in a long run otherwise)
_TITLE_SEP = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|·|»)\s+")


def title_part(text: str) -> tuple[int, int]:
    """Where the headline lies in a page title ("Section | Headline - Site"): [start, end) in text.

    A short part (a site name; at the start a section label, not before a hyphen) is dropped from
    either end while the rest keeps at least TITLE_PART_WORDS words; a title without separators
    is all headline.
    """
    cuts = [(m.start(), m.end()) for m in _TITLE_SEP.finditer(text)]
    parts = [(0, cuts[0][0] if cuts else len(text))]
    parts += [(c[1], cuts[k + 1][0] if k + 1 < len(cuts) else len(text)) for k, c in enumerate(cuts)]

    # words of parts [0, k), counted once: a separator holds no word, so a range of parts has
    # the sum of theirs (recounting each range made a title of many parts quadratic)
    sums = [0]
    for a, b in parts:
        sums.append(sums[-1] + len(_WORD.findall(text, a, b)))

    def words(lo: int, hi: int) -> int:
        return sums[hi + 1] - sums[lo]

    lo, hi = 0, len(parts) - 1
    while lo < hi:
        if words(hi, hi) <= SITE_WORDS and words(lo, hi - 1) >= TITLE_PART_WORDS \
                and words(hi, hi) <= words(lo, hi - 1):
            hi -= 1
        elif words(lo, lo) <= SITE_WORDS and words(lo + 1, hi) >= TITLE_PART_WORDS \
                and words(lo, lo) <= words(lo + 1, hi) and text[cuts[lo][0]:cuts[lo][1]].strip() != "-":
            lo += 1
        else:
            break
    return parts[lo][0], parts[hi][1]


def _agrees(i: Info, page: str, part: str) -> bool:
    """A headline line and the page title name the same story: the line is inside the page title,
    or the page title holds at least AGREE of the line's longer words and the line at least AGREE
    of those of the title's headline part (``part``, the site name stripped)."""
    t = _norm(i.text)
    if t in page:
        return True
    words = {w for w in _WORD.findall(t) if len(w) >= 4}
    have = {w for w in _WORD.findall(page) if len(w) >= 4}
    told = {w for w in _WORD.findall(part) if len(w) >= 4}
    return bool(words) and len(words & have) >= AGREE * len(words) \
        and len(words & told) >= AGREE * len(told)


# Most lines at the start of the article run, before its first sentence, searched for a repeat
# of the page title; by hand.
IN_RUN = 20


def _same_line(infos: list[Info], part: str, a: int) -> int:
    """A line above the article that is the page title's headline part word for word (the page's
    own heading repeating its title), or -1."""
    key = " ".join(_WORD.findall(part.casefold()))
    if not key:
        return -1
    for j in range(1, min(a, _LOOK_BACK + 1)):
        i = infos[j]
        if not i.cue and i.words <= 30 and " ".join(_WORD.findall(i.low)) == key:
            return j
    return -1


def _page_title(infos: list[Info], t: int, a: int) -> int:
    """The title by agreement: a line above the article that the page title (the dump's first
    line) backs, else the page title itself with its site name stripped, else ``t``."""
    first = infos[0]
    # a first line with a site's separator is a page title even when its headline holds a
    # stop or a question mark ("Is it over? | Site"); without one, a sentence there is prose
    sep = _TITLE_SEP.search(first.text) is not None
    if t < 0 and 0 < a < len(infos) and 3 <= first.words <= 30:
        # no headline found, but the page repeats its first line word for word above the article
        # or just inside its run: the page's heading under its page title, whatever its shape
        end = a
        while end < min(len(infos), a + IN_RUN) and not (infos[end].sentence and infos[end].words >= 8):
            end += 1  # up to the article's first sentence
        same = _same_line(infos, first.text, end)
        if same > 0:
            return same
    if t == 0 or a == 0 or not (title_like(first) or sep) or (first.sentence and not sep):
        return t
    s, e = title_part(first.text)
    same = _same_line(infos, first.text[s:e], a)
    pieces = _TITLE_SEP.split(first.text, maxsplit=1)
    if same < 0 and len(pieces) == 2 and len(_WORD.findall(pieces[1])) <= SITE_WORDS:
        # "Topic - Site": too short a headline to strip the site name from, but the page may repeat it
        same = _same_line(infos, pieces[0], a)
    if same > 0:
        if t > 0 and same != t:
            infos[t].kind, infos[t].reason = BlockKind.BOILERPLATE, "navigation"
        return same
    if t > 0 and _agrees(infos[t], _norm(first.text), _norm(first.text[s:e])):
        return t
    words = _WORD.findall(first.text[s:e])
    if len(words) < TITLE_PART_WORDS or sum(len(w) >= 4 for w in words) < 2 \
            or all(len(_WORD.findall(p)) <= 2 for p in _TITLE_SEP.split(first.text[s:e])):
        return t  # too short, or a menu ("Fixtures | Results | Tables")
    opening = opening_words(infos, a)
    if t > 0 and supported(infos[t].text, opening) and not supported(first.text[s:e], opening):
        return t  # the article's opening names the line, not the first line (a site's name, a menu)
    if first.end - first.start == len(first.text):  # no blank around it: the part's own span
        first.start, first.end = first.start + s, first.start + e
        first.text = first.text[s:e]
    if t > 0:
        infos[t].kind, infos[t].reason = BlockKind.BOILERPLATE, "navigation"
    return 0


def mark_head(infos: list[Info], a: int, b: int, markdown: bool, clean: bool = False) -> None:
    """Set the title, the bylines and captions above the article, hide repeated headlines
    (``clean``: a document with nothing but sentences above the article, see ``absorb_edges``)."""
    t = -1 if markdown or clean else _displayed(infos, a)
    if t < 0:
        t = _find_title(infos, a, markdown, clean)
        if not markdown:
            t = _page_title(infos, t, a)
    if t < 0:
        return
    head = infos[t]
    head.kind, head.reason = BlockKind.TITLE, ""
    key = _norm(head.text)
    for j, i in enumerate(infos):
        if j != t and abs(len(i.text) - len(head.text)) <= 8 and _norm(i.text) == key:
            i.kind, i.reason = BlockKind.BOILERPLATE, "repeated title"
    for j in range(t + 1, a):
        i = infos[j]
        if i.kind is not BlockKind.BOILERPLATE or i.reason == "repeated title" or i.cue:
            continue
        if is_credit(i.text) and i.words <= 40:
            i.kind, i.reason = BlockKind.CAPTION, ""
        elif is_byline(i.low) and i.words <= 15:
            i.kind, i.reason = BlockKind.BYLINE, ""
        elif j == t + 1 and j + 1 < a and i.words >= 8 and i.plain.endswith((".", "?", "!")) \
                and (is_byline(infos[j + 1].low) or is_credit(infos[j + 1].text)):
            i.kind, i.reason = BlockKind.BODY, ""  # the standfirst under the headline
