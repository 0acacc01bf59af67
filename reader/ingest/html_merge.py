"""Put the article parts and the rest of the page's visible blocks in one reading order.

The article parts (from trafilatura) are matched to the page's visible blocks by
their text; a block no part covers keeps its place in the page and becomes a
caption, a byline, or hidden page furniture with a reason.  So nothing visible
is lost, and the furniture sits before, between or after the article text as in
the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

from reader.ingest.html_blocks import TextBlock

_SPACE = re.compile(r"\s+")
_KEY = re.compile(r"[\s|]+")  # trafilatura joins table cells with " | "
#: Parts at most this long (without spaces) that the page does not show are hidden.
MAX_UNSEEN = 200
#: A container holding this many of the article's blocks is the article's.
MIN_HOME = 3
#: A page block this long in the article's container is more of the article.
MIN_PROMOTE = 100
#: ... and has less than this share of its text in links.
MAX_LINK_SHARE = 0.3
_PROSE = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
#: Shorter texts must match a part exactly to count as part of the article.
MIN_SUBSTRING = 20
#: Parts searched past the next one for a page block (exact matches are found anywhere).
WINDOW = 40
#: Most characters compared for substring checks across a whole page, to stay fast on huge ones.
SEARCH_BUDGET = 200_000_000
#: Captions and bylines longer than this are more likely body text or furniture.
MAX_CAPTION = 600
MAX_BYLINE = 200
NOT_ARTICLE = frozenset({"comments", "related links", "navigation", "footer", "sign-up",
                          "cookie notice", "advertising", "share buttons", "tags", "form", "pop-up",
                          "search"})

#: Reasons sure enough to take a short part out of trafilatura's article.
_SURE_FURNITURE = frozenset({"tags", "share buttons"})

#: Labels of buttons and widgets, found inside caption and byline elements; never one.
_UI_LABELS = frozenset({
    "advertisement", "by", "caption", "close", "enlarge", "enlarge image", "expand", "hide caption",
    "image", "image caption", "more", "photo", "share", "toggle caption", "video", "view gallery",
})

Part = tuple[str, str, str]  # kind, text, reason


class _Step(NamedTuple):
    """Emit the parts ``[start, end)``, or else one free page block."""

    start: int
    end: int
    block: TextBlock | None = None
    #: When set, the block is hidden furniture with this reason.
    hidden: str = ""


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


def _furniture_kind(block: TextBlock) -> str:
    if block.reason in NOT_ARTICLE or block.text.casefold() in _UI_LABELS:
        return "boilerplate"
    if block.hint == "caption" and len(block.text) <= MAX_CAPTION:
        return "caption"
    if block.hint == "byline" and len(block.text) <= MAX_BYLINE:
        return "byline"
    return "boilerplate"


def merge(parts: list[tuple[str, str]], blocks: list[TextBlock]) -> list[Part]:
    """Article parts and uncovered blocks, in page order; consecutive furniture joined."""
    nparts = [_key(text) for _, text in parts]  # matched without spaces or table bars
    kinds = [kind for kind, _ in parts]
    reasons = ["not shown on the page"] * len(parts)
    index = _Index(nparts, len(blocks))
    # a run of parts to emit, or a free block (with "repeated" when it repeats a part)
    plan: list[_Step] = []
    homes: Counter[str] = Counter()  # containers of the page blocks the article covers
    used: set[int] = set()  # parts already matched by an equal block
    j = 0  # next article part to emit
    for block in blocks:
        bkey = _key(block.text)
        k = index.find(bkey, j - 1) if nparts else -1
        if k == j - 1 >= 0 and k in used and bkey == nparts[k]:
            k = index.find(bkey, j)
        if k >= 0 and bkey == nparts[k]:
            used.add(k)
        elif k < 0 and bkey in index.exact:
            # the page repeats a paragraph trafilatura kept once
            plan.append(_Step(0, 0, block, "repeated text"))
            continue
        if k >= 0 or index.shown(bkey):
            homes[block.container] += 1
        if k >= j:
            # a page block that equals a body part but is marked as a caption, a byline or
            # furniture (tags, share buttons...) is one
            if bkey == nparts[k] and kinds[k] in ("body", "heading") and len(block.text) <= MAX_BYLINE:
                kinds[k] = _furniture_kind(block)
                if kinds[k] == "boilerplate":
                    kinds[k] = "boilerplate" if block.reason in _SURE_FURNITURE else parts[k][0]
                    reasons[k] = block.reason
            first = k
            while k + 1 < len(nparts) and _covers(bkey, nparts[k + 1]) and bkey != nparts[k]:
                k += 1
            plan.append(_Step(j, k + 1))
            j = k + 1
            rest = bkey
            for i in range(first, j):
                rest = rest.replace(nparts[i], "", 1)
            if rest and len(rest) < len(bkey) and len(bkey) > len(nparts[first]):
                # the block holds more than the parts: keep it too, hidden
                plan.append(_Step(0, 0, block, block.reason or "page furniture"))
        elif k < 0 and not index.shown(bkey):
            plan.append(_Step(0, 0, block))
    plan.append(_Step(j, len(parts)))
    _hide_unseen(nparts, kinds, blocks)
    main = _main_containers(homes)
    found = any(kind in ("body", "heading") for kind in kinds)  # else show the page's text
    out: list[Part] = []
    seen = 0
    for step in plan:
        free = step.block
        if free is None:
            out.extend((kinds[i], parts[i][1], reasons[i] if kinds[i] == "boilerplate" else "")
                       for i in range(step.start, step.end))
            seen = step.end
            continue
        if step.hidden:
            out.append(("boilerplate", free.text, step.hidden))
            continue
        kind = _furniture_kind(free)
        if kind == "byline" and found and seen > len(parts) // 2:
            kind = "boilerplate"  # an author box after the article, not its byline
        more = (free.container in main and free.tag in _PROSE and len(free.text) >= MIN_PROMOTE
                and free.link_share < MAX_LINK_SHARE)
        if kind == "boilerplate" and free.reason not in NOT_ARTICLE and (not found or more):
            # no article found, or more of the article's own text: show it
            kind = "heading" if free.tag in ("h2", "h3", "h4", "h5", "h6") else "body"
        out.append((kind, free.text, (free.reason or "page furniture") if kind == "boilerplate" else ""))
    return _join_furniture(out)


def _main_containers(homes: Counter[str]) -> set[str]:
    """Containers (with a class or id) that hold a good share of the article's blocks."""
    total = sum(homes.values())
    return {c for c, n in homes.items() if c and (n >= MIN_HOME or n >= 0.3 * total)}


def _hide_unseen(nparts: list[str], kinds: list[str], blocks: list[TextBlock]) -> None:
    """Short parts the page never shows (metadata in hidden elements) become furniture."""
    keys = {_key(b.text) for b in blocks}
    seen = _key("".join(b.text for b in blocks))
    budget = SEARCH_BUDGET
    for i, key in enumerate(nparts):
        if kinds[i] not in ("body", "heading") or len(key) > MAX_UNSEEN or key in keys:
            continue
        budget -= len(seen)
        if budget < 0:
            break  # a huge page: keep the rest as trafilatura gave them
        if key not in seen:
            kinds[i] = "boilerplate"


def _key(text: str) -> str:
    return _KEY.sub("", text)


def _join_furniture(items: list[Part]) -> list[Part]:
    joined: list[Part] = []
    for kind, text, reason in items:
        if joined and kind == "boilerplate" and joined[-1][0] == "boilerplate" and joined[-1][2] == reason:
            joined[-1] = (kind, joined[-1][1] + "\n" + text, reason)
        else:
            joined.append((kind, text, reason))
    return joined
