"""Put the article parts and the rest of the page's visible blocks in one reading order.

The article parts (from trafilatura) are matched to the page's visible blocks by
their text; a block no part covers keeps its place in the page.  So nothing visible
is lost, and the furniture sits before, between or after the article text as in
the page.  Each item carries where it comes from and the hints of its page block
(:class:`reader.ingest.Hints`); whether it is a caption, a byline or hidden furniture
is decided in :mod:`reader.analysis.boilerplate.html`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

from reader.ingest import Hints, Origin
from reader.ingest.html_blocks import TextBlock
from reader.model import BlockKind

_SPACE = re.compile(r"\s+")
_KEY = re.compile(r"[\s|]+")  # trafilatura joins table cells with " | "
#: Parts at most this long (without spaces) that the page does not show are marked unseen.
MAX_UNSEEN = 200
#: A container holding this many of the article's blocks is the article's.
MIN_HOME = 3
#: Shorter texts must match a part exactly to count as part of the article.
MIN_SUBSTRING = 20
#: Parts searched past the next one for a page block (exact matches are found anywhere).
WINDOW = 40
#: Most characters compared for substring checks across a whole page, to stay fast on huge ones.
SEARCH_BUDGET = 200_000_000

#: kind, text, origin and hints of one item of the page's reading order
Item = tuple[BlockKind, str, Origin, Hints]


class _Step(NamedTuple):
    """Emit the parts ``[start, end)``, or else one free page block."""

    start: int
    end: int
    block: TextBlock | None = None
    origin: Origin = Origin.PAGE
    #: a free block that is the article's when it sits alone between two consecutive parts
    gap: bool = False


def norm(text: str) -> str:
    """Whitespace collapsed, for matching texts from the two extractions."""
    return _SPACE.sub(" ", text).strip()


def _covers(block: str, part: str) -> bool:
    if block == part:
        return True
    if len(block) >= MIN_SUBSTRING and block in part:
        return True
    return len(part) >= MIN_SUBSTRING and part in block


class _Index:
    """Finds the article part covering a page block: exact texts through a dict, near
    ones by substring in a window, so big pages stay linear."""

    def __init__(self, nparts: list[str], blocks: int) -> None:
        self.nparts = nparts
        self.exact: dict[str, list[int]] = {}
        for k, text in enumerate(nparts):
            self.exact.setdefault(text, []).append(k)
        self.whole = "\n".join(nparts)
        # a substring search through the whole article per block, only when that is cheap
        self.cheap = len(self.whole) * blocks <= SEARCH_BUDGET

    def find(self, block: str, start: int) -> int:
        """Index of the first part at or after ``start`` that covers ``block``, else -1."""
        start = max(start, 0)
        hits = self.exact.get(block, ())
        i = bisect_left(hits, start)
        best = hits[i] if i < len(hits) else len(self.nparts)
        for k in range(start, min(best, start + WINDOW)):
            if _covers(block, self.nparts[k]):
                return k
        return best if best < len(self.nparts) else -1

    def shown(self, block: str) -> bool:
        """True when the block's text is already somewhere in the article."""
        if block in self.exact:
            return True
        return self.cheap and len(block) >= MIN_SUBSTRING and block in self.whole


def merge(
    parts: list[tuple[BlockKind, str]],
    blocks: list[TextBlock],
    more: frozenset[int] = frozenset(),
    between: frozenset[int] = frozenset(),
) -> list[Item]:
    """Article parts and uncovered page blocks, in page order, each with its hints; an uncovered
    block whose index is in ``more`` counts as a part of the article, and so does a run of
    uncovered blocks all in ``between`` that sits alone between two consecutive parts."""
    nparts = [_key(text) for _, text in parts]  # matched without spaces or table bars
    kinds = [kind for kind, _ in parts]
    twins: list[TextBlock | None] = [None] * len(parts)  # a page block of the same text
    index = _Index(nparts, len(blocks))
    bkeys = [_key(block.text) for block in blocks]
    # a run of parts to emit, or a free block (with its origin)
    plan: list[_Step] = []
    homes: Counter[str] = Counter()  # containers of the page blocks the article covers
    used: set[int] = set()  # parts already matched by an equal block
    j = 0  # next article part to emit
    for b, block in enumerate(blocks):
        bkey = bkeys[b]
        k = index.find(bkey, j - 1) if nparts else -1
        if k == j - 1 >= 0 and k in used and bkey == nparts[k]:
            k = index.find(bkey, j)
        if k >= 0 and bkey == nparts[k]:
            used.add(k)
        elif k < 0 and bkey in index.exact:
            # the page repeats a paragraph trafilatura kept once
            plan.append(_Step(0, 0, block, Origin.REPEAT))
            continue
        if k >= 0 or index.shown(bkey):
            homes[block.container] += 1
        if k >= j:
            if bkey == nparts[k] and kinds[k] in (BlockKind.BODY, BlockKind.HEADING):
                twins[k] = block
            first = k
            while k + 1 < len(nparts) and _covers(bkey, nparts[k + 1]) and bkey != nparts[k]:
                k += 1
            plan.append(_Step(j, k + 1))
            j = k + 1
            rest = bkey
            for i in range(first, j):
                rest = rest.replace(nparts[i], "", 1)
            if rest and len(rest) < len(bkey) and len(bkey) > len(nparts[first]):
                # the block holds more than the parts: keep it too
                plan.append(_Step(0, 0, block, Origin.EXTRA))
        elif k < 0 and not index.shown(bkey):
            inner = b in more and 0 < j < len(parts)  # between two of the article's parts
            plan.append(_Step(0, 0, block, Origin.ARTICLE if inner else Origin.PAGE, b in between))
    plan.append(_Step(j, len(parts)))
    if between:
        _fill_gaps(plan, kinds)
    unseen = _unseen(nparts, kinds, bkeys)
    main = _main_containers(homes)
    out: list[Item] = []
    seen = 0
    for step in plan:
        free = step.block
        if free is None:
            for i in range(step.start, step.end):
                twin = twins[i]
                hints = _hints(twin, main, twin=True) if twin is not None else Hints(unseen=unseen[i])
                out.append((kinds[i], parts[i][1], Origin.ARTICLE, hints))
            seen = step.end
            continue
        kind = BlockKind.HEADING if free.tag in ("h2", "h3", "h4", "h5", "h6") else BlockKind.BODY
        hints = _hints(free, main, late=seen > len(parts) // 2, twin=step.origin is Origin.ARTICLE)
        out.append((kind, free.text, step.origin, hints))
    return out


def _fill_gaps(plan: list[_Step], kinds: list[BlockKind]) -> None:
    """Free blocks marked ``gap`` become the article's where a run of them, and nothing else,
    sits between the parts ``[.., j)`` and ``[j, ..)`` after the first body part: trafilatura
    left them out of the middle of its own text (a formula, a loose line), and the density
    scorer has them in its article.  Before the first body part (between the headline and the
    text) they are datelines and bylines."""
    first = next((k for k, kind in enumerate(kinds) if kind is BlockKind.BODY), len(kinds))
    last = -1  # index in the plan of the last run of parts
    for i, step in enumerate(plan):
        if step.block is not None or step.end <= step.start:
            continue
        if last >= 0 and i > last + 1 and plan[last].end == step.start and step.start > first:
            run = plan[last + 1 : i]
            if all(s.gap and s.origin is Origin.PAGE for s in run):
                for k in range(last + 1, i):
                    plan[k] = plan[k]._replace(origin=Origin.ARTICLE)
        last = i


def _hints(block: TextBlock, main: set[str], late: bool = False, twin: bool = False) -> Hints:
    return Hints(
        tag=block.tag,
        cue=block.cue,
        hint=block.hint,
        length=len(block.text),
        link_share=block.link_share,
        main=block.container in main,
        late=late,
        twin=twin,
    )


def _main_containers(homes: Counter[str]) -> set[str]:
    """Containers (with a class or id) that hold a good share of the article's blocks."""
    total = sum(homes.values())
    return {c for c, n in homes.items() if c and (n >= MIN_HOME or n >= 0.3 * total)}


def _unseen(nparts: list[str], kinds: list[BlockKind], bkeys: list[str]) -> list[bool]:
    """Which short body or heading parts the page never shows (metadata in hidden elements);
    ``bkeys`` are the page blocks' texts as :func:`_key` gives them."""
    out = [False] * len(nparts)
    keys = set(bkeys)
    seen = "".join(bkeys)  # _key of the joined texts: it only drops characters
    budget = SEARCH_BUDGET
    for i, key in enumerate(nparts):
        if kinds[i] not in (BlockKind.BODY, BlockKind.HEADING) or len(key) > MAX_UNSEEN or key in keys:
            continue
        budget -= len(seen)
        if budget < 0:
            break  # a huge page: keep the rest as trafilatura gave them
        out[i] = key not in seen
    return out


def _key(text: str) -> str:
    return _KEY.sub("", text)
