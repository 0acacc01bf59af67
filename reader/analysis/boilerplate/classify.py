"""Boilerplate detection for plain-text and Markdown dumps: which lines are article, which furniture.

Each non-blank line is scored (:mod:`.lines`); the article is the
contiguous run of lines with the best total score (:mod:`.article_run`), cut
at the start of a comment section; in a clean document (a note, a copied article: no furniture
above the run) it is widened to every line.  Inside it, stock-phrase lines and runs of link-like
lines are hidden and credits, bylines and Markdown headings are told apart; before it, the
headline is found (:mod:`.headline`).  Everything outside it is hidden with a reason.
Returns ``(start, end, kind, reason)`` per non-blank line, the span being the whole line (for a
Markdown title or heading, the line after its ``#`` marks).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.boilerplate.article_run import (
    absorb_edges,
    best_run,
    bridge,
    decay,
    mark_data_lists,
    mark_lists,
    mark_repeats,
)
from reader.analysis.boilerplate.cues import COMMENTS_START, KEEP, is_byline, is_credit
from reader.analysis.boilerplate.headline import headline_case, mark_head
from reader.analysis.boilerplate.lines import Info, line_infos, split_lines
from reader.analysis.boilerplate.reconsider import (
    comment_head,
    reconsider,
    signed_cut,
    thread_below,
    thread_cut,
)
from reader.model import BlockKind

Line = tuple[int, int, BlockKind, str]
# A document without a single stock phrase or repeated line (a wire story, a note, a copied text:
# no page around it) is shown whole: the lines above the run found are text but for the
# headline, bylines and captions; in a head of at most this many lines only its sentences are
# (its other short lines are a dateline or an author's name, kept out of the text).  Chosen on the BBC scale
# articles (clean documents) and checked on the dev sets by halves; see the commit message.
BARE_HEAD = 3

# Tuned constants: each comment says what the value trades.  "By hand (commit X)" means the
# commit that set it records no data set or figures, and it was not re-validated on a held-out half.
# Furniture lines a section reason ("comments") survives: higher hides more prose under a stale
# reason, lower calls later comment lines "navigation"; by hand (commit f149403).
SECTION_IDLE = 6
_SECTIONS = frozenset({"newsletter", "donation appeal", "comments"})
_MD_HASHES = re.compile(r"[ \t]*#+[ \t]+")
_HEADS = (BlockKind.TITLE, BlockKind.HEADING)
# Lines classified one by one before the rest is body in bulk: more is slower on logs and books,
# fewer misjudges long pages; set with bench/bench_huge.py (commit 3a3e0e3), no accuracy figures.
BULK_UNITS = 20000
# Size of a bulk block: fewer, larger blocks against finer folds; by hand (commit 3a3e0e3).
BULK_CHARS = 2000


def classify_lines(source: str, start: int = 0, markdown: bool = False) -> list[Line]:
    """``(start, end, kind, reason)`` for every non-blank line of ``source`` from ``start``.

    A huge document (more than BULK_UNITS lines: a log, a book, a data dump) is no web page:
    its first BULK_UNITS lines are classified, with the article running on to their end, and
    the rest is text in bulk (:func:`_bulk`).
    """
    spans = split_lines(source, start)
    infos = line_infos(source, spans[:BULK_UNITS], markdown)
    if not infos:
        return []
    _classify(infos, markdown, len(spans) > BULK_UNITS)
    out = [(_heading_start(source, i.start, i.end) if markdown and i.kind in _HEADS else i.start,
            i.end, i.kind, i.reason if i.kind is BlockKind.BOILERPLATE else "") for i in infos]
    out.extend(_bulk(source, spans[BULK_UNITS:], markdown))
    return out


def classify_infos(source: str, spans: list[tuple[int, int]], markdown: bool, open_end: bool = False,
                   prepare: Callable[[list[Info]], None] | None = None) -> tuple[list[Info], int, int]:
    """The classified :class:`Info` of each unit of ``spans`` and the article run ``[a, b)``.

    ``prepare`` sees the scored records before the article run is looked for (the Markdown
    analysis makes the lines of a table or a list neutral there); ``open_end`` as in
    :func:`classify_lines`.
    """
    infos = line_infos(source, spans, markdown)
    if not infos:
        return infos, 0, 0
    if prepare is not None:
        prepare(infos)
    a, b = _classify(infos, markdown, open_end)
    return infos, a, b


def _bulk(source: str, spans: list[tuple[int, int]], markdown: bool) -> list[Line]:
    """Body text without a look at each line: consecutive lines (no blank line between them) are
    joined into blocks of up to BULK_CHARS characters; Markdown headings stay apart."""
    out: list[Line] = []
    s0 = e0 = -1
    for s, e in spans:
        if markdown and source.startswith("#", s):
            if s0 >= 0:
                out.append((s0, e0, BlockKind.BODY, ""))
            out.append((_heading_start(source, s, e), e, BlockKind.HEADING, ""))
            s0 = -1
        elif s0 >= 0 and e - s0 <= BULK_CHARS and source.count("\n", e0, s) == 1:
            e0 = e
        else:
            if s0 >= 0:
                out.append((s0, e0, BlockKind.BODY, ""))
            s0, e0 = s, e
    if s0 >= 0:
        out.append((s0, e0, BlockKind.BODY, ""))
    return out


def _classify(infos: list[Info], markdown: bool, open_end: bool) -> tuple[int, int]:
    """Set the kinds of the lines of ``infos`` and return the article run; with ``open_end`` the
    text goes on after the last one."""
    mark_repeats(infos)
    mark_lists(infos)
    mark_data_lists(infos)
    scores = decay([i.score for i in infos])
    ends = [c for c, i in enumerate(infos) if c and i.cue == "comments" and COMMENTS_START.search(i.low)]
    ends = [c for c in ends if not _BARE_HEADER.match(infos[c].low) or _thread_follows(infos, c)]
    a, b = best_run(scores, ends, frozenset(c for c in ends if thread_below(infos, c, THREAD_WINDOW)))
    found = b > a
    if not found:
        a, b = 0, len(infos)
    a, b = bridge(scores, a, b, infos)
    a, b = reconsider(infos, scores, a, b)
    b = thread_cut(infos, a, b, THREAD_WINDOW)
    b = signed_cut(infos, a, b)
    a, b, clean = absorb_edges(infos, a, b)
    bare = not any(i.cue or i.repeated for i in infos)
    if bare:
        b, clean, found = len(infos), True, True
    if open_end:
        b = len(infos)
    while b < len(infos) and b > a and (infos[b].listed or KEEP.match(infos[b].low)):
        b += 1
    for j in range(a, b):
        _mark_body(infos, j, markdown)
    own_lists = clean and (found or not any(i.cue for i in infos))
    _hide_link_runs(infos, a, b, own_lists)
    _hide_second_copies(infos, a, b)
    _hide_outside(infos, a, b)
    mark_head(infos, a, b, markdown, clean)
    if bare:  # the head of a bare document is text, but for its headline, bylines and captions
        for i in infos[:a]:
            if i.kind is BlockKind.BOILERPLATE and i.reason in ("navigation", "related links") \
                    and (i.sentence or a > BARE_HEAD):
                i.kind, i.reason = BlockKind.BODY, ""
    return a, b


# A bare "Comments" heading (a table column, a tab) ends the article only when a post's head
# (a name with a date, reply or vote words) follows within this many lines.  Chosen on the
# readability_dev halves (even 0.906 -> 0.911, odd 0.929 -> 0.933), AEB dev halves unchanged.
THREAD_WINDOW = 30
_BARE_HEADER = re.compile(r"^(comments?|responses?|replies|discussion)$")


def _thread_follows(infos: list[Info], c: int) -> bool:
    """Whether a comment's head line follows line ``c`` within THREAD_WINDOW lines."""
    return any(comment_head(i) for i in infos[c + 1 : c + 1 + THREAD_WINDOW])


def _heading_start(source: str, start: int, end: int) -> int:
    """Where a Markdown title or heading's words start, after its ``#`` marks."""
    m = _MD_HASHES.match(source, start, end)
    return m.end() if m and m.end() < end else start


# Words from which a line of the article run that repeats an earlier one is a second copy.
COPY_SHOWN = 8
# Share of the run's words in such lines that makes the run an article printed twice (a live
# report that repeats a few of its own sentences keeps them).
COPY_SHARE = 1 / 3


def _hide_second_copies(infos: list[Info], a: int, b: int) -> None:
    """Shown once: when a third of the run's words repeat earlier lines of it (an article the
    page prints twice, both copies in the run), the repeating prose lines are hidden."""
    seen: set[str] = set()
    again: list[Info] = []
    for i in infos[a:b]:
        if i.kind is not BlockKind.BODY or not i.repeated or i.words < COPY_SHOWN:
            continue
        if i.low in seen:
            again.append(i)
        else:
            seen.add(i.low)
    total = sum(i.words for i in infos[a:b] if i.kind is BlockKind.BODY)
    if again and sum(i.words for i in again) >= COPY_SHARE * total:
        for i in again:
            i.kind, i.reason = BlockKind.BOILERPLATE, "repeated text"


def _hide_outside(infos: list[Info], a: int, b: int) -> None:
    """Hide every line outside the article run, each with its own cue or the section's reason.

    A prose line after "Dear readers" or "3 Comments" takes that section's reason; lines with
    no section are navigation (short) or related links (teasers).
    """
    section, idle = "", 0
    for j, i in enumerate(infos):
        if a <= j < b:
            section = ""
            continue
        if i.cue in _SECTIONS:
            section, idle = i.cue, 0
        elif i.cue or i.words < 8:
            idle += 1
            if idle > SECTION_IDLE:
                section = ""
        else:
            idle = 0
        generic = "navigation" if i.words < 8 else "related links"
        i.kind, i.reason = BlockKind.BOILERPLATE, i.cue or section or generic


def _mark_body(infos: list[Info], j: int, markdown: bool) -> None:
    """The kind of a line inside the article run."""
    i = infos[j]
    if i.cue:
        i.kind, i.reason = BlockKind.BOILERPLATE, i.cue
    elif i.words >= 8 and _caps_teaser(i.text):
        i.kind, i.reason = BlockKind.BOILERPLATE, "related links"
    elif markdown and i.text.startswith("#"):
        i.kind = BlockKind.HEADING
    elif (i.credit and i.words <= 40) or (not i.sentence and i.words <= 30 and is_credit(i.text)):
        i.kind = BlockKind.CAPTION
    elif i.words <= 12 and is_byline(i.low) and not KEEP.match(i.low):
        i.kind = BlockKind.BYLINE
    else:
        i.kind = BlockKind.BODY


def _caps_teaser(text: str) -> bool:
    """A long line all in capitals, without figures, inside the text: a link to another story."""
    if text != text.upper():
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.isdigit() for c in text) \
        and sum(c.isupper() for c in letters) == len(letters)


def _hide_link_runs(infos: list[Info], a: int, b: int, own_lists: bool) -> None:
    """Hide runs of four or more short, unpunctuated lines inside the article: link lists.

    With ``own_lists`` (a clean document, see :func:`absorb_edges`, or one without prose or
    stock phrases) short lines are the writer's own lists: only headlines in title case count.
    """
    j = a
    while j < b:
        k = j
        while k < b and infos[k].kind is not BlockKind.BOILERPLATE and infos[k].score < 0 \
                and not infos[k].listed and not infos[k].sentence and infos[k].words <= 12 \
                and (not own_lists or headline_case(infos[k])):
            k += 1
        if k - j >= 4:
            for m in range(j, k):
                infos[m].kind, infos[m].reason = BlockKind.BOILERPLATE, "related links"
        j = max(k, j + 1)
