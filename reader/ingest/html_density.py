"""The article of a page found by text density, from the blocks of the loader's one walk.

A readability-style scorer, costing one pass over the blocks and one over their elements:
every paragraph-like block of ordinary prose (at least :data:`MIN_SCORED` characters, no
furniture cue) scores for its commas and length, and gives that score to its block-level
ancestors (the parent in full, the grandparent half, further ones less).  An element's own
score starts from its tag (a ``div`` or ``article`` more than a list or a heading) and the
words of its class and id (``content`` up, ``sidebar`` down); the total is multiplied by the
share of its text outside links.  The best element is the article's container; siblings of
it that score near it, or hold a paragraph of unlinked prose, join it.  The article is the
blocks inside, furniture-cued ones left out.

:func:`density_article` also says how sure it is (:attr:`Found.share`, :attr:`Found.lead`)
and where a finer extractor should look (:attr:`Found.region`): the loader runs trafilatura's
quick pass on that region alone when the scorer is sure, on the whole page when it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest.html_blocks import FURNITURE_CUES, Nodes, TextBlock

__all__ = ["Found", "density_article"]

#: Blocks shorter than this give no score (labels, buttons, dates).
MIN_SCORED = 25
#: Ancestors a block gives its score to.
ANCESTORS = 5
_SCORED_TAGS = frozenset({"p", "pre", "div", "blockquote", "section", "article", "main", "dd", "body"})
_TAG_WEIGHT = {
    "div": 5,
    "article": 8,
    "main": 5,
    "section": 2,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
    "header": -3,
    "footer": -10,
    "nav": -10,
    "aside": -10,
}
_GOOD_NAMES = re.compile(r"article|body|content|entry|main|post|text|blog|story|prose", re.I)
_BAD_NAMES = re.compile(
    r"comment|footer|foot|sidebar|widget|related|share|social|sponsor|promo|banner|masthead|"
    r"menu|nav|teaser|recommend|tags|meta|tool|popup|modal|cookie|newsletter|subscri|(?:^|[-_\s])ads?"
    r"(?:$|[-_\s])",
    re.I,
)
#: Cues whose blocks never score (other furniture cues weigh on their container's score).
_HARD_CUES = frozenset(
    {
        "comments",
        "navigation",
        "footer",
        "cookie notice",
        "sign-up",
        "form",
        "pop-up",
        "search",
        "share buttons",
        "tags",
        "advertising",
    }
)
#: Elements inside the article's container whose text is not the article's.
_CUT_TAGS = frozenset({"aside", "nav", "footer", "form", "menu"})
_CUT_NAMES = re.compile(
    r"author|biograph|(?:^|[-_\s])bio(?:$|[-_\s])|byline|share|social|related|"
    r"comment|newsletter|subscri|(?:^|[-_\s])(?:ad|ads|advert\w*|promo\w*)(?:$|[-_\s])|"
    r"recommend|read-?more|tags",
    re.I,
)
#: Blocks of the container with more of their text in links are left to the page's blocks.
MAX_LINKED = 0.5
#: Text in these (not paragraphs of their own) counts as the article only when this long.
_LOOSE_TAGS = frozenset(
    {
        "div",
        "section",
        "article",
        "main",
        "span",
        "figure",
        "header",
        "body",
        "form",
        "button",
        "label",
        "option",
        "select",
        "center",
        "details",
        "summary",
    }
)
MIN_LOOSE = 100
#: Levels above the container that the region where a finer extractor looks takes in.
REGION_UP = 2
#: Weight of one good or bad class/id word match.
NAME_WEIGHT = 25
#: A sibling scoring this share of the best joins it ...
SIBLING_SHARE = 0.2
#: ... as does one holding unlinked prose this long.
SIBLING_PROSE = 80
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?:\s|$)")


@dataclass(slots=True)
class Found:
    """The article's blocks (indices into the walk's blocks) and how sure the scorer is."""

    blocks: list[int] = field(default_factory=list)
    #: the container chosen (an index into the walk's nodes), -1 for none
    top: int = -1
    #: share of the page's prose (scored blocks' text) inside the article
    share: float = 0.0
    #: the element where the article surely lies (the container or an ancestor), -1 for none
    region: int = -1
    #: best score over the best score of a candidate outside the chosen one (inf when alone)
    lead: float = 0.0
    #: blocks inside the container (not cut, no cue) left out of :attr:`blocks` as short loose
    #: text or labels: more of the article only where the loader finds them between its parts
    loose: list[int] = field(default_factory=list)


def _weight(tag: str, names: str) -> float:
    weight = float(_TAG_WEIGHT.get(tag, 0))
    if names.strip():
        if _GOOD_NAMES.search(names):
            weight += NAME_WEIGHT
        if _BAD_NAMES.search(names):
            weight -= NAME_WEIGHT
    return weight


def density_article(blocks: list[TextBlock], nodes: Nodes) -> Found:
    """Find the article's container and blocks; an empty Found when nothing scores."""
    n = len(nodes.tag)
    parent = nodes.parent
    chars = [0] * n  # text of each element's subtree, and how much of it is linked
    linked = [0.0] * n
    for b in blocks:
        if b.node >= 0:
            chars[b.node] += len(b.text)
            linked[b.node] += b.link_share * len(b.text)
    for i in range(n - 1, -1, -1):  # children come after their parent in document order
        p = parent[i]
        if p >= 0:
            chars[p] += chars[i]
            linked[p] += linked[i]
    mixed = [False] * n  # elements with block-level children: their own text is a paragraph in them
    for i in range(n):
        if parent[i] >= 0:
            mixed[parent[i]] = True
    score: dict[int, float] = {}
    prose = 0
    for b in blocks:
        if (
            b.node < 0
            or len(b.text) < MIN_SCORED
            or b.cue in _HARD_CUES
            or nodes.tag[b.node] not in _SCORED_TAGS
            or b.link_share > 0.5
        ):
            continue
        prose += len(b.text)
        gain = 1 + b.text.count(",") + min(len(b.text) // 100, 3)
        a = b.node if mixed[b.node] else parent[b.node]
        level = 0
        while a >= 0 and level < ANCESTORS:
            if a not in score:
                score[a] = _weight(nodes.tag[a], nodes.names[a])
            score[a] += gain if level == 0 else gain / 2 if level == 1 else gain / (level * 3)
            a = parent[a]
            level += 1
    if not score:
        return Found()
    final = {i: s * (1 - linked[i] / chars[i]) if chars[i] else s for i, s in score.items()}
    top = max(final, key=lambda i: (final[i], -i))
    top = _climb(top, final, parent, chars)
    chosen = _with_siblings(top, final, blocks, nodes, chars, linked)
    inside = _inside(chosen, parent, n)
    cut = _cut(chosen, inside, nodes)
    found = Found(top=top)
    kept = 0
    for k, b in enumerate(blocks):
        if b.node < 0 or not inside[b.node] or cut[b.node]:
            continue
        if not _article_like(b):
            if not b.cue:
                found.loose.append(k)
        elif b.cue not in FURNITURE_CUES or b.cue_owner <= nodes.mark[top]:
            found.blocks.append(k)
            if len(b.text) >= MIN_SCORED and b.link_share <= 0.5:
                kept += len(b.text)
    found.share = kept / prose if prose else 0.0
    rival = max((s for i, s in final.items() if not inside[i] and not _above(i, top, parent)), default=0.0)
    found.lead = final[top] / rival if rival > 0 else float("inf")
    found.region = _region(top, parent)
    return found


def _region(top: int, parent: list[int]) -> int:
    """The container's ancestor :data:`REGION_UP` levels up (or the outermost one): where a
    finer extractor should look, with room for a headline or a lead beside the container."""
    region = top
    for _ in range(REGION_UP):
        if parent[region] < 0:
            break
        region = parent[region]
    return region


def _cut(chosen: list[int], inside: list[bool], nodes: Nodes) -> list[bool]:
    """Elements inside the chosen ones that hold no article text: author boxes, bylines and the
    like (by their class and id words), and asides, navigation and footers (by their tag)."""
    roots = set(chosen)
    cut = [False] * len(inside)
    for i, p in enumerate(nodes.parent):
        if not inside[i]:
            continue
        if i not in roots and (
            (p >= 0 and cut[p]) or nodes.tag[i] in _CUT_TAGS or _CUT_NAMES.search(nodes.names[i])
        ):
            cut[i] = True
    return cut


def _article_like(block: TextBlock) -> bool:
    """A block of the container that reads as the article's: prose, a heading, a list item or
    table row, not a run of links or a short label in a bare ``div`` (gallery and widget text)."""
    if block.link_share > MAX_LINKED:
        return False
    if block.tag in _LOOSE_TAGS:
        return len(block.text) >= MIN_LOOSE
    return True


def _above(i: int, node: int, parent: list[int]) -> bool:
    """True when element ``i`` is ``node`` or one of its ancestors."""
    while node >= 0:
        if node == i:
            return True
        node = parent[node]
    return False


def _climb(top: int, final: dict[int, float], parent: list[int], chars: list[int]) -> int:
    """Move up from the best element while its parent holds little more text than it does."""
    while True:
        p = parent[top]
        if p < 0 or chars[p] > chars[top] * 1.1 or final.get(p, 0.0) < final[top] * 0.5:
            return top
        top = p


def _with_siblings(
    top: int,
    final: dict[int, float],
    blocks: list[TextBlock],
    nodes: Nodes,
    chars: list[int],
    linked: list[float],
) -> list[int]:
    """The container and those of its siblings that belong with it."""
    p = nodes.parent[top]
    if p < 0:
        return [top]
    threshold = max(10.0, final[top] * SIBLING_SHARE)
    own = nodes.names[top].strip()
    text: dict[int, list[str]] = {}
    for b in blocks:
        if b.node >= 0 and nodes.parent[b.node] == p and b.node != top:
            text.setdefault(b.node, []).append(b.text)
    chosen = [top]
    for i, s in final.items():
        if i != top and nodes.parent[i] == p:
            bonus = final[top] * 0.2 if own and nodes.names[i].strip() == own else 0.0
            if s + bonus >= threshold:
                chosen.append(i)
    for i, pieces in text.items():
        if i in chosen or nodes.tag[i] != "p":
            continue
        body = " ".join(pieces)
        density = linked[i] / chars[i] if chars[i] else 0.0
        if (len(body) > SIBLING_PROSE and density < 0.25) or (
            len(body) <= SIBLING_PROSE and density == 0 and _SENTENCE_END.search(body)
        ):
            chosen.append(i)
    return chosen


def _inside(chosen: list[int], parent: list[int], n: int) -> list[bool]:
    """For each element, whether it lies inside one of the chosen ones."""
    inside = [False] * n
    for i in chosen:
        inside[i] = True
    for i in range(n):  # parents come first
        p = parent[i]
        if p >= 0 and inside[p]:
            inside[i] = True
    return inside
