"""The visible text blocks of a parsed page, in document order, each with the hints of its markup.

One iterative lxml walk (no recursion, so deep trees are safe): block-level
elements start a new block, inline text joins the current one, and invisible
parts (script, style, hidden elements) are skipped.  The *cue* of a block is the
page-furniture role its nearest such ancestor names (``<nav>``, ``role="contentinfo"``,
``class="comments"``...), in one word list; it is empty for ordinary content.  A cue is
a hint, not a decision: :mod:`reader.analysis.boilerplate.html` decides what is hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from lxml import etree

_BLOCK_NAMES = (
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "tbody thead tfoot tr ul caption center menu option select button label"
)
_INVISIBLE_NAMES = (
    "script style noscript template head title meta link iframe object embed svg canvas "
    "video audio source track map area input textarea datalist"
)
BLOCK_TAGS = frozenset(_BLOCK_NAMES.split())
INVISIBLE_TAGS = frozenset(_INVISIBLE_NAMES.split())

_TAG_CUES = {"nav": "navigation", "footer": "footer", "aside": "related links",
                "header": "header", "form": "form", "menu": "navigation"}
_ROLE_CUES = {"navigation": "navigation", "contentinfo": "footer", "banner": "header",
                 "complementary": "related links", "search": "search", "menu": "navigation",
                 "menubar": "navigation", "dialog": "pop-up"}
# Class/id words, tested in this order; the first that matches names the cue.
_CLASS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cue, re.compile(pattern, re.I)) for cue, pattern in (
        ("comments", r"comment|disqus|discussion|respond|replies"),
        ("cookie notice", r"cookie|consent|gdpr"),
        ("sign-up", r"newsletter|subscri|signup|sign-up|paywall|regwall|donat"),
        ("share buttons", r"share|social|sharing"),
        ("advertising", r"(?:^|[-_\s])(?:ad|ads|advert\w*|sponsor\w*|promo\w*)(?:$|[-_\s])"),
        ("related links", r"related|recommend|more-?stories|read-?more|trending|popular|"
                          r"teaser|outbrain|taboola|sidebar|widget"),
        ("navigation", r"(?:^|[-_\s])(?:nav\w*|menu\w*|breadcrumbs?|skip\w*|pagination)(?:$|[-_\s])"),
        ("footer", r"footer|copyright|legal"),
        ("header", r"masthead|(?:^|[-_\s])(?:site-)?header(?:$|[-_\s])|topbar|top-bar"),
        ("tags", r"(?:^|[-_\s])tags?(?:$|[-_\s])|categories"),
    )
)
#: Cues that name page furniture, not the article (a page header is neither: it may hold the
#: headline and byline).
FURNITURE_CUES = frozenset({"comments", "related links", "navigation", "footer", "sign-up",
                            "cookie notice", "advertising", "share buttons", "tags", "form", "pop-up",
                            "search"})
_ANY_CUE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _CLASS_CUES), re.I)
_TAG_HINTS = {"figcaption": "caption", "time": "byline", "address": "byline"}
_CAPTION = re.compile(r"caption|credit|wp-caption-text", re.I)
_BYLINE = re.compile(
    r"byline|author|dateline|published|timestamp|(?:^|[-_\s])(?:date|time)(?:$|[-_\s])", re.I)
#: Most text an element marked as a caption or byline may hold and still be one.
HINT_LIMITS = {"caption": 600, "byline": 300}
#: An element with furniture-like names holding more than this share of the page's text
#: is a wrapper (``<div class="has-sidebar">``), not furniture.
WRAPPER_SHARE = 0.4
#: "Related links" holding an unlinked paragraph this long is a layout column, not teasers
#: (nor share buttons a share bar: a wrapper named after the bar it holds).
PROSE = 300
_PROSE_NOT_IN = frozenset({"related links", "share buttons"})
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class TextBlock:
    """Whitespace-collapsed visible text of one block, its tag and the furniture role its markup names."""

    text: str
    tag: str
    cue: str
    #: "caption" inside a figure caption or photo credit, "byline" inside an author/date
    #: element, else "".
    hint: str = ""
    #: Index of the element the hint comes from (-1 for none).
    owner: int = -1
    #: Tag, class and id of the element holding the block's element ("" when it has none):
    #: an article split around an advert often sits in containers alike.
    container: str = ""
    #: Index of the element the cue comes from (-1 for none).
    cue_owner: int = -1
    #: Share of the text inside links (0..1).
    link_share: float = 0.0
    #: Index of the block's element in the walk's :class:`Nodes` (-1 for text outside any).
    node: int = -1


@dataclass(slots=True)
class Nodes:
    """The block-level elements of a walk in document order: each one's nearest block-level
    ancestor (-1 for none), tag, and class and id words (for the density scorer)."""

    parent: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    #: Cue owners numbered up to the element itself: a block's ``cue_owner`` above its
    #: container's mark comes from an element inside that container.
    mark: list[int] = field(default_factory=list)
    #: The elements themselves.
    element: list[etree._Element] = field(default_factory=list)


_Context = tuple[str, int, str, int]


@dataclass(slots=True)
class _Frame:
    """An open block element while walking: its text so far and how much of it is linked."""

    tag: str
    context: _Context
    container: str
    node: int = -1
    pieces: list[str] = field(default_factory=list)
    linked: int = 0


def _classify(el: etree._Element, tag: str) -> tuple[str, str]:
    """(furniture cue, caption/byline hint) an element gives its text, "" for none."""
    get = el.get
    cls, ident, role, itemprop, rel = get("class"), get("id"), get("role"), get("itemprop"), get("rel")
    if cls is None and ident is None and role is None and itemprop is None and rel is None:
        return "" if tag in _NEVER_FURNITURE else _TAG_CUES.get(tag, ""), _TAG_HINTS.get(tag, "")
    return _classify_names(tag, cls, ident, role, itemprop, rel)


@lru_cache(maxsize=8192)
def _classify_names(tag: str, cls: str | None, ident: str | None, role: str | None,
                    itemprop: str | None, rel: str | None) -> tuple[str, str]:
    cue = "" if tag in _NEVER_FURNITURE else _TAG_CUES.get(tag, "")
    hint = _TAG_HINTS.get(tag, "")
    names = f"{cls or ''} {ident or ''}"
    if not cue and tag not in _NEVER_FURNITURE:
        cue = _ROLE_CUES.get((role or "").lower(), "") or _cue_of_names(names)
    if not hint:
        hint = _hint_of_names(f"{names} {itemprop or ''} {rel or ''}")
    return cue, hint


@lru_cache(maxsize=4096)
def _cue_of_names(names: str) -> str:
    if not _ANY_CUE.search(names):
        return ""
    return next(why for why, pattern in _CLASS_CUES if pattern.search(names))


@lru_cache(maxsize=4096)
def _hint_of_names(names: str) -> str:
    if _CAPTION.search(names):
        return "caption"
    return "byline" if _BYLINE.search(names) else ""


def _container(el: etree._Element) -> str:
    parent = el.getparent()
    if parent is None:
        return ""
    names = f"{parent.get('class') or ''}#{parent.get('id') or ''}"
    return f"{parent.tag}.{names}" if names != "#" else ""


def is_hidden(el: etree._Element) -> bool:
    """True when the element is not shown in a browser (hidden attribute, inline style, aria)."""
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class Listener(Protocol):
    """Follows the walk of :func:`visible_blocks`: each visible element and text, in order."""

    def start(self, el: etree._Element, tag: str) -> None: ...
    def end(self, el: etree._Element, tag: str) -> None: ...
    def text(self, text: str) -> None: ...


def visible_blocks(root: etree._Element, listener: Listener | None = None,
                   nodes: Nodes | None = None) -> list[TextBlock]:
    """Visible text blocks of ``root`` in document order (empty blocks dropped).

    A ``listener`` sees the same walk (so the page's structure costs no second walk); ``nodes``,
    when given, receives the block-level elements the blocks' ``node`` indices point into.
    """
    out: list[TextBlock] = []
    stack: list[_Frame] = [_Frame("", ("", -1, "", -1), "")]
    # (cue, its owner, hint, its owner) of each open element; the innermost wins
    context: list[_Context] = [("", -1, "", -1)]
    opened: list[bool] = []
    owners = 0
    links = 0  # depth of open <a> elements

    def flush(frame: _Frame) -> None:
        if not frame.pieces:
            return
        raw = "".join(frame.pieces)
        text = _SPACE.sub(" ", raw).strip()
        if text:
            cue, cue_owner, hint, owner = frame.context
            out.append(TextBlock(text, frame.tag, cue, hint, owner, frame.container, cue_owner,
                                 min(1.0, frame.linked / max(1, len(raw.strip()))), frame.node))
        frame.pieces.clear()
        frame.linked = 0

    def add(text: str) -> None:
        frame = stack[-1]
        frame.pieces.append(text)
        if links:
            frame.linked += len(text.strip())

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        name = el.tag
        tag = name.lower() if isinstance(name, str) else ""
        if event == "start":
            if not tag or tag in INVISIBLE_TAGS or is_hidden(el):
                walker.skip_subtree()  # its "end" event still comes, and brings the tail
                opened.append(False)
                continue
            ctx = context[-1]
            cue, hint = _classify(el, tag)
            if cue:
                owners += 1
                ctx = (cue, owners, ctx[2], ctx[3])
            if hint:
                owners += 1
                ctx = (ctx[0], ctx[1], hint, owners)
            context.append(ctx)
            opened.append(True)
            if tag in BLOCK_TAGS:
                flush(stack[-1])
                node = -1
                if nodes is not None:
                    node = len(nodes.tag)
                    nodes.parent.append(stack[-1].node)
                    nodes.tag.append(tag)
                    nodes.names.append(f"{el.get('class') or ''} {el.get('id') or ''}" if el.attrib else "")
                    nodes.mark.append(owners)
                    nodes.element.append(el)
                stack.append(_Frame(tag, ctx, _container(el), node))
            elif tag == "a":
                links += 1
            elif tag in ("td", "th"):
                add(" ")  # the cells of a row make one block, as trafilatura's rows do
            text = el.text
            if listener is not None:
                listener.start(el, tag)
                if text:
                    listener.text(text)
            if text:
                add(text)
        else:
            if opened.pop():
                context.pop()
                if tag in BLOCK_TAGS:
                    flush(stack.pop())
                elif tag == "a":
                    links -= 1
                if listener is not None:
                    listener.end(el, tag)
            tail = el.tail
            if tail:
                add(tail)
                if listener is not None:
                    listener.text(tail)
    while stack:
        flush(stack.pop())
    _drop_wrappers(out)
    return out


def _drop_wrappers(blocks: list[TextBlock]) -> None:
    """An element holding much of the text is a wrapper, not furniture, caption or byline."""
    sizes: dict[int, int] = {}
    prose: set[int] = set()  # "related links" or "share buttons" holding a long unlinked paragraph
    total = 0
    for b in blocks:
        total += len(b.text)
        for owner in (b.owner, b.cue_owner):
            if owner >= 0:
                sizes[owner] = sizes.get(owner, 0) + len(b.text)
        if b.cue in _PROSE_NOT_IN and len(b.text) >= PROSE and b.link_share < 0.3:
            prose.add(b.cue_owner)
    for b in blocks:
        if b.owner >= 0 and sizes[b.owner] > HINT_LIMITS.get(b.hint, 0):
            b.hint, b.owner = "", -1
        if b.cue_owner >= 0 and (sizes[b.cue_owner] > WRAPPER_SHARE * total
                                    or b.cue_owner in prose):
            b.cue, b.cue_owner = "", -1
