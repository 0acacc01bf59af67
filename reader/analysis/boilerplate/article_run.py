"""The article run of a text dump: the contiguous lines with the best total prose score.

Before the search, repeated lines are marked down and lists introduced by a colon are made
neutral; long runs of weak lines cost less after the first few.  After it, small boxes of
furniture (a sign-up form, an advertisement) between the run and more prose are bridged, and
in a clean document (nothing but sentences above the run) the run takes in every line.
"""

from __future__ import annotations

import re

from reader.analysis.boilerplate.cues import is_credit
from reader.analysis.boilerplate.headline import cued_headline, title_like, wire_headline
from reader.analysis.boilerplate.lines import DATED, MILD, Info

# Tuned constants: each comment says what the value trades.  "By hand (commit X)" means the
# commit that set it records no data set or figures, and it was not re-validated on a held-out half.
# Lines after a colon made neutral as a list: longer lists kept against link boxes after a colon
# absorbed; by hand (commit 19a5b01).
LIST_MAX = 40
# Rows that make a data table: fewer keeps short tables, but also dated link lists; by hand (f5bcd6c).
DATA_ROWS = 4
# What a table row is worth: enough to join a run, far below prose; by hand (commit f5bcd6c).
DATA_SCORE = 0.3
_DIGIT = re.compile(r"\d")
_DATA_ROW = re.compile(r"\d.*(\s[–—-]{1,2}\s|:\s|\s@\s|\s\|\s)|(\s[–—-]{1,2}\s|:\s|\s@\s|\s\|\s).*\d")
# Weak lines in a row at full cost: after it one link box costs less, so prose on both sides can
# join, at the risk of swallowing furniture; by hand (commit f6052c9).
DECAY_AFTER = 3
# Cost factor past DECAY_AFTER (same trade); by hand (commit f6052c9).
DECAY = 0.5
# Score cap of a line that occurs twice: menus and gallery captions out, a repeated pull quote
# out too; by hand (commit a1d1e58).
REPEATED = -0.5
# Words from which a repeated sentence may be article text printed twice (issue 13, by hand).
COPY_WORDS = 15
# Long repeated sentences in a row that make a copy of the article (one is a teaser's lede), or
# two side by side, each ending with a stop, whose copies stand side by side too (_pair_copied):
# perturbed 'twice' AEB 0.785/0.878 -> 0.834/0.889, readability_dev 0.834/0.887 -> 0.834/0.893;
# without the stop, a gallery's caption pair in two lengths was taken (one AEB odd page 1.0 -> 0.77).
COPY_RUN = 3
# Widest gap of furniture lines bridged: wider joins more split articles, and more sidebars;
# by hand (commit ce94451).
BRIDGE_GAP = 4
# Prose score needed beyond a gap to bridge it (same trade); by hand (commit ce94451).
BRIDGE_MIN = 4.0
# Bounds the look beyond a gap for linear time on pathological pages, not for accuracy (523b954).
BRIDGE_SCAN = 60  # lines beyond a gap weighed for a bridge (more joins need another step)
# Run score before a comment section that ends the search there: lower cuts at comments above
# the article, higher reads on into comments; by hand (commit 523b954).
CUT_MIN = 4.0
# Headline or first line of text: lower takes long headlines for prose; by hand (commit b62a54e).
PROSE_FIRST = 6  # words of a sentence on a document's first line that make it text, not a headline


def mark_repeats(infos: list[Info]) -> None:
    """Lines that occur twice on a page (menus, gallery captions) are not article prose.

    The first copy of an article printed twice keeps its own score in ``copy``, for
    :mod:`.reconsider` to weigh when the run chosen without it is short."""
    seen: dict[str, int] = {}
    for i in infos:
        if i.words >= 4:
            seen[i.low] = seen.get(i.low, 0) + 1
    keep = _first_copies(infos, seen)
    for j, i in enumerate(infos):
        if i.words >= 4 and seen[i.low] > 1:
            if j in keep:
                i.copy = i.score
            i.score, i.repeated = min(i.score, REPEATED), True


def _first_copies(infos: list[Info], seen: dict[str, int]) -> set[int]:
    """Lines of the first copy of an article that the page prints twice: COPY_RUN or more long
    repeated sentences in a row (shorter lines between them aside), each the first of its text,
    or a pair of them (:func:`_pair_copied`)."""
    keep: set[int] = set()
    run: list[int] = []
    met: set[str] = set()
    where: dict[str, list[int]] = {}
    for j, i in enumerate(infos):
        if i.words >= COPY_WORDS and seen[i.low] > 1:
            where.setdefault(i.low, []).append(j)
    for j, i in enumerate(infos):
        if i.words < COPY_WORDS:
            continue
        if i.sentence and seen[i.low] > 1 and i.low not in met:
            run.append(j)
            met.add(i.low)
            continue
        if len(run) >= COPY_RUN or _pair_copied(infos, run, where):
            keep.update(run)
        run = []
    if len(run) >= COPY_RUN or _pair_copied(infos, run, where):
        keep.update(run)
    return keep


_STOP_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _pair_copied(infos: list[Info], run: list[int], where: dict[str, list[int]]) -> bool:
    """Two long sentences side by side, each ending with a stop, whose second copies stand side
    by side in the same order further down (``where``: the lines of each repeated text): a short
    article printed twice."""
    if len(run) != 2 or run[1] != run[0] + 1 or not all(_STOP_END.search(infos[j].text) for j in run):
        return False  # paragraphs end with a stop ("... more" ends a caption's short form)
    second = infos[run[1]].low
    return any(k > run[1] and k + 1 < len(infos) and infos[k + 1].low == second
               for k in where[infos[run[0]].low])


def mark_lists(infos: list[Info]) -> None:
    """Lines after one ending in a colon are list items of the text: make them neutral."""
    j = 0
    n = len(infos)
    while j < n:
        i = infos[j]
        if not (i.text.endswith(":") and i.words >= 2 and not i.cue):
            j += 1
            continue
        i.score = max(i.score, 0.5)
        k = j + 1
        while k < n and k - j <= LIST_MAX and not infos[k].cue and infos[k].words <= 20 \
                and not infos[k].text.endswith(":"):
            infos[k].listed = True
            infos[k].score = max(infos[k].score, 0.0)
            k += 1
        j = k


def mark_data_lists(infos: list[Info]) -> None:
    """Runs of short lines that each pair a number with a separator ("June 9 – Tampa, FL") are
    a table of the text (dates, results, schedules), not navigation: they count a little."""
    j, n = 0, len(infos)
    while j < n:
        k = j
        while k < n and not infos[k].cue and infos[k].words <= 20 and _DIGIT.search(infos[k].text) \
                and _DATA_ROW.search(infos[k].text):
            k += 1
        if k - j >= DATA_ROWS:
            for m in range(j, k):
                infos[m].listed = True
                infos[m].score = max(infos[m].score, DATA_SCORE)
        j = max(k, j + 1)


def decay(scores: list[float]) -> list[float]:
    """Soften the cost of long runs of weak lines (-1) after the first few: one link box, one cost."""
    out = scores[:]
    run = 0
    for j, sc in enumerate(scores):
        run = run + 1 if -1.0 <= sc < 0 else 0
        if run > DECAY_AFTER:
            out[j] = sc * DECAY
    return out


def best_run(scores: list[float], cuts: list[int] | None = None,
             firm: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Indices [a, b) of the contiguous run with the largest total score.

    ``cuts`` are the starts of comment sections, in order: at the first one with a run worth
    CUT_MIN before it, the search stops and that run is the answer.  A cut in ``firm`` (a
    comment thread follows it: posts with their heads and reply buttons) stops the search
    after any run with a positive score.
    """
    best, best_a, best_b = 0.0, 0, 0
    run, a = 0.0, 0
    pending = iter(cuts or ())
    cut = next(pending, -1)
    for j, sc in enumerate(scores):
        while cut == j:
            if best >= CUT_MIN or (best > 0 and j in firm):
                return best_a, best_b
            cut = next(pending, -1)
        if run <= 0:
            run, a = 0.0, j
        run += sc
        if run > best:
            best, best_a, best_b = run, a, j + 1
    return best_a, best_b


def bridge(scores: list[float], a: int, b: int, infos: list[Info]) -> tuple[int, int]:
    """Join to the run prose that only a small box (a sign-up form, one photo) keeps apart."""
    while True:
        g = a
        while g > 0 and scores[g - 1] <= 0 and a - g < BRIDGE_GAP and scores[g - 1] != DATED:
            g -= 1
        best, total, start = 0.0, 0.0, g
        for j in range(g - 1, max(-1, g - 1 - BRIDGE_SCAN), -1):
            total += scores[j]
            if total > best:
                best, start = total, j
        if g == a or g == 0 or scores[g - 1] <= 0 or best < _bridge_min(infos[g:a]):
            break
        a = start
    while True:
        g = b
        while g < len(scores) and scores[g] <= 0 and g - b < BRIDGE_GAP and scores[g] != DATED \
                and infos[g].cue != "comments":
            g += 1
        best, total, end = 0.0, 0.0, g
        for j in range(g, min(len(scores), g + BRIDGE_SCAN)):
            if infos[j].cue == "comments":
                break
            total += scores[j]
            if total > best:
                best, end = total, j + 1
        if g == b or g >= len(scores) or scores[g] <= 0 or best < _bridge_min(infos[b:g]):
            break
        b = end
    return a, b


def _bridge_min(gap: list[Info]) -> float:
    """Prose needed beyond a gap: little when the gap is only inline furniture ("Advertisement").

    A donation appeal or a comment section is never bridged: what follows it is not the article.
    """
    if any(i.cue in ("donation appeal", "comments") for i in gap):
        return float("inf")
    inline = all((i.cue and i.score == MILD) or (i.words <= 30 and is_credit(i.text)) for i in gap)
    return 0.5 if inline else BRIDGE_MIN


def _head_line(i: Info) -> bool:
    """A sentence without a cue, or a byline or credit: what a clean document has above its text."""
    return (i.sentence and not i.cue) or i.score == DATED or i.credit


def absorb_edges(infos: list[Info], a: int, b: int) -> tuple[int, int, bool]:
    """Widen the run over the edges of a clean document (a note, a copied article, no page).

    The document is clean when every line above the run but the first is a sentence, byline or
    credit (one other line, a headline, may stand under a first line of prose).  The run then
    starts at the first line, unless that reads as a headline, and runs on below up to a line
    that the page repeats (teasers), a comment section, or a line with a stock phrase that opens
    a page section (newsletter, appeal, legal) unless only sentences follow it up to the end or
    the next such line.  Furniture inside the run is still hidden line by line.
    """
    if a > 0:
        first = infos[0]
        first_prose = first.sentence and first.words >= PROSE_FIRST and not first.cue
        others = sum(not _head_line(i) for i in infos[1:a])
        if others > (1 if first_prose else 0):
            return a, b, False
        headline = (title_like(first) or cued_headline(first)) and not first_prose
        a = 1 if headline or wire_headline(infos) else 0
    n = len(infos)
    while b < n and not infos[b].repeated:
        if infos[b].strong:  # past a box of furniture only into more sentences, never into comments
            k = b + 1
            while k < n and not infos[k].strong and _head_line(infos[k]) and not infos[k].repeated:
                k += 1
            if infos[b].cue == "comments" or k == b + 1 or (k < n and not infos[k].strong):
                break
        b += 1
    return a, b, True
