"""What the reading pane shows, as data: an article's parts, their pieces, and where each line goes.

Everything here is plain Python (no widget), so it can be built in a worker thread for a big
article and handed to the pane in one step.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from reader.model import Article, BlockKind
from reader.ui.render import MarkIndex, reading_minutes
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.piece import Piece

Part = BlockView | Fold


def build_parts(article: Article, choices: dict[str, str | None]) -> list[Part]:
    """Shown blocks one by one, each run of hidden blocks as one fold (``choices``: keep/hide by text)."""
    parts: list[Part] = []
    run = []
    for block in article.blocks:
        choice = choices.get(block.text)
        hide = (block.hidden and choice != "keep") or choice == "hide"
        if hide:
            run.append(block if block.hidden else replace(block, reason="hidden by you"))
            continue
        if run:
            parts.append(Fold(run))
            run = []
        parts.append(BlockView(block, kept=block.hidden))
    if run:
        parts.append(Fold(run))
    return parts


def meta_line(article: Article, words: int) -> str:
    bits = [article.meta.get("site") or article.meta.get("source") or "", article.meta.get("date", ""),
            f"{reading_minutes(words)} min read", f"{len(article.people)} people",
            f"{len(article.quotes)} quotes", *article.notices]
    return " · ".join(b for b in bits if b)


def head_pieces(article: Article, words: int) -> list[Piece]:
    """The meta line, and the title when no block holds it."""
    pieces = [Piece(meta_line(article, words), "reading--meta")]
    if article.title and not any(b.kind is BlockKind.TITLE for b in article.blocks):
        pieces.append(Piece(article.title, "reading--title"))
    return pieces


def flatten(head: list[Piece], parts: Sequence[Part]) -> list[Piece]:
    out = list(head)
    for part in parts:
        if type(part) is BlockView:
            out.append(part)
        else:
            out.extend(part.pieces)
    return out


class Layout:
    """Pieces one under another at one measure width: which line holds which piece, and back."""

    def __init__(self, pieces: list[Piece], width: int, heights: list[int] | None = None) -> None:
        self.pieces = pieces
        self.width = width
        if heights is None:
            heights = measure(pieces, width)
        self.tops = [0, *accumulate(heights)]
        self.starts = [p.start for p in pieces]

    @property
    def height(self) -> int:
        return self.tops[-1]

    def index_at(self, y: int) -> int:
        """The piece holding display line ``y`` (clamped to the pieces there are)."""
        return min(max(bisect_right(self.tops, y) - 1, 0), len(self.pieces) - 1)

    def locate(self, y: int) -> tuple[Piece, int] | None:
        """The piece at display line ``y`` and the line within it (blank lines before included)."""
        if not self.pieces or not 0 <= y < self.height:
            return None
        i = self.index_at(y)
        return self.pieces[i], y - self.tops[i]

    def index_of_offset(self, offset: int) -> int:
        """The piece that holds source index ``offset``, else the last one starting before it."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        j = i
        while j >= 0 and self.pieces[j].start == self.starts[i]:  # empty pieces share a start
            if self.pieces[j].start <= offset < self.pieces[j].end:
                return j
            j -= 1
        return i

    def line_of_offset(self, offset: int) -> int:
        """The display line that shows source index ``offset``."""
        i = self.index_of_offset(offset)
        piece = self.pieces[i]
        k = 0
        if piece.block is not None:
            spans = piece.lines(self.width)
            k = max(bisect_right([s for s, _ in spans], offset) - 1, 0)
        return self.tops[i] + piece.before + k

    def offset_at(self, y: int) -> int | None:
        """The source index shown at display line ``y`` (None above the first block)."""
        found = self.locate(y)
        if found is None:
            return None
        piece, k = found
        if piece.block is None:
            return piece.start if piece.owner is not None else None
        spans = piece.lines(self.width)
        k = min(max(k - piece.before, 0), len(spans) - 1)
        return spans[k][0]


def measure(pieces: Sequence[Piece], width: int) -> list[int]:
    """Each piece's height at ``width``; short one-line blocks take the fast path."""
    out = []
    for p in pieces:
        w, n = p._count
        if w == width:
            out.append(p.before + n + p.after)
            continue
        text = p.text
        if len(text) < width - p.indent and "\n" not in text and text.isascii():
            p._count = (width, 1)
            out.append(p.before + 1 + p.after)
        else:
            out.append(p.height(width))
    return out


@dataclass
class Prepared:
    """An article made ready to show: parts, pieces, the people and quote layers, maybe a layout."""

    article: Article
    parts: list[Part]
    head: list[Piece]
    quotes: MarkIndex
    people: MarkIndex
    words: int
    layout: Layout | None = None


def prepare(article: Article, choices: dict[str, str | None], width: int | None = None) -> Prepared:
    """Everything the pane needs for ``article``; slow for a big one, so it can run in a thread."""
    parts = build_parts(article, choices)
    words = article.word_count
    head = head_pieces(article, words)
    quotes = MarkIndex((q.span.start, q.span.end, "quote") for q in article.quotes)
    people = MarkIndex(sorted((m.span.start, m.span.end, "person")
                              for p in article.people for m in p.mentions))
    layout = Layout(flatten(head, parts), width) if width else None
    return Prepared(article, parts, head, quotes, people, words, layout)
