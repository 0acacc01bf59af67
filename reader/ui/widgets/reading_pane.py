"""The reading pane: one article, its parts styled apart, boilerplate folded in place.

A Line-API view (:class:`ReadingView`) that draws only what is on screen, so an article of any
size up to the cap opens, scrolls and finds at once; this module holds what the keys do.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message

from reader.model import Article, Block, BlockKind, Span
from reader.ui.render import MarkIndex, find_all, reading_time
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.reading_choices import ChoiceKeys
from reader.ui.widgets.reading_layout import Part, prepare

BIG_FIND = 200_000  # characters; finding in a longer article runs in a worker


class ReadingPane(ChoiceKeys):
    """Shows an :class:`Article`; spans become styles only through :mod:`reader.ui.render`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_lines(1)", "Down", id="read.down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Up", id="read.up", show=False),
        Binding("g,home", "top", "Top", id="read.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="read.bottom", show=False),
        Binding("space,pagedown", "pages(1)", "Page down", id="read.page_down", show=False),
        Binding("b,pageup", "pages(-1)", "Page up", id="read.page_up", show=False),
        Binding("ctrl+d", "halves(1)", "Half page down", id="read.half_down", show=False),
        Binding("ctrl+u", "halves(-1)", "Half page up", id="read.half_up", show=False),
        Binding("n", "step(1)", "Next match", id="read.next"),
        Binding("N", "step(-1)", "Prev match", id="read.prev"),
        Binding("f", "next_fold", "Next fold", id="read.next_fold"),
        Binding("z", "reveal_all", "Reveal all", id="read.reveal_all", show=False),
        Binding("X", "hide_block", "Fold this paragraph", id="read.hide_block", show=False),
    ]

    class HideBlockRequested(Message):
        """The user wants ``block`` (shown by default) folded away from now on."""

        def __init__(self, block: Block) -> None:
            self.block = block
            super().__init__()

    class TargetsChanged(Message):
        """The matches or mentions n/N step through, or the current one, changed (see ``counter``)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.focus_person: str | None = None
        self.root: str | None = None  # the collection folder: the header names the file relative to it
        self.copies: tuple[str, ...] = ()  # every file that holds the article shown next (see prepare)
        self.targets: list[Span] = []  # matches or mentions n/N steps through
        self.target_index = -1
        self.target_kind = "match"
        self.current_quote: int | None = None
        self._find_generation = 0
        self._painted_focus: str | None = None
        self._part_starts: list[int] = []
        self._quote_ends: list[int] = []

    # -- building -----------------------------------------------------------------------------
    async def show(self, article: Article, choices: dict[str, str | None] | None = None) -> None:
        """Replace the pane's content with ``article``; ``choices`` maps block text to keep/hide."""
        self.install(prepare(article, choices or {}, self.measure_width(), self.root, self.copies))

    def _on_article(self) -> None:
        self.focus_person = self._painted_focus = None
        self.targets, self.target_index, self.current_quote = [], -1, None
        self._find_generation += 1
        self._part_starts, self._quote_ends = [], []
        for name in ("focus", "matches", "current", "quote-focus"):
            self._layers.pop(name, None)
        self.update_subtitle()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step":  # n/N: only with matches or mentions to step through (or a find running)
            return bool(self.targets) or self.busy
        return super().check_action(action, parameters)

    def part_at(self, offset: int) -> Part | None:
        if len(self._part_starts) != len(self.parts):
            self._part_starts = [p.start for p in self.parts]
        i = bisect_right(self._part_starts, offset) - 1
        if i >= 0 and self.parts[i].start <= offset < self.parts[i].end:
            return self.parts[i]
        return None

    def block_at_top(self) -> Block | None:
        """The first shown block (not the title) whose text reaches the top of the view."""
        layout = self._layout
        i = layout.index_at(int(self.scroll_y))
        for piece in layout.pieces[i : i + 2000]:
            block = piece.block
            if isinstance(piece.owner, BlockView) and block is not None and block.kind is not BlockKind.TITLE:
                return block
        return None

    def action_hide_block(self) -> None:
        block = self.block_at_top()
        if block is None:
            self.notify("Nothing here to fold.", timeout=2)
        else:
            self.post_message(self.HideBlockRequested(block))

    def repaint(self) -> None:
        """Re-style what is on screen (after a theme change, a find, or a focused person)."""
        article = self.article
        if article is None:
            return
        if self.focus_person != self._painted_focus:
            self._painted_focus = self.focus_person
            person = next((p for p in article.people if p.name == self.focus_person), None)
            mentions = person.mentions if person is not None else ()
            self._layers["focus"] = MarkIndex((m.span.start, m.span.end, "person-focus") for m in mentions)
        current = []
        if 0 <= self.target_index < len(self.targets):
            s, e = self.targets[self.target_index]
            current.append((s, e, "match-current" if self.target_kind == "match" else "person-focus"))
        self._layers["current"] = MarkIndex(current)
        quote = []
        if self.current_quote is not None and self.current_quote < len(article.quotes):
            q = article.quotes[self.current_quote]
            quote.append((q.span.start, q.span.end, "quote-focus"))
        self._layers["quote-focus"] = MarkIndex(quote)
        self.restyle()

    # -- finding and stepping ---------------------------------------------------------------------
    def set_targets(
        self, targets: list[Span], kind: str = "match", jump: bool = True, marks: MarkIndex | None = None
    ) -> None:
        """Matches (or a person's mentions) for n/N; ``marks`` is their layer, if already built."""
        self.targets, self.target_kind = targets, kind
        self.target_index = 0 if targets and jump else -1
        if kind == "match":
            self._layers["matches"] = marks or MarkIndex((t.start, t.end, "match") for t in targets)
        else:
            self._layers.pop("matches", None)
        self.repaint()
        self.update_subtitle()
        self.refresh_bindings()
        self.post_message(self.TargetsChanged())
        if jump and targets:
            self.scroll_to_offset(targets[0].start)

    def find(self, text: str) -> None:
        """Highlight every occurrence of ``text`` and go to the first; a big article is searched
        in a worker (keys that step meanwhile wait for it; results for older text are dropped)."""
        self._find_generation += 1
        source = self.article.source if self.article is not None else ""
        if not text or len(source) <= BIG_FIND:
            self.set_targets(find_all(source, [text]) if text else [])
            return
        self._busy.add("find")
        self._find_worker(self._find_generation, source, text)

    @work(thread=True, exclusive=True, group="reading-find")
    def _find_worker(self, generation: int, source: str, text: str) -> None:
        targets = find_all(source, [text])
        marks = MarkIndex((t.start, t.end, "match") for t in targets)
        self.app.call_from_thread(self._found, generation, targets, marks)

    def _found(self, generation: int, targets: list[Span], marks: MarkIndex) -> None:
        if generation != self._find_generation:
            return  # the user typed on; a newer find is under way
        self.set_targets(targets, marks=marks)
        self._done("find")

    def counter(self) -> str:
        if not self.targets:
            return "0/0"
        return f"{self.target_index + 1}/{len(self.targets)}"

    def action_step(self, delta: int) -> None:
        self.when_ready(lambda: self._step(delta))

    def _step(self, delta: int) -> None:
        if not self.targets:
            self.notify("Nothing to step through: / finds, p chooses a person.", severity="warning")
            return
        self.target_index = (self.target_index + delta) % len(self.targets)
        self.repaint()
        self.scroll_to_offset(self.targets[self.target_index].start)
        self.update_subtitle()
        self.post_message(self.TargetsChanged())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding source index ``offset`` is in view (revealing a fold)."""
        part = self.part_at(offset)
        if isinstance(part, Fold) and not part.revealed:
            self.set_revealed([part], True)
        self.when_ready(lambda: self.go_to(self._layout.line_of_offset(offset) - 2))

    def scroll_when_ready(self, y: int) -> None:
        """Scroll to line ``y`` once the article is laid out (a saved reading position)."""
        self.when_ready(lambda: self.go_to(y))

    def quote_in_view(self) -> int | None:
        """The chosen quote while it is in view, else the first quote in view (else the first)."""
        if self.article is None or not self.article.quotes:
            return None
        top = int(self.scroll_y)
        bottom = top + self.size.height
        if self.current_quote is not None:
            span = self.article.quotes[self.current_quote].span
            if (
                self._layout.line_of_offset(span.start) < bottom
                and self._layout.line_of_offset(max(span.start, span.end - 1)) >= top
            ):
                return self.current_quote  # chosen in the panel and still in view
        first = next(
            (o for y in range(top, top + self.size.height) if (o := self._layout.offset_at(y)) is not None),
            None,
        )
        if first is None:
            return 0
        quotes = self.article.quotes
        if len(self._quote_ends) != len(quotes):
            self._quote_ends = [q.span.end for q in quotes]
        i = bisect_left(self._quote_ends, first + 1)
        if i < len(quotes) and self._layout.line_of_offset(quotes[i].span.start) < top + self.size.height:
            return i
        return 0

    def choose_quote(self, index: int) -> None:
        if self.article is None:
            return
        self.current_quote = index
        self.repaint()
        self.scroll_to_offset(self.article.quotes[index].span.start)

    # -- moving -------------------------------------------------------------------------------
    def _move(self, go: Callable[[], object]) -> None:
        self.when_ready(go)  # keys that scroll wait for a layout being measured

    def action_scroll_lines(self, n: int) -> None:
        self._move(lambda: self.go_to(self.scroll_y + n))

    def action_top(self) -> None:
        self._move(lambda: self.go_to(0))

    def action_bottom(self) -> None:
        self._move(lambda: self.go_to(self.max_scroll_y))

    def action_pages(self, n: int) -> None:
        self._move(lambda: self.go_to(self.scroll_y + n * max(self.size.height - 2, 1)))

    def action_halves(self, n: int) -> None:
        self._move(lambda: self.go_to(self.scroll_y + n * max(self.size.height // 2, 1)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.update_subtitle()

    def watch_virtual_size(self) -> None:
        self.update_subtitle()

    def update_subtitle(self) -> None:
        """'3/11 · 4 min · 35%': match or mention counter, reading time, progress."""
        if self.article is None:
            self.border_subtitle = ""
            return
        bits = [self.counter()] if self.targets else []
        bits += [reading_time(self.words), f"{self.progress}%"]
        self.border_subtitle = " · ".join(bits)

    @property
    def progress(self) -> int:
        """How far through the article the bottom of the view is, in percent."""
        total = self.virtual_size.height
        if total <= self.size.height:
            return 100
        return min(100, round(100 * (self.scroll_y + self.size.height) / total))
