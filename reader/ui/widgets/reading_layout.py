"""What the reading pane shows, as data: an article's parts, their pieces, and where each line goes.

Everything here is plain Python (no widget), so it can be built in a worker thread for a big
article and handed to the pane in one step.
"""

from __future__ import annotations

import contextlib
import os
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise

from rich.style import Style
from rich.text import Text

from reader.ingest.display_of import display_of
from reader.model import Article, Block, BlockKind, DisplayBlock
from reader.sanitize import escaped
from reader.ui.display_render import BlockGroup, DLine, Link, assign, number_links, tight
from reader.ui.render import MarkIndex, plain, reading_time, renderer_for, shown
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.piece import Piece

Part = BlockView | Fold


def build_parts(article: Article, choices: dict[str, str | None],
                views: list[BlockGroup | None] | None = None) -> list[Part]:
    """Shown blocks one by one, each run of hidden blocks as one fold (``choices``: keep/hide by text).

    ``views`` holds each block's rendered view (None: the block is shown as its text)."""
    parts: list[Part] = []
    run: list[Block] = []
    run_views: list[BlockGroup | None] = []
    for i, block in enumerate(article.blocks):
        view = views[i] if views is not None else None
        choice = choices.get(block.text)
        hide = (block.hidden and choice != "keep") or choice == "hide"
        if hide:
            run.append(block if block.hidden else replace(block, reason="hidden by you"))
            run_views.append(view)
            continue
        if run:
            parts.append(Fold(run, run_views))
            run, run_views = [], []
        parts.append(BlockView(block, kept=block.hidden, view=view))
    if run:
        parts.append(Fold(run, run_views))
    _tighten(parts)
    return parts


def _tighten(parts: list[Part]) -> None:
    """No blank line between two shown list items that follow each other (one list, kept together)."""
    for a, b in pairwise(parts):
        if type(a) is BlockView and type(b) is BlockView and a.view is not None and b.view is not None \
                and a.view.blocks and b.view.blocks and tight(a.view.blocks[-1], b.view.blocks[0]):
            a.after = 0


def views_of(article: Article) -> tuple[list[BlockGroup | None] | None, list[Link]]:
    """Each block's rendered view and the article's numbered links (None, [] for a text dump)."""
    display: tuple[DisplayBlock, ...] | None = display_of(article)
    if display is None:
        return None, []
    groups = assign([(b.span.start, b.span.end) for b in article.blocks], display)
    # links in the article's text are numbered first, those in folded furniture after them
    shown = [d for b, g in zip(article.blocks, groups, strict=True) if g and not b.hidden for d in g]
    folded = [d for b, g in zip(article.blocks, groups, strict=True) if g and b.hidden for d in g]
    refs, links = number_links([*shown, *folded])
    return [None if g is None else BlockGroup(g, refs) for g in groups], links


def meta_line(article: Article, words: int) -> str:
    meta = article.meta
    bits = [meta.get("site") or meta.get("source") or "", meta.get("author", ""), meta.get("date", ""),
            f"tags: {meta['tags']}" if meta.get("tags") else "",
            f"{reading_time(words)} read", f"{len(article.people)} people",
            f"{len(article.quotes)} quotes", *article.notices]
    return " · ".join(b for b in bits if b)


_FORMATS = {"text": "plain text", "markdown": "Markdown", "html": "HTML"}


def _shown_path(article: Article, root: str | None) -> str:
    path = article.path
    if root:
        with contextlib.suppress(ValueError):
            rel = os.path.relpath(path, root)
            path = rel if not rel.startswith("..") else path
    if root is None:
        path = os.path.basename(path)
    return path


def file_line(article: Article, root: str | None, copies: Sequence[str] = ()) -> str:
    """'world/2024/clip.html · HTML': the file (relative to the collection) and its format, so
    the text and HTML saves of one page tell apart; with ``copies`` (every file that holds the
    article, relative to the collection), '· 1 of 2 copies · also world/2024/clip.txt (c)'."""
    path = _shown_path(article, root)
    line = f"{escaped(path)} · {_FORMATS.get(str(article.format), str(article.format))}"
    if len(copies) < 2:
        return line
    here = copies.index(path) + 1 if path in copies else 0
    others = [c for c in copies if c != path]
    also = ", ".join(escaped(c) for c in others[:3])
    if len(others) > 3:
        also += f" and {len(others) - 3} more"
    count = f"{here} of {len(copies)} copies" if here else f"{len(copies)} copies"
    return f"{line} · {count} · also {also} (c opens the next)"


def head_pieces(article: Article, words: int, root: str | None = None,
                copies: Sequence[str] = ()) -> list[Piece]:
    """The meta line, the file line (with the article's other copies), and the title when no
    block holds it."""
    pieces = [Piece(meta_line(article, words), "reading--meta", after=0),
              Piece(file_line(article, root, copies), "reading--meta")]
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
            k = max(bisect_right([sp[0] for sp in spans], offset) - 1, 0)
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
        if not spans:
            return piece.start
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
        if p.view is None and len(text) < width - p.indent and "\n" not in text and text.isascii():
            p._count = (width, 1)
            out.append(p.before + 1 + p.after)
        else:
            out.append(p.height(width))
    return out


def line_text(piece: Piece, k: int, width: int, styles: Mapping[str, Style], layers: Sequence[MarkIndex],
              cursor: Style | None = None) -> Text:
    """Display line ``k`` of ``piece`` (its blank lines before and after included) at measure
    ``width``: what the reading pane draws, and (with no styles) what ``reader show`` prints."""
    k -= piece.before
    spans = piece.lines(width)
    if k >= len(spans):  # the blank line after a piece
        return Text("", end="")
    own = styles.get(piece.style.removeprefix("reading--"), Style())
    base = own + cursor if cursor else own
    out = Text("", end="")
    if piece.bar:
        out.append("▌", styles.get(piece.bar.removeprefix("reading--"), Style()))
    if piece.pad:
        out.append(" " * piece.pad, base)
    block = piece.block
    if k < 0:  # a blank line before the piece, inside its part (the bar and the cursor go on)
        pass
    elif piece.view is not None:
        spec = spans[k]
        assert isinstance(spec, DLine)
        out.append_text(piece.view.line(spec, layers, styles, base))
    elif block is None:
        s, e = spans[k][0], spans[k][1]
        out.append_text(plain(shown(piece.text[s:e]), base))
    else:
        out.append_text(renderer_for(block).line(block, (spans[k][0], spans[k][1]), layers, styles, base))
    if cursor and out.cell_len < width:
        out.append(" " * (width - out.cell_len), cursor)
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
    links: list[Link] = field(default_factory=list)


def prepare(article: Article, choices: dict[str, str | None], width: int | None = None,
            root: str | None = None, copies: Sequence[str] = ()) -> Prepared:
    """Everything the pane needs for ``article``; slow for a big one, so it can run in a thread.
    ``copies`` are every file that holds the article (the header names the others)."""
    views, links = views_of(article)
    parts = build_parts(article, choices, views)
    words = article.word_count
    head = head_pieces(article, words, root, copies)
    quotes = MarkIndex((q.span.start, q.span.end, "quote") for q in article.quotes)
    people = MarkIndex(sorted((m.span.start, m.span.end, "person")
                              for p in article.people for m in p.mentions))
    layout = Layout(flatten(head, parts), width) if width else None
    return Prepared(article, parts, head, quotes, people, words, layout, links)
