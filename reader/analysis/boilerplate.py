"""Boilerplate detection for plain-text and Markdown dumps: which lines are article, which furniture.

Each non-blank line is scored as prose (long, sentence-like, dense in the page language's
stopwords) or furniture (short link-like lines, stock phrases of appeals, sign-ups, share
buttons, legal notices).  The article is taken to be the one contiguous run of lines with the
best total score; it is cut at the start of a comment section.  Inside it, stock-phrase lines
and runs of link-like lines are hidden; before it, the headline, bylines and captions are found.
Returns ``(start, end, kind, reason)`` per non-blank line, the span being the whole line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.analysis.boilerplate_cues import (
    APPEAL_WORDS,
    COMMENTS_START,
    CREDIT,
    CUE_STEMS,
    KEEP,
    LEGAL,
    SHORT_CUES,
    STOPWORDS,
    is_byline,
)
from reader.analysis.boilerplate_head import mark_head
from reader.model import BlockKind

Line = tuple[int, int, BlockKind, str]

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENT_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_SENT = re.compile(r"[.!?。！？](\s|$)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_APPEAL = re.compile(r"support|donat|contribut|journalism")
ISOLATED = 0.0
LIST_MAX = 40
DECAY_AFTER = 3
DECAY = 0.5
SECTION_IDLE = 6
MILD = -0.75
REPEATED = -0.5
CAPTIONED = -0.3
BRIDGE_GAP = 4
BRIDGE_MIN = 4.0
TEASER = -0.5
DATED = -2.0
APPEAL_HITS = 3
_LEGAL_HINT = re.compile(r"©|\(c\)|right|trademark|terms|privacy")
_SECTIONS = frozenset({"newsletter", "donation appeal", "comments"})
_STRONG = frozenset({"newsletter", "donation appeal", "legal"})
_MD_ONLY_LINKS = re.compile(r"^(?:[-*+]\s+)?(?:!?\[[^\]]*\]\([^)]*\)[\s|·•,/-]*)+$")
_MD_HASHES = re.compile(r"[ \t]*#+[ \t]+")
_MD_PREFIX = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)")


@dataclass(slots=True)
class Info:
    """What the classifier knows about one line."""

    start: int
    end: int
    text: str
    low: str
    words: int
    length: float
    density: float
    sentence: bool
    cue: str
    score: float = 0.0
    kind: BlockKind = BlockKind.BOILERPLATE
    reason: str = ""
    listed: bool = False
    credit: bool = False


def split_lines(source: str, start: int) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``source`` from ``start`` (the whole line, no newline)."""
    out: list[tuple[int, int]] = []
    pos = max(0, min(start, len(source)))
    n = len(source)
    while pos < n:
        nl = source.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and source[end - 1] == "\r" else end
        if source[pos:e].strip():
            out.append((pos, e))
        pos = end + 1
    return out


def _language(lines: list[tuple[int, int]], source: str) -> frozenset[str]:
    """The stopword set of the page's language, or an empty set when none fits."""
    words = _WORD.findall(" ".join(source[s:e] for s, e in lines).lower())
    if not words:
        return frozenset()
    counts = Counter(words)
    best, hits = "", 0
    for lang, stop in STOPWORDS.items():
        n = sum(counts[w] for w in stop)
        if n > hits:
            best, hits = lang, n
    return STOPWORDS[best] if hits / len(words) >= 0.08 else frozenset()


def _cue(text: str, low: str, toks: list[str]) -> tuple[str, bool]:
    """The furniture reason of a line ("" for none) and whether it marks a page section."""
    if KEEP.match(low):
        return "", False
    if _LEGAL_HINT.search(low) and LEGAL.search(low):
        return "legal", True
    if COMMENTS_START.search(low):
        return "comments", True
    if len(toks) <= 25:
        if not any(t[:3] in CUE_STEMS for t in toks) and "©" not in low:
            return "", False
        for rx, why in SHORT_CUES:
            if rx.search(low):
                if CREDIT.search(text):
                    return "", False
                return why, why in _STRONG or (why == "related links" and len(toks) <= 5)
    elif len(APPEAL_WORDS.findall(low)) >= APPEAL_HITS:
        return ("donation appeal" if _APPEAL.search(low) else "newsletter"), True
    return "", False


def _info(source: str, s: int, e: int, stop: frozenset[str], markdown: bool) -> Info:
    text = source[s:e].strip()
    plain = _MD_PREFIX.sub("", _MD_LINK.sub(r"\1", text)).strip("*_ ") if markdown else text
    low = plain.lower()
    toks = _WORD.findall(low)
    cjk = 0 if plain.isascii() else len(_CJK.findall(plain))
    length = len(plain) + 2.0 * cjk
    density = sum(1 for t in toks if t in stop) / len(toks) if toks and stop else 0.0
    sentence = bool(_SENT_END.search(plain)) or len(_SENT.findall(plain)) >= 2
    words = max(len(toks), int(cjk / 2))
    cue, strong = _cue(plain, low, toks)
    if markdown and _MD_ONLY_LINKS.match(text):
        cue, strong = ("image" if text.lstrip("-*+ ").startswith("!") else "navigation"), False
    info = Info(s, e, text, low, words, length, density, sentence, cue)
    info.score = _score(info, bool(stop), strong)
    if info.score > 0 and _headline_start(plain, stop):
        info.score = TEASER
    elif info.score > 0 and words <= 80 and CREDIT.search(plain):
        info.score, info.credit = CAPTIONED, True
    return info


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


def _score(i: Info, known: bool, strong: bool) -> float:
    """Positive for article prose, negative for furniture."""
    if i.cue:
        return -4.0 if strong else MILD
    if i.words <= 12 and is_byline(i.low):
        return DATED
    if i.length < 40 or i.words < 6:
        return -1.0
    base = min(i.length, 480.0) / 80.0
    if known:
        q = 1.0 if i.density >= 0.22 else 0.6 if i.density >= 0.14 else 0.1 if i.density >= 0.08 else -0.4
    else:
        q = 1.0
    if not i.sentence:
        q = min(q, 0.3) if i.words >= 20 else -0.5
    return base * q


def _decay(scores: list[float]) -> list[float]:
    """Soften the cost of long runs of weak lines (-1) after the first few: one link box, one cost."""
    out = scores[:]
    run = 0
    for j, sc in enumerate(scores):
        run = run + 1 if -1.0 <= sc < 0 else 0
        if run > DECAY_AFTER:
            out[j] = sc * DECAY
    return out


def _bridge(scores: list[float], a: int, b: int, infos: list[Info]) -> tuple[int, int]:
    """Join to the run prose that only a small box (a sign-up form, one photo) keeps apart."""
    while True:
        g = a
        while g > 0 and scores[g - 1] <= 0 and a - g < BRIDGE_GAP and scores[g - 1] != DATED:
            g -= 1
        best, total, start = 0.0, 0.0, g
        for j in range(g - 1, -1, -1):
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
        for j in range(g, len(scores)):
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
    """Prose needed beyond a gap: little when the gap is only inline furniture ("Advertisement")."""
    return 0.5 if all(i.cue and i.score == MILD for i in gap) else BRIDGE_MIN


def _best_run(scores: list[float]) -> tuple[int, int]:
    """Indices [a, b) of the contiguous run with the largest total score."""
    best, best_a, best_b = 0.0, 0, 0
    run, a = 0.0, 0
    for j, sc in enumerate(scores):
        if run <= 0:
            run, a = 0.0, j
        run += sc
        if run > best:
            best, best_a, best_b = run, a, j + 1
    return best_a, best_b


def classify_lines(source: str, start: int = 0, markdown: bool = False) -> list[Line]:
    """``(start, end, kind, reason)`` for every non-blank line of ``source`` from ``start``."""
    spans = split_lines(source, start)
    if not spans:
        return []
    stop = _language(spans, source)
    infos = [_info(source, s, e, stop, markdown) for s, e in spans]
    _mark_repeats(infos)
    _mark_lists(infos)
    scores = _decay([i.score for i in infos])
    a, b = _best_run(scores)
    for c in range(1, len(infos)):
        if infos[c].cue == "comments" and COMMENTS_START.search(infos[c].low):
            ca, cb = _best_run(scores[:c])
            if sum(scores[ca:cb]) >= 4.0:
                a, b = ca, cb
                break
    if b <= a:
        a, b = 0, len(infos)
    a, b = _bridge(scores, a, b, infos)
    while b < len(infos) and b > a and (infos[b].listed or KEEP.match(infos[b].low)):
        b += 1
    for j in range(a, b):
        _mark_body(infos, j, markdown)
    _hide_link_runs(infos, a, b)
    _hide_outside(infos, a, b)
    mark_head(infos, a, b, markdown)
    return [(_heading_start(source, i) if markdown else i.start, i.end, i.kind,
             i.reason if i.kind is BlockKind.BOILERPLATE else "") for i in infos]


def _heading_start(source: str, i: Info) -> int:
    """Where a Markdown title or heading's words start, after its ``#`` marks."""
    if i.kind not in (BlockKind.TITLE, BlockKind.HEADING):
        return i.start
    m = _MD_HASHES.match(source, i.start, i.end)
    return m.end() if m and m.end() < i.end else i.start


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
    i = infos[j]
    if i.cue:
        i.kind, i.reason = BlockKind.BOILERPLATE, i.cue
    elif markdown and i.text.startswith("#"):
        i.kind = BlockKind.HEADING
    elif (i.credit and i.words <= 40) or (i.words <= 30 and CREDIT.search(i.text) and not i.sentence):
        i.kind = BlockKind.CAPTION
    elif i.words <= 12 and is_byline(i.low) and not KEEP.match(i.low):
        i.kind = BlockKind.BYLINE
    else:
        i.kind = BlockKind.BODY


def _mark_repeats(infos: list[Info]) -> None:
    """Lines that occur twice on a page (menus, gallery captions) are not article prose."""
    seen: dict[str, int] = {}
    for i in infos:
        if i.words >= 4:
            seen[i.low] = seen.get(i.low, 0) + 1
    for i in infos:
        if i.words >= 4 and seen[i.low] > 1:
            i.score = min(i.score, REPEATED)


def _mark_lists(infos: list[Info]) -> None:
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


def _hide_link_runs(infos: list[Info], a: int, b: int) -> None:
    """Hide runs of three or more short, unpunctuated lines inside the article: link lists."""
    j = a
    while j < b:
        k = j
        while k < b and infos[k].kind is not BlockKind.BOILERPLATE and infos[k].score < 0 \
                and not infos[k].listed and not infos[k].sentence and infos[k].words <= 12:
            k += 1
        if k - j >= 4:
            for m in range(j, k):
                infos[m].kind, infos[m].reason = BlockKind.BOILERPLATE, "related links"
        j = max(k, j + 1)
