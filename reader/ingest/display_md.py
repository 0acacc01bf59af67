"""Markdown to display blocks, through markdown-it-py (CommonMark plus tables).

Block spans come from the tokens' line maps.  Inline offsets are exact: the parser records where
each inline token sits in its inline source (:mod:`reader.ingest.display_md_inline`).  The inline
source of a paragraph is its lines with their container prefixes cut, which are found back in
the file line by line (:meth:`_Walk.line_map`); table cells are cut from their line as the table
rule cuts them.  markdown-it normalises line ends (``\\r\\n`` and ``\\r`` to ``\\n``) and NUL to
U+FFFD; lines are counted the same way, so columns within a line agree with the file.

A block whose tokens cannot be placed (which the property tests have not seen happen) is shown
as its literal lines rather than with offsets that could be wrong.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from markdown_it.token import Token

from reader.ingest.display import DisplayBlock, DisplayKind, RunBuilder
from reader.ingest.display_md_inline import POS, Inline, Mismatch, parser, split_row
from reader.model import Span

__all__ = ["markdown_blocks"]

_NEWLINE = re.compile(r"\r\n?|\n")


def markdown_blocks(source: str, body_start: int = 0) -> tuple[DisplayBlock, ...]:
    """The display blocks of Markdown ``source`` from ``body_start`` (after front matter)."""
    body_start = max(0, min(body_start, len(source)))
    walk = _Walk(source, body_start)
    walk.blocks(parser().parse(source[body_start:]))
    return tuple(walk.out)


class _Item:
    __slots__ = ("line", "marker", "number", "ordered", "pending")

    def __init__(self, tok: Token, ordered: bool, number: int | None) -> None:
        self.line = tok.map[0] if tok.map else 0
        self.marker = (tok.info + tok.markup) if ordered else tok.markup
        self.ordered, self.number, self.pending = ordered, number, True


class _Walk:
    """Walks the block tokens, keeping the list and quote context, and builds the blocks."""

    def __init__(self, source: str, base: int) -> None:
        self.src = source.replace("\0", "\ufffd") if "\0" in source else source
        self.starts: list[int] = [base]  # source index where each line starts ...
        self.ends: list[int] = []  # ... and ends, its line break left out
        self.norm: list[int] = [0]  # where each line starts in markdown-it's normalised text
        if source.find("\r", base) < 0:  # every break is one "\n": the normalised text is the same
            sizes = [len(line) + 1 for line in source[base:].split("\n")]  # each line with its break
            self.starts = list(accumulate(sizes[:-1], initial=base))
            self.ends = [s + n - 1 for s, n in zip(self.starts, sizes, strict=True)]
            self.norm = [s - base for s in self.starts]
        else:
            for m in _NEWLINE.finditer(source, base):
                self.ends.append(m.start())
                self.norm.append(self.norm[-1] + m.start() - self.starts[-1] + 1)
                self.starts.append(m.end())
            self.ends.append(len(source))
        self.out: list[DisplayBlock] = []
        self.floor = base
        self.quote = 0
        self.lists: list[list[int]] = []  # [ordered, next number]
        self.items: list[_Item] = []

    def blocks(self, tokens: list[Token]) -> None:
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            t = tok.type
            if t.endswith("_close"):
                if t == "blockquote_close":
                    self.quote -= 1
                elif t in ("bullet_list_close", "ordered_list_close"):
                    self.lists.pop()
                elif t == "list_item_close":
                    if self.items[-1].pending:
                        self.marker(self.items[-1])
                    self.items.pop()
            elif t == "list_item_open":
                lst = self.lists[-1]
                self.items.append(_Item(tok, bool(lst[0]), lst[1] if lst[0] else None))
                lst[1] += 1
            elif t == "paragraph_open":
                self.leaf(tokens[i], tokens[i + 1])
                i += 2
            else:
                if self.items and self.items[-1].pending:
                    self.marker(self.items[-1])
                if t == "blockquote_open":
                    self.quote += 1
                elif t in ("bullet_list_open", "ordered_list_open"):
                    start = tok.attrGet("start") if t == "ordered_list_open" else None
                    self.lists.append([t == "ordered_list_open", int(start) if start is not None else 1])
                elif t == "table_open":
                    j = next(k for k in range(i, n) if tokens[k].type == "table_close")
                    self.leaf(tok, None, tokens[i:j])
                    i = j
                elif t in ("heading_open", "fence", "code_block", "html_block", "hr"):
                    self.leaf(tok, tokens[i + 1] if t == "heading_open" else None)
                    i += 2 if t == "heading_open" else 0
            i += 1

    def marker(self, item: _Item) -> None:
        """An empty list item block at the item's marker (its first block is no paragraph)."""
        item.pending = False
        s, e = max(self.starts[item.line], self.floor), self.ends[item.line]
        p = self.src.find(item.marker, s, e)
        span = Span(p, p + len(item.marker)) if p >= 0 else Span(s, s)
        self.floor = span.end
        self.out.append(DisplayBlock(DisplayKind.LIST_ITEM, span, depth=len(self.items), quote=self.quote,
                                     ordered=item.ordered, number=item.number))

    def leaf(self, tok: Token, inline: Token | None, table: list[Token] | None = None) -> None:
        """Build the block of one leaf token (its inline token or its table's tokens)."""
        a, b = tok.map or (0, 0)
        b = max(b, a + 1)
        kind, fields = self.kind(tok, inline, table)
        out = RunBuilder(self.floor)
        try:
            if table is not None:
                fields["rows"] = self.table(table, out)
            elif inline is not None:
                self.inline(inline, out)
            elif kind is not DisplayKind.RULE:
                self.literal(tok.content, a + 1 if tok.type == "fence" else a, b, out)
        except Mismatch:
            out = RunBuilder(self.floor)
            self.literal(None, a, b, out)
            if kind in (DisplayKind.TABLE, DisplayKind.IMAGE):
                kind = DisplayKind.QUOTE if self.quote else DisplayKind.PARAGRAPH
                fields = {"depth": fields["depth"], "quote": fields["quote"]}
        runs = out.take()
        start = max(self.starts[min(a, len(self.starts) - 1)], self.floor)
        if runs:
            start = min(start, runs[0].start)
        end = max(self.ends[min(b, len(self.ends)) - 1], start, runs[-1].end if runs else start)
        if "rows" in fields:
            fields["runs"] = tuple(r for row in fields["rows"] for cell in row for r in cell)
        else:
            fields["runs"] = runs
        if kind is DisplayKind.IMAGE:
            fields["alt"] = "".join(r.text for r in runs)
        self.out.append(DisplayBlock(kind, Span(start, end), **fields))
        self.floor = end

    def kind(self, tok: Token, inline: Token | None,
             table: list[Token] | None) -> tuple[DisplayKind, dict[str, Any]]:
        """What a leaf token becomes, and its fields but the runs (a list item's marker is taken)."""
        fields: dict[str, Any] = {"depth": len(self.items), "quote": self.quote}
        t = tok.type
        if table is not None:
            fields["header"] = True
            return DisplayKind.TABLE, fields
        if t == "hr":
            return DisplayKind.RULE, fields
        if t in ("fence", "code_block"):
            fields["language"] = tok.info.split()[0] if tok.info.strip() else None
            return DisplayKind.CODE, fields
        if t == "heading_open":
            fields["level"] = int(tok.tag[1:])
            return DisplayKind.HEADING, fields
        if inline is not None and self.items and self.items[-1].pending:
            item = self.items[-1]
            item.pending = False
            fields.update(ordered=item.ordered, number=item.number)
            return DisplayKind.LIST_ITEM, fields
        if inline is not None and inline.content.lstrip()[:1] in ("!", "[") \
                and (image := _lone_image(inline.children or [])) is not None:
            fields.update(alt="", src=str(image[0].attrGet("src") or ""), href=image[1],
                          caption=str(image[0].attrGet("title") or "") or None)
            return DisplayKind.IMAGE, fields
        return (DisplayKind.QUOTE if self.quote and t != "html_block" else DisplayKind.PARAGRAPH), fields

    def literal(self, content: str | None, a: int, b: int, out: RunBuilder) -> None:
        """Lines shown as they are: code, HTML, or the source lines [a, b) when content is None."""
        parts = content.split("\n") if content is not None else None
        if parts and parts[-1] == "":
            parts.pop()
        count = len(parts) if parts is not None else b - a
        for k in range(min(count, len(self.starts) - a)):
            s, e = self.starts[a + k], self.ends[a + k]
            line = self.src[s:e]
            j = 0
            if parts is not None:
                part = parts[k]
                if line.endswith(part):
                    j = len(line) - len(part)
                else:  # a tab partly taken by the indent became spaces: show the tab
                    same = 0
                    while same < min(len(part), len(line)) and part[-1 - same] == line[-1 - same]:
                        same += 1
                    j = len(line) - same
                    if j and line[j - 1] == "\t":
                        j -= 1
            if k:
                out.add("\n", self.ends[a + k - 1])
            out.add(line[j:], s + j)

    def line_map(self, content: str, a: int) -> list[int]:
        """The source index of each character of an inline token's content (lines from ``a``)."""
        cmap: list[int] = []
        parts = content.split("\n")
        if a + len(parts) > len(self.starts):
            raise Mismatch
        for k, part in enumerate(parts):
            s, e = self.starts[a + k], self.ends[a + k]
            j = self.src.rfind(part, s, e)
            if j >= 0:
                cmap.extend(range(j, j + len(part)))
            else:  # leading spaces made from a tab: they are never shown, map them to the tab
                rest = part.lstrip(" \t")
                j = self.src.rfind(rest, s, e) if rest else e
                if j < 0:
                    raise Mismatch
                cmap.extend([max(s, j - 1)] * (len(part) - len(rest)))
                cmap.extend(range(j, j + len(rest)))
            if k < len(parts) - 1:
                cmap.append(e)
        return cmap

    def inline(self, tok: Token, out: RunBuilder) -> None:
        a = tok.map[0] if tok.map else 0
        Inline(tok.content, self.line_map(tok.content, a), out).walk(tok.children or [], 0)

    def table(self, tokens: list[Token], out: RunBuilder) -> tuple[tuple[tuple[Any, ...], ...], ...]:
        starts: list[int] = tokens[0].meta.get(POS, [])
        a = tokens[0].map[0] if tokens[0].map else 0
        rows: list[tuple[tuple[Any, ...], ...]] = []
        cells: list[tuple[Any, ...]] = []
        cols: list[list[int]] = []
        for tok in tokens:
            if tok.type == "tr_open":
                line = tok.map[0] if tok.map else a
                if not 0 <= line - a < len(starts):
                    raise Mismatch
                s = self.starts[line] + starts[line - a] - self.norm[line]
                cols, cells = split_row(self.src, s, self.ends[line]), []
            elif tok.type == "inline":
                idx = cols[len(cells)] if len(cells) < len(cols) else []
                if "".join(self.src[i] for i in idx) != tok.content:
                    raise Mismatch
                Inline(tok.content, idx, out).walk(tok.children or [], 0)
                cells.append(out.take())
            elif tok.type == "tr_close":
                rows.append(tuple(cells))
        return tuple(rows)


def _lone_image(children: list[Token]) -> tuple[Token, str | None] | None:
    """The image (and the href of a link around it) when it is all a paragraph holds (so its
    text, but for white space, starts with the image's "!" or the link's "[")."""
    kids = [t for t in children if not (t.type == "text" and not t.content.strip())]
    if len(kids) == 1 and kids[0].type == "image":
        return kids[0], None
    if ([t.type for t in kids] == ["link_open", "image", "link_close"] and kids[0].markup != "autolink"):
        return kids[1], str(kids[0].attrGet("href") or "")
    return None
