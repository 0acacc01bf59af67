"""Rendered blocks into display lines: bullets, numbers, quote bars, code panels, aligned tables.

A :class:`BlockGroup` is what one shown analysis block looks like on screen: the display blocks
(:mod:`reader.ingest.display`) that lie inside it.  It lays them out in two steps, as the
paragraph renderer of :mod:`reader.ui.render` does: :meth:`BlockGroup.measure` (no styling)
gives each display line as a :class:`DLine` of :class:`Chunk` values, and :meth:`BlockGroup.line`
turns one of them into styled ``Text``, applying the marks (people, quotes, matches) of the
characters it shows.  A chunk is either displayed source text (``src`` is the source index of its
first character, one character for one after it) or decoration (``src`` is None: a bullet, a bar,
a table rule, a link's reference number), which marks never touch.

No Markdown syntax reaches the screen: the display model has already dropped it, and what is left
is styled through component classes (``md-em``, ``md-strong``, ``md-code``, ``md-link``, ...).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from reader.model import DisplayBlock, DisplayKind, Run
from reader.ui.render import MarkIndex, layered, plain, shown, styled
from reader.ui.wrap import wrap_spans

#: The component class each inline style is drawn with.
RUN_STYLES = {"em": "md-em", "strong": "md-strong", "code": "md-code", "link": "md-link", "image": "md-image"}
#: Component classes of decoration and block kinds (besides the inline ones above).
DECOR_NAMES = ("md-em", "md-strong", "md-code", "md-link", "md-image", "md-bullet", "md-bar", "md-code-block",
               "md-rule", "md-ref", "md-h1", "md-h2", "md-h3")
BULLETS = ("•", "◦", "▪")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
MAX_COLUMNS = 40  # a table wider than this shows its further cells in the last column
MIN_CELL = 3  # the narrowest a column is squeezed to before cells wrap in it


class Chunk(NamedTuple):
    """Displayed text in one style: from the source at ``src`` on, or decoration when ``src`` is None."""

    text: str
    src: int | None
    style: str


class DLine(NamedTuple):
    """One display line: the source range it stands for (starts never decrease) and its chunks."""

    start: int
    end: int
    chunks: tuple[Chunk, ...]


#: A display line as a piece measures it: ``(start, end)`` for a paragraph, a DLine for a view.
LineSpec = tuple[int, int] | DLine


def superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


class _Seg(NamedTuple):
    at: int  # displayed index in the block's string
    text: str
    src: int | None
    style: str


def _segments(runs: Sequence[Run], refs: Mapping[int, int], extra: str = "") -> list[_Seg]:
    """A block's runs as segments of one displayed string, with a link's number after its last run."""
    out: list[_Seg] = []
    at = 0
    n = len(runs)
    for i, run in enumerate(runs):
        style = " ".join([extra, *(RUN_STYLES[s] for s in sorted(run.styles))]).strip()
        image = "image" in run.styles
        if image and (i == 0 or "image" not in runs[i - 1].styles):  # an image inside a paragraph
            if i:
                out.append(_Seg(at, "\n", None, ""))
                at += 1
            out.append(_Seg(at, "▣ image: ", None, "md-image"))
            at += len("▣ image: ")
        text, start = run.text, run.start
        if out and out[-1].text == "\n":  # a line that starts after an image: no leading space
            cut = len(text) - len(text.lstrip())
            text, start = text[cut:], start + cut
        if text:
            out.append(_Seg(at, text, start, style))
            at += len(text)
        if image and i + 1 < n and "image" not in runs[i + 1].styles:  # the text goes on below it
            out.append(_Seg(at, "\n", None, ""))
            at += 1
        if "link" in run.styles and (i + 1 == n or runs[i + 1].href != run.href):
            number = refs.get(run.start)
            if number is not None:
                mark = superscript(number)
                out.append(_Seg(at, mark, None, "md-ref"))
                at += len(mark)
    return out


def _slice(segs: list[_Seg], starts: list[int], a: int, b: int) -> list[Chunk]:
    """The chunks showing displayed indices ``[a, b)`` of a block's string."""
    out: list[Chunk] = []
    i = max(bisect_right(starts, a) - 1, 0)
    while i < len(segs) and segs[i].at < b:
        seg = segs[i]
        lo, hi = max(a, seg.at), min(b, seg.at + len(seg.text))
        if lo < hi:
            src = None if seg.src is None else seg.src + lo - seg.at
            out.append(Chunk(seg.text[lo - seg.at:hi - seg.at], src, seg.style))
        i += 1
    return out


def _wrapped(segs: list[_Seg], width: int) -> list[list[Chunk]]:
    """The segments word-wrapped to ``width`` cells (a newline in them breaks the line)."""
    text = shown("".join(s.text for s in segs))
    starts = [s.at for s in segs]
    return [_slice(segs, starts, a, b) for a, b in wrap_spans(text, width)]


def _cut(chunks: list[Chunk], width: int) -> list[Chunk]:
    """``chunks`` cut to ``width`` cells, with a ``…`` where text was left out (code is never wrapped)."""
    total = sum(cell_len(shown(c.text)) for c in chunks)
    if total <= width:
        return chunks
    out: list[Chunk] = []
    room = max(width - 1, 0)
    for c in chunks:
        w = cell_len(shown(c.text))
        if w <= room:
            out.append(c)
            room -= w
            continue
        keep = ""
        for ch in c.text:
            cw = cell_len(shown(ch))
            if cw > room:
                break
            keep += ch
            room -= cw
        if keep:
            out.append(Chunk(keep, c.src, c.style))
        break
    out.append(Chunk("…", None, "md-bar"))
    return out


def _pad(chunks: list[Chunk], width: int, style: str = "") -> list[Chunk]:
    used = sum(cell_len(shown(c.text)) for c in chunks)
    return [*chunks, Chunk(" " * (width - used), None, style)] if used < width else chunks


class BlockGroup:
    """The display blocks of one shown analysis block, laid out at a width.

    ``refs`` maps the source start of a link's last run to the link's number in the article.
    """

    __slots__ = ("blocks", "refs")

    def __init__(self, blocks: Sequence[DisplayBlock], refs: Mapping[int, int]) -> None:
        self.blocks = tuple(blocks)
        self.refs = refs

    def measure(self, width: int) -> list[DLine]:
        """Every display line at ``width`` cells, blank lines between blocks included."""
        width = max(width, 1)
        lines: list[DLine] = []
        prev: DisplayBlock | None = None
        for block in self.blocks:
            if prev is not None and not tight(prev, block):
                lines.append(DLine(block.span.start, block.span.start, ()))
            lines.extend(_block_lines(block, width, self.refs))
            prev = block
        return _monotonic(lines)

    def line(self, spec: DLine, marks: Sequence[MarkIndex], styles: Mapping[str, Style],
             base: Style | str = "") -> Text:
        """Display line ``spec`` styled: decoration by its class, source text by its class and marks."""
        out = Text("", end="", style=base)
        for chunk in spec.chunks:
            style = _compose(chunk.style, styles)
            if chunk.src is None:
                out.append_text(plain(shown(chunk.text), style))
                continue
            end = chunk.src + len(chunk.text)
            text = styled(shown(chunk.text), chunk.src, layered(marks, chunk.src, end), styles)
            text.style = style
            out.append_text(text)
        return out


def _compose(names: str, styles: Mapping[str, Style]) -> Style:
    style = Style()
    for name in names.split():
        style += styles.get(name, Style())
    return style


def tight(prev: DisplayBlock, block: DisplayBlock) -> bool:
    """No blank line between two list items of one list (glow and browsers keep a list together);
    a bulleted list and a numbered one at the same depth are two lists."""
    if prev.kind is not DisplayKind.LIST_ITEM or block.kind is not DisplayKind.LIST_ITEM:
        return False
    if block.depth > prev.depth:
        return True
    return block.ordered == prev.ordered and not (block.ordered and block.number == 1)


def _monotonic(lines: list[DLine]) -> list[DLine]:
    out: list[DLine] = []
    last = 0
    for ln in lines:
        start = max(ln.start, last)
        out.append(ln if start == ln.start else DLine(start, max(ln.end, start), ln.chunks))
        last = start
    return out


def _line(chunks: list[Chunk], fallback: int) -> DLine:
    srcs = [(c.src, c.src + len(c.text)) for c in chunks if c.src is not None]
    if not srcs:
        return DLine(fallback, fallback, tuple(chunks))
    return DLine(min(s for s, _ in srcs), max(e for _, e in srcs), tuple(chunks))


def _block_lines(block: DisplayBlock, width: int, refs: Mapping[int, int]) -> list[DLine]:
    bars = [Chunk("│ " * block.quote, None, "md-bar")] if block.quote else []
    inner = max(width - 2 * block.quote, 1)
    kind = block.kind
    if kind is DisplayKind.CODE:
        body = _code(block, inner)
    elif kind is DisplayKind.TABLE:
        body = _table(block, inner, refs)
    elif kind is DisplayKind.RULE:
        body = [[Chunk("─" * min(inner, 40), None, "md-rule")]]
    elif kind is DisplayKind.IMAGE:
        body = _image(block, inner)
    elif kind is DisplayKind.LIST_ITEM:
        body = _list_item(block, inner, refs)
    else:
        extra = f"md-h{min(block.level, 3)}" if kind is DisplayKind.HEADING else ""
        body = _wrapped(_segments(block.runs, refs, extra), inner) if block.runs else [[]]
    out: list[DLine] = []
    last = block.span.start
    for chunks in body:
        line = _line(bars + chunks, last)
        out.append(line)
        last = line.end
    return out


def _list_item(block: DisplayBlock, width: int, refs: Mapping[int, int]) -> list[list[Chunk]]:
    indent = "  " * (block.depth - 1)
    marker = f"{block.number}." if block.ordered and block.number is not None else \
        BULLETS[(block.depth - 1) % len(BULLETS)]
    head = f"{indent}{marker} "
    room = max(width - len(head), 1)
    lines = _wrapped(_segments(block.runs, refs), room) if block.runs else [[]]
    out = [[Chunk(head, None, "md-bullet"), *lines[0]]]
    out += [[Chunk(" " * len(head), None, ""), *ln] for ln in lines[1:]]
    return out


def _code(block: DisplayBlock, width: int) -> list[list[Chunk]]:
    segs = _segments(block.runs, {}, "md-code-block")
    text = "".join(s.text for s in segs).rstrip("\n")
    starts = [s.at for s in segs]
    out: list[list[Chunk]] = []
    room = max(width - 2, 1)
    at = 0
    for row in text.split("\n") if text else [""]:
        chunks = _slice(segs, starts, at, at + len(row))
        out.append([Chunk("  ", None, "md-code-block"), *_pad(_cut(chunks, room), room, "md-code-block")])
        at += len(row) + 1
    return out


def _image(block: DisplayBlock, width: int) -> list[list[Chunk]]:
    """``▣ image: ALT`` and the caption under it.  A Markdown image's runs are its alt text; an
    HTML figure's runs are its caption (the alt text is not in the page's text, only in ``alt``)."""
    runs_text = "".join(r.text for r in block.runs)
    alt_is_runs = bool(block.runs) and (block.alt is None or block.alt == runs_text)
    head = [_Seg(0, "▣ image: ", None, "md-image")]
    at = len(head[0].text)
    if alt_is_runs:
        for run in block.runs:
            head.append(_Seg(at, run.text, run.start, "md-image"))
            at += len(run.text)
    else:
        head.append(_Seg(at, " ".join((block.alt or "").split()) or "(no description)", None, "md-image"))
    lines = _wrapped(head, width)
    caption: list[_Seg] = []
    if not alt_is_runs and block.runs:
        at = 0
        for run in block.runs:
            caption.append(_Seg(at, run.text, run.start, "md-em"))
            at += len(run.text)
    elif block.caption:
        caption = [_Seg(0, block.caption, None, "md-em")]
    if caption:
        lines += [[Chunk("  ", None, ""), *ln] for ln in _wrapped(caption, max(width - 2, 1))]
    return lines


def _table(block: DisplayBlock, width: int, refs: Mapping[int, int]) -> list[list[Chunk]]:
    rows = [list(row) for row in block.rows]
    if not rows:
        return [[]]
    ncols = max(len(r) for r in rows)
    if ncols > MAX_COLUMNS:  # fold the further cells into the last column, so nothing is lost
        rows = [[*r[:MAX_COLUMNS - 1], tuple(run for cell in r[MAX_COLUMNS - 1:] for run in cell)]
                if len(r) > MAX_COLUMNS else r for r in rows]
        ncols = MAX_COLUMNS
    cells = [[_segments(cell, refs) for cell in row] + [[]] * (ncols - len(row)) for row in rows]
    natural = [max((cell_len(shown("".join(s.text for s in row[c]))) for row in cells), default=0)
               for c in range(ncols)]
    natural = [max(n, 1) for n in natural]
    room = max(width - 3 * (ncols - 1), ncols)
    widths = _fit_columns(natural, room)
    sep = Chunk(" │ ", None, "md-rule")
    out: list[list[Chunk]] = []
    for r, row in enumerate(cells):
        wrapped: list[list[list[Chunk]]] = [_wrapped(segs, widths[c]) if segs else [[]]
                                            for c, segs in enumerate(row)]
        height = max(len(w) for w in wrapped)
        for k in range(height):
            line: list[Chunk] = []
            for c in range(ncols):
                if c:
                    line.append(sep)
                part = wrapped[c][k] if k < len(wrapped[c]) else []
                style = "md-strong" if block.header and r == 0 else ""
                part = [Chunk(p.text, p.src, f"{p.style} {style}".strip()) for p in part]
                line.extend(_pad(part, widths[c]) if c < ncols - 1 else part)
            out.append(line)
        if block.header and r == 0:
            out.append([Chunk("─┼─".join("─" * w for w in widths), None, "md-rule")])
    return out


def _fit_columns(natural: list[int], room: int) -> list[int]:
    """Column widths that fit ``room`` cells: natural widths when they fit, else the widest shrunk."""
    total = sum(natural)
    if total <= room:
        return natural
    widths = list(natural)
    floor = [min(n, MIN_CELL) for n in natural]
    excess = total - room
    while excess > 0:
        widest = max(range(len(widths)), key=lambda c: widths[c] - floor[c])
        give = widths[widest] - floor[widest]
        if give <= 0:
            break
        second = sorted((w - f for w, f in zip(widths, floor, strict=True)), reverse=True)
        step = max(1, min(excess, give - (second[1] if len(second) > 1 else 0)))
        widths[widest] -= step
        excess -= step
    return widths


class Link(NamedTuple):
    """A link of the article, numbered in reading order: what ``L`` lists and ``¹`` refers to."""

    number: int
    text: str
    href: str
    start: int  # source index of its first character


def number_links(blocks: Sequence[DisplayBlock]) -> tuple[dict[int, int], list[Link]]:
    """Every link of ``blocks`` numbered in order; the map goes from the source start of each
    link's last run to its number (where the reference mark is drawn)."""
    refs: dict[int, int] = {}
    links: list[Link] = []
    for block in blocks:
        runs = block.runs
        text: list[str] = []
        first = 0
        for i, run in enumerate(runs):
            if "link" not in run.styles or run.href is None:
                text = []
                continue
            if not text:
                first = run.start
            text.append(run.text)
            if i + 1 == len(runs) or runs[i + 1].href != run.href:
                number = len(links) + 1
                refs[run.start] = number
                links.append(Link(number, " ".join("".join(text).split()), run.href, first))
                text = []
        if block.kind is DisplayKind.IMAGE and block.href:
            links.append(Link(len(links) + 1, block.alt or "image", block.href, block.span.start))
    return refs, links


def assign(spans: Sequence[tuple[int, int]],
           display: Sequence[DisplayBlock]) -> list[tuple[DisplayBlock, ...] | None]:
    """For each analysis block span (ordered), the display blocks it shows.

    A display block belongs to the block holding its first displayed character.  A block that
    holds none gets ``()`` when a display block still covers it (it is shown with that one, as the
    second line of a paragraph is) and ``None`` when none does (it is then shown as its text).
    """
    out: list[tuple[DisplayBlock, ...] | None] = []
    anchors = [b.runs[0].start if b.runs else b.span.start for b in display]
    starts = [b.span.start for b in display]
    ends = [b.span.end for b in display]
    j = 0
    for start, end in spans:
        while j < len(display) and anchors[j] < start:
            j += 1
        k = j
        while k < len(display) and anchors[k] < end:
            k += 1
        if k > j:
            out.append(tuple(display[j:k]))
        else:
            i = bisect_right(starts, end - 1) - 1  # the last display block starting inside or before
            covered = i >= 0 and ends[i] > start
            out.append(() if covered else None)
        j = k
    return out
