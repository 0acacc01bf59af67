"""The one place where spans become styles: plain strings in, ``rich.text.Text`` out.

Article text is data.  It is made inert (``reader.sanitize.inert``, one character
for one character, so spans stay valid) and wrapped in ``Text(str)``; it is never
parsed as markup.  Styles come from the caller (component classes in .tcss).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.model import Block, Span
from reader.sanitize import inert
from reader.ui.wrap import wrap_height, wrap_spans

#: Component class names the reading pane defines, one per kind of mark.
MARK_NAMES = ("person", "person-focus", "quote", "quote-focus", "match", "match-current")


@dataclass(frozen=True, slots=True)
class Mark:
    """A styled range ``[start, end)`` in source indices, naming a component class."""

    start: int
    end: int
    name: str


def plain(text: str, style: Style | str = "") -> Text:
    """Text for display from an untrusted string: inert, never parsed as markup."""
    return Text(inert(text), style=style, end="")


def shown(text: str) -> str:
    """``text`` as a display line shows it, one character for one (inert, a tab as one space):
    what wrapping measures, so a measured line is never wider than it draws."""
    return inert(text).replace("\t", " ")


def styled(text: str, offset: int, marks: Iterable[Mark], styles: Mapping[str, Style]) -> Text:
    """``text`` (which starts at source index ``offset``) with every overlapping mark applied."""
    out = plain(text)
    n = len(text)
    for mark in marks:
        start, end = max(mark.start - offset, 0), min(mark.end - offset, n)
        if start < end:
            out.stylize(styles.get(mark.name, Style()), start, end)
    return out


class MarkIndex:
    """One layer of marks (quotes, mentions, matches...), found by the range they overlap.

    Looking up the marks of one line in view costs O(log n + k), so a line of a 5 MB
    paragraph with 100k marks is styled as fast as a line of a short one.
    """

    LONG = 2000  # marks longer than this are few; they are kept apart and scanned in full

    def __init__(self, marks: Iterable[tuple[int, int, str]] = ()) -> None:
        short: list[tuple[int, int, str]] = []
        self.long: list[tuple[int, int, str]] = []
        for m in marks:
            (short if m[1] - m[0] <= self.LONG else self.long).append(m)
        if any(short[i][0] > short[i + 1][0] for i in range(len(short) - 1)):
            short.sort(key=lambda m: m[0])
        self.marks = short
        self.starts = [m[0] for m in short]

    def __len__(self) -> int:
        return len(self.marks) + len(self.long)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """Marks that overlap ``[start, end)`` (an empty mark counts at its position), in order."""
        out = [Mark(s, e, n) for s, e, n in self.long if s < max(end, start + 1) and e > start]
        i = bisect_left(self.starts, start - self.LONG)
        marks, stop = self.marks, max(end, start + 1)
        while i < len(marks) and marks[i][0] < stop:
            s, e, n = marks[i]
            if e > start or s == e == start:
                out.append(Mark(s, e, n))
            i += 1
        return out


def layered(layers: Sequence[MarkIndex], start: int, end: int) -> list[Mark]:
    """The marks of every layer overlapping ``[start, end)``, layer by layer (later ones on top)."""
    return [m for layer in layers for m in layer.overlapping(start, end)]


# -- blocks into lines -------------------------------------------------------------------------------
# A block renderer has two steps: ``measure`` (cheap, no styling: where each display line starts and
# ends in the source) and ``line`` (one display line as styled Text).  The reading pane measures a
# block once per width and styles only the lines on screen; a renderer for other kinds of block
# (headings, lists, tables, code) plugs in through ``renderer_for``.


@dataclass(frozen=True, slots=True)
class Line:
    """One display line: its styled text and the source index of its first character."""

    text: Text
    offset: int


class ParagraphRenderer:
    """A block as word-wrapped text, every character in place (so offsets stay exact)."""

    def count(self, block: Block, width: int) -> int:
        """How many display lines ``block`` takes at ``width`` (cheaper than measuring them)."""
        return wrap_height(shown(block.text), width)

    def measure(self, block: Block, width: int) -> list[tuple[int, int]]:
        """``[start, end)`` source indices of each display line at ``width``."""
        base = block.span.start
        spans = wrap_spans(shown(block.text), width)
        return spans if base == 0 else [(base + s, base + e) for s, e in spans]

    def line(
        self,
        block: Block,
        span: tuple[int, int],
        marks: Sequence[MarkIndex],
        styles: Mapping[str, Style],
        base: Style | str = "",
    ) -> Text:
        """The display line ``span`` (source indices within ``block``) with its marks applied."""
        start, end = span
        offset = block.span.start
        text = shown(block.text[start - offset : end - offset])
        out = styled(text, start, layered(marks, start, end), styles)
        out.style = base
        return out


PARAGRAPH = ParagraphRenderer()


def renderer_for(block: Block) -> ParagraphRenderer:
    """The renderer that turns ``block`` into lines (one kind today: paragraphs)."""
    return PARAGRAPH


def block_lines(
    block: Block, width: int, marks: Sequence[MarkIndex], styles: Mapping[str, Style], base: Style | str = ""
) -> list[Line]:
    """``block`` as styled display lines at ``width``, each with its source offset (all of them;
    the reading pane calls the renderer's two steps itself so it styles only what is in view)."""
    renderer = renderer_for(block)
    return [
        Line(renderer.line(block, span, marks, styles, base), span[0])
        for span in renderer.measure(block, width)
    ]


def find_all(source: str, terms: Iterable[str]) -> list[Span]:
    """Case-insensitive occurrences of any term in ``source``, in order, not overlapping."""
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return [Span(m.start(), m.end()) for m in pattern.finditer(source)]


def fold_summary(blocks: Iterable[Block], revealed: bool = False) -> str:
    """'4 lines hidden: donation appeal, newsletter' for a run of hidden blocks ('shown' once
    revealed)."""
    blocks = list(blocks)
    reasons: list[str] = []
    for b in blocks:
        reason = b.reason or b.kind.value
        if reason not in reasons:
            reasons.append(reason)
    noun = "line" if len(blocks) == 1 else "lines"
    return f"{len(blocks)} {noun} {'shown' if revealed else 'hidden'}: {', '.join(reasons)}"


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at 230 words a minute, at least one."""
    return max(1, round(words / 230))


def reading_time(words: int) -> str:
    """The time to read ``words``, short: "7 min", and from 100 minutes on in hours ("76 h"), so a
    huge file cannot push the list's columns apart."""
    minutes = reading_minutes(words)
    return f"{minutes} min" if minutes < 100 else f"{round(minutes / 60)} h"
