"""The rendered structure of a parsed page: its leaves (headings, paragraphs, list items, ...)
and the inline style of every visible character, found back later in the extracted text.

The HTML loader's source is text the extractors built, so the page structure cannot be read
off it.  The loader's one iterative lxml walk (:func:`reader.ingest.html_blocks.visible_blocks`,
any depth is safe) also records, through :class:`StructureWalk`, each leaf block of the page with
its display kind and fields, and a *stream*: the page's visible characters without whitespace
(the *key*), each character annotated with its leaf, inline styles, link target and table cell.
:mod:`reader.ingest.display_html` finds each segment's key in the stream and so gives every
character of the source its structure.  Whitespace (and ``|``, which trafilatura puts between
table cells) is left out of keys on both sides, since the extractions space text differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from reader.ingest.display import DisplayKind
from reader.ingest.html_blocks import BLOCK_TAGS, visible_blocks

__all__ = ["NON_KEY", "Ann", "Leaf", "PageStructure", "StructureWalk", "page_structure"]

#: Characters a key leaves out: whitespace, table-cell bars, invisible format characters.
NON_KEY = re.compile(r"[\s|\u00ad\u200b-\u200f\u2060\ufeff]+")
_EM = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_LINK = frozenset({"link"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)", re.I)
#: Elements that end the leaf before them (``br`` is a line break inside one).
_BREAKS = (BLOCK_TAGS - {"br"}) | {"td", "th", "img"}


@dataclass(slots=True)
class Leaf:
    """One block of the page as it would be rendered (its text lives in the stream)."""

    kind: DisplayKind
    level: int = 0
    depth: int = 0
    quote: int = 0
    ordered: bool = False
    number: int | None = None
    language: str | None = None
    #: Rows of a table whose cells are all ``<th>`` or that sit in ``<thead>``.
    header_rows: set[int] = field(default_factory=set)
    #: An image's source and alt text, and for a figure caption the image it captions.
    src: str | None = None
    alt: str | None = None
    caption: bool = False


@dataclass(frozen=True, slots=True)
class Ann:
    """The structure of a stretch of the stream: leaf, inline styles, link, table cell."""

    leaf: int
    styles: frozenset[str] = frozenset()
    href: str | None = None
    row: int = -1
    cell: int = -1


@dataclass(slots=True)
class PageStructure:
    """Leaves, the key stream, and where each annotation starts in it (run-length)."""

    leaves: list[Leaf] = field(default_factory=list)
    key: str = ""
    #: stream index where each annotated stretch starts, and its annotation
    starts: list[int] = field(default_factory=list)
    anns: list[Ann] = field(default_factory=list)
    #: (stream index, leaf) of leaves without text: images and rules
    markers: list[tuple[int, int]] = field(default_factory=list)


class StructureWalk:
    """Follows a walk of the page (:func:`reader.ingest.html_blocks.visible_blocks`), keeping the
    open lists, quotes, tables, figures and inline styles; :meth:`result` is the structure."""

    def __init__(self) -> None:
        self.out = PageStructure()
        self.pieces: list[str] = []
        self.size = 0
        self.leaf = -1  # the leaf text goes to; -1 when a block boundary was passed
        self.blocks: list[str] = []  # open block-level tags, innermost last
        self.lists: list[list[int]] = []  # [ordered, next number] of each open list
        self.items: list[list[int]] = []  # [ordered, number, used] of each open <li>
        self.quote = 0
        self.pre: list[str | None] = []  # language of each open <pre>
        self.tables: list[list[int]] = []  # [leaf, row, cell, thead, all-th] per open table
        self.figures: list[list[int]] = []  # [image leaf, caption leaf] per open figure (-1: none)
        self.styles: dict[str, int] = {"em": 0, "strong": 0, "code": 0}
        self.hrefs: list[str] = []
        self.styled: tuple[frozenset[str], str | None] = (frozenset(), None)
        self.in_table = False
        self.sig: tuple[int, tuple[frozenset[str], str | None], int, int] | None = None

    def result(self) -> PageStructure:
        """The structure of what was walked."""
        self.out.key = "".join(self.pieces)
        return self.out

    def new_leaf(self) -> int:
        tag = next((t for t in reversed(self.blocks) if t in _HEADINGS or t in ("pre", "figcaption")), "")
        leaf = Leaf(DisplayKind.PARAGRAPH, depth=len(self.items), quote=self.quote)
        if self.tables and self.tables[-1][2] >= 0 and self.blocks[-1] in ("td", "th"):
            table = self.tables[-1]
            if table[0] < 0:
                table[0] = self._add(Leaf(DisplayKind.TABLE, depth=len(self.items), quote=self.quote))
            return table[0]
        if self.items and not self.items[-1][2]:
            item = self.items[-1]
            item[2] = 1
            leaf.kind, leaf.ordered = DisplayKind.LIST_ITEM, bool(item[0])
            leaf.number = item[1] if item[0] else None
        elif tag in _HEADINGS:
            leaf.kind, leaf.level = DisplayKind.HEADING, _HEADINGS[tag]
        elif tag == "pre":
            leaf.kind, leaf.language = DisplayKind.CODE, self.pre[-1]
        elif tag == "figcaption" and self.figures and self.figures[-1][1] < 0:
            leaf.caption = True
            self.figures[-1][1] = len(self.out.leaves)
        elif self.quote:
            leaf.kind = DisplayKind.QUOTE
        return self._add(leaf)

    def _add(self, leaf: Leaf) -> int:
        self.out.leaves.append(leaf)
        return len(self.out.leaves) - 1

    def text(self, text: str) -> None:
        key = NON_KEY.sub("", text)
        if not key:
            return
        if self.leaf < 0:
            self.leaf = self.new_leaf()
            self.in_table = self.out.leaves[self.leaf].kind is DisplayKind.TABLE
        table = self.tables[-1] if self.in_table else None
        sig = (self.leaf, self.styled, table[1] if table else -1, table[2] if table else -1)
        if sig != self.sig:
            styles, href = self.styled
            self.out.starts.append(self.size)
            self.out.anns.append(Ann(self.leaf, styles, href, sig[2], sig[3]))
            self.sig = sig
        self.pieces.append(key)
        self.size += len(key)

    def restyle(self) -> None:
        """The inline styles (and link) of text from here, after an inline element opens or closes."""
        styles = frozenset(s for s, n in self.styles.items() if n)
        self.styled = (styles | _LINK, self.hrefs[-1]) if self.hrefs else (styles, None)

    def start(self, el: etree._Element, tag: str) -> None:
        if tag in _BREAKS:
            self.leaf = -1
        if tag in BLOCK_TAGS or tag in ("td", "th", "tr"):
            self.blocks.append(tag)
        if tag in ("ul", "ol", "menu"):
            start = el.get("start") if tag == "ol" else None
            self.lists.append([tag == "ol", int(start) if start and start.strip().isdigit() else 1])
        elif tag == "li":
            lst = self.lists[-1] if self.lists else [0, 1]
            value = el.get("value")
            if value and value.strip().isdigit():
                lst[1] = int(value)
            self.items.append([lst[0], lst[1], 0])
            lst[1] += 1
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            codes = (c.get("class") or "" for c in el.iterchildren("code"))
            names = " ".join([el.get("class") or "", *codes])
            m = _LANGUAGE.search(names)
            self.pre.append(m.group(1) if m else None)
        elif tag == "table":
            self.tables.append([-1, -1, -1, 0, 1])
        elif tag == "thead" and self.tables:
            self.tables[-1][3] = 1
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            table[1], table[2], table[4] = table[1] + 1, -1, 1
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            table[1] = max(table[1], 0)
            table[2] += 1
            if tag == "td":
                table[4] = 0
        elif tag == "figure":
            self.figures.append([-1, -1])
        elif tag == "img":
            self.image(el)
        elif tag == "hr":
            self.out.markers.append((self.size, self._add(Leaf(DisplayKind.RULE, depth=len(self.items),
                                                                quote=self.quote))))
        elif tag == "a" and el.get("href") is not None:
            self.hrefs.append((el.get("href") or "").strip())
            self.restyle()
        elif tag in _EM or tag in _STRONG or tag in _CODE:
            self.styles["em" if tag in _EM else "strong" if tag in _STRONG else "code"] += 1
            self.restyle()

    def image(self, el: etree._Element) -> None:
        src = (el.get("src") or el.get("data-src") or "").strip()
        alt = " ".join((el.get("alt") or "").split())
        if not src or (not alt and not self.figures):
            return  # icons and tracking pixels
        leaf = self._add(Leaf(DisplayKind.IMAGE, src=src, alt=alt))
        if self.figures and self.figures[-1][0] < 0:
            self.figures[-1][0] = leaf
        self.out.markers.append((self.size, leaf))

    def end(self, el: etree._Element, tag: str) -> None:
        if tag in _BREAKS:
            self.leaf = -1
        if (tag in BLOCK_TAGS or tag in ("td", "th", "tr")) and self.blocks:
            self.blocks.pop()
        if tag in ("ul", "ol", "menu"):
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            if self.items:
                self.items.pop()
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            if self.pre:
                self.pre.pop()
        elif tag == "table":
            if self.tables:
                self.tables.pop()
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            if table[0] >= 0 and (table[3] or table[4]) and table[2] >= 0:
                self.out.leaves[table[0]].header_rows.add(table[1])
        elif tag == "thead" and self.tables:
            self.tables[-1][3] = 0
        elif tag == "figure":
            if self.figures:
                image, caption = self.figures.pop()
                if image >= 0 and caption >= 0:  # shown with its caption, not on its own
                    self.out.markers = [m for m in self.out.markers if m[1] != image]
                    cap, img = self.out.leaves[caption], self.out.leaves[image]
                    cap.src, cap.alt = img.src, img.alt
        elif tag == "a" and el.get("href") is not None:
            if self.hrefs:
                self.hrefs.pop()
            self.restyle()
        elif tag in _EM or tag in _STRONG or tag in _CODE:
            name = "em" if tag in _EM else "strong" if tag in _STRONG else "code"
            self.styles[name] = max(0, self.styles[name] - 1)
            self.restyle()


def page_structure(root: etree._Element) -> PageStructure:
    """The leaves and the annotated key stream of the visible part of ``root``."""
    walk = StructureWalk()
    visible_blocks(root, walk)
    return walk.result()
