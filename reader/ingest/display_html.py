"""Saved HTML pages as display blocks, with the page's structure found back in the extracted text.

:func:`reader.ingest.html.load_html` reduces a page to text (title, byline, captions, headings,
paragraphs, blank lines between) and records each part as a :class:`~reader.ingest.Segment`.
The page's structure comes from the loader's walk of the parsed page
(:mod:`reader.ingest.html_structure`): each segment's key (its text without whitespace) is
looked up in the page's key stream (:mod:`reader.ingest.html_place`), which gives each of its
characters a leaf (heading, paragraph, list item, quote, code, table cell, figure caption),
inline styles and a link target.  A segment holding several leaves (a list item with a nested
list, a paragraph across two page blocks) becomes several blocks; the rows of a table, when the
page marks them alike, are joined into one segment and one block (:func:`html_display`).
Images and rules, which have no text, are empty blocks where they stand between leaves
(inside a leaf's text they are left out); a figure with a caption is one image block whose
runs are the caption (its alt text is not in the source).  Of the characters no key holds,
whitespace between two leaves and the ``|`` between two table cells are not shown.

A segment whose text the page does not hold as such (a title from the metadata, text the
extractor rewrote) is one paragraph, or heading, whose single run is its slice of the source,
so no text is ever lost.  Every run is an exact slice of the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.ingest import Segment
from reader.ingest.display import DisplayBlock, DisplayKind, Run, RunBuilder, text_blocks
from reader.ingest.html_place import Piece, Placed, place
from reader.ingest.html_structure import Ann, Leaf, PageStructure
from reader.model import BlockKind, Span

__all__ = ["html_blocks", "html_display"]

#: heading level of each heading-like segment kind, when its leaf is no heading
_LEVELS = {BlockKind.TITLE: 1, BlockKind.HEADING: 2}


def html_blocks(source: str, segments: Iterable[Segment] | None,
                page: PageStructure | None = None) -> tuple[DisplayBlock, ...]:
    """The display blocks of an HTML Document's ``source``; without segments, its paragraphs."""
    if segments is None:
        return text_blocks(source)
    return html_display(source, tuple(segments), page)[0]


def html_display(source: str, segments: Sequence[Segment],
                 page: PageStructure | None) -> tuple[tuple[DisplayBlock, ...], tuple[Segment, ...]]:
    """The display blocks and the segments, a table's row segments joined into one."""
    segs = _clip(source, segments)
    placed: list[Placed] = [None] * len(segs) if page is None else place(source, segs, page)
    segs, placed = _join_tables(segs, placed, page)
    out: list[DisplayBlock] = []
    for seg, pieces in zip(segs, placed, strict=True):
        out.extend(_blocks(source, seg, pieces, page))
    return tuple(out), tuple(segs)


def _clip(source: str, segments: Sequence[Segment]) -> list[Segment]:
    """The segments cut to the source and to each other, empty ones dropped."""
    out: list[Segment] = []
    last = 0
    for seg in segments:
        start, end = max(seg.start, last), min(seg.end, len(source))
        if start < end:
            out.append(seg if (start, end) == (seg.start, seg.end) else replace(seg, start=start, end=end))
            last = end
    return out


def _join_tables(segs: list[Segment], placed: list[Placed],
                 page: PageStructure | None) -> tuple[list[Segment], list[Placed]]:
    """Neighbouring segments that are rows of one table, marked alike, joined."""
    if page is None:
        return segs, placed
    out_s: list[Segment] = []
    out_p: list[Placed] = []
    for seg, pieces in zip(segs, placed, strict=True):
        leaf = _table_of(pieces, page)
        if out_s and leaf >= 0 and _table_of(out_p[-1], page) == leaf and _alike(out_s[-1], seg):
            prev = out_p[-1]
            assert prev is not None and pieces is not None
            out_s[-1] = replace(out_s[-1], end=seg.end)
            out_p[-1] = prev + pieces
        else:
            out_s.append(seg)
            out_p.append(pieces)
    return out_s, out_p


def _alike(a: Segment, b: Segment) -> bool:
    """Two rows of a table that the page marks alike (so analysis can take them as one)."""
    ha, hb = a.hints, b.hints
    return (a.kind, a.origin, ha.tag, ha.cue, ha.hint, ha.twin, ha.unseen) == (
        b.kind, b.origin, hb.tag, hb.cue, hb.hint, hb.twin, hb.unseen)


def _table_of(pieces: Placed, page: PageStructure) -> int:
    """The table leaf a segment lies in all through, else -1."""
    if not pieces:
        return -1
    leaf = pieces[0].ann.leaf
    if page.leaves[leaf].kind is not DisplayKind.TABLE or any(p.ann.leaf != leaf for p in pieces):
        return -1
    return leaf


def _blocks(source: str, seg: Segment, pieces: Placed, page: PageStructure | None) -> list[DisplayBlock]:
    level = _LEVELS.get(seg.kind, 0)
    if not pieces or page is None:
        return [_whole(source, seg, level)]
    if level:  # one heading, whatever the page made of it
        first = page.leaves[pieces[0].ann.leaf]
        if first.kind is DisplayKind.HEADING:
            level = first.level
        runs = _runs(source, [p for p in pieces if p.start < p.end], seg.start)
        return [DisplayBlock(DisplayKind.HEADING, Span(runs[0].start, runs[-1].end), runs, level=level)]
    groups: list[list[Piece]] = []
    for p in pieces:
        if groups and groups[-1][0].ann.leaf == p.ann.leaf and p.start < p.end:
            groups[-1].append(p)
        else:
            groups.append([p])
    out: list[DisplayBlock] = []
    floor = seg.start
    for n, group in enumerate(groups):
        end = groups[n + 1][0].start if n + 1 < len(groups) else seg.end
        try:
            block = _block(source, page.leaves[group[0].ann.leaf], group, floor, end)
        except ValueError:  # structure that does not fit the text: show the text
            runs = _runs(source, group, floor)
            if not runs:  # nothing of its own past what is already placed
                continue
            block = DisplayBlock(DisplayKind.PARAGRAPH, Span(runs[0].start, runs[-1].end), runs)
        out.append(block)
        floor = block.span.end
    return out


def _whole(source: str, seg: Segment, level: int) -> DisplayBlock:
    kind = DisplayKind.HEADING if level else DisplayKind.PARAGRAPH
    return DisplayBlock(kind, Span(seg.start, seg.end), (Run(source[seg.start:seg.end], seg.start),),
                        level=level)


def _runs(source: str, pieces: list[Piece], floor: int, tail: int = -1) -> tuple[Run, ...]:
    """Runs of the pieces, the whitespace between two of them shown (styled when both agree).

    ``tail``, when past the last piece, takes in what follows it up to there if that is more
    than whitespace (a ``|`` between two leaves)."""
    out = RunBuilder(floor)
    prev: Piece | None = None
    for p in pieces:
        if prev is not None and prev.end < p.start:
            same = (prev.ann.styles, prev.ann.href) == (p.ann.styles, p.ann.href)
            _add(out, source, prev.end, p.start, p.ann if same else None)
        _add(out, source, p.start, p.end, p.ann)
        prev = p
    if prev is not None and tail > prev.end:
        gap = source[prev.end:tail].rstrip()
        if gap.strip():
            _add(out, source, prev.end, prev.end + len(gap), None)
    return out.take()


def _add(out: RunBuilder, source: str, start: int, end: int, ann: Ann | None) -> None:
    if start >= end:
        return
    if ann is None or not ann.styles:
        out.add(source[start:end], start)
    else:
        out.add(source[start:end], start, ann.styles, ann.href)


def _block(source: str, leaf: Leaf, group: list[Piece], floor: int, end: int) -> DisplayBlock:
    kind = leaf.kind
    if group[0].start == group[0].end:  # an image or a rule
        at = group[0].start
        if kind is DisplayKind.IMAGE:
            return DisplayBlock(kind, Span(at, at), depth=leaf.depth, quote=leaf.quote,
                                alt=leaf.alt or "", src=leaf.src or "")
        return DisplayBlock(DisplayKind.RULE, Span(at, at), depth=leaf.depth, quote=leaf.quote)
    if kind is DisplayKind.TABLE:
        return _table(source, leaf, group, floor)
    runs = _runs(source, group, floor, -1 if kind is DisplayKind.CODE else end)
    span = Span(runs[0].start, runs[-1].end)
    d, q = leaf.depth, leaf.quote
    if leaf.caption and leaf.src is not None:
        return DisplayBlock(DisplayKind.IMAGE, span, runs, depth=d, quote=q, alt=leaf.alt or "",
                            src=leaf.src, caption="".join(r.text for r in runs))
    if kind is DisplayKind.LIST_ITEM:
        return DisplayBlock(kind, span, runs, depth=d, quote=q, ordered=leaf.ordered, number=leaf.number)
    if kind is DisplayKind.HEADING:
        return DisplayBlock(kind, span, runs, level=leaf.level, depth=d, quote=q)
    if kind is DisplayKind.CODE:
        return DisplayBlock(kind, span, runs, language=leaf.language, depth=d, quote=q)
    if kind is not DisplayKind.QUOTE:
        kind = DisplayKind.PARAGRAPH
    return DisplayBlock(kind, span, runs, depth=d, quote=q)


def _table(source: str, leaf: Leaf, group: list[Piece], floor: int) -> DisplayBlock:
    """A table block: its cells' runs row by row, missing cells empty, rows padded alike."""
    cells: dict[tuple[int, int], list[Piece]] = {}
    for p in group:
        cells.setdefault((p.ann.row, p.ann.cell), []).append(p)
    rows: dict[int, dict[int, tuple[Run, ...]]] = {}
    for (row, cell), ps in cells.items():
        runs = _runs(source, ps, floor)
        if not runs:  # the cell's text is already placed before (the page repeats it)
            continue
        floor = runs[-1].end
        rows.setdefault(row, {})[cell] = runs
    if not rows:
        raise ValueError("a table without text of its own")
    width = max(max(r) for r in rows.values()) + 1
    table = tuple(tuple(rows[r].get(c, ()) for c in range(width)) for r in sorted(rows))
    runs = tuple(run for row in table for cell in row for run in cell)
    return DisplayBlock(DisplayKind.TABLE, Span(runs[0].start, runs[-1].end), runs, rows=table,
                        header=min(rows) in leaf.header_rows, depth=leaf.depth, quote=leaf.quote)
