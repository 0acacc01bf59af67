"""The reading pane: one article, its parts styled apart, boilerplate folded in place."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from reader.model import Article, Block, BlockKind
from reader.ui.render import (
    MARK_NAMES,
    Mark,
    article_marks,
    bucket_marks,
    markdown_marks,
    plain,
    reading_minutes,
    styled,
)
from reader.ui.widgets.block_view import CHUNK, BlockView
from reader.ui.widgets.fold import Fold


class ReadingPane(VerticalScroll, can_focus=True):
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
        Binding("z", "reveal_all", "Reveal all", id="read.reveal_all"),
        Binding("X", "hide_block", "Fold this paragraph", id="read.hide_block", show=False),
    ]

    class HideBlockRequested(Message):
        """The user wants ``block`` (shown by default) folded away from now on."""

        def __init__(self, block: Block) -> None:
            self.block = block
            super().__init__()
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reading--{n}" for n in MARK_NAMES}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.hidden_by_choice: set[str] = set()
        self.kept: set[str] = set()
        self.focus_person: str | None = None
        self.targets: list[tuple[int, int]] = []  # matches or mentions n/N steps through
        self.target_index = -1
        self.target_kind = "match"
        self.current_quote: int | None = None

    def on_mount(self) -> None:
        self.mount(Static("Choose an article and press enter.  ? lists every key.", classes="meta"))

    # -- building -----------------------------------------------------------------------------
    async def show(self, article: Article, choices: dict[str, str | None] | None = None) -> None:
        """Replace the pane's content with ``article``; ``choices`` maps block text to keep/hide."""
        choices = choices or {}
        self.article = article
        self.focus_person = None
        self.targets, self.target_index, self.current_quote = [], -1, None
        await self.remove_children()
        widgets: list[Widget] = [Static(self._meta_line(article), classes="meta")]
        if article.title and not any(b.kind is BlockKind.TITLE for b in article.blocks):
            widgets.append(Static(plain(article.title), classes="-title"))
        run: list[Block] = []
        body: list[Block] = []  # consecutive body paragraphs share one widget (long articles stay fast)
        for block in article.blocks:
            choice = choices.get(block.text)
            hide = (block.hidden and choice != "keep") or choice == "hide"
            if hide and not block.hidden:
                block = replace(block, reason="hidden by you")
            if not hide and not block.hidden and block.kind is BlockKind.BODY and len(body) < CHUNK:
                if run:
                    widgets.append(Fold(run))
                    run = []
                body.append(block)
                continue
            if body:
                widgets.append(BlockView(body))
                body = []
                if not hide and not block.hidden and block.kind is BlockKind.BODY:
                    body.append(block)
                    continue
            if hide:
                run.append(block)
                continue
            if run:
                widgets.append(Fold(run))
                run = []
            widgets.append(BlockView([block], classes="-kept" if block.hidden else ""))
        if body:
            widgets.append(BlockView(body))
        if run:
            widgets.append(Fold(run))
        await self.mount_all(widgets)
        self.repaint()
        self.scroll_home(animate=False)

    def _meta_line(self, article: Article) -> Any:
        words = article.word_count
        bits = [article.meta.get("site") or article.meta.get("source") or "", article.meta.get("date", ""),
                f"{reading_minutes(words)} min read", f"{len(article.people)} people",
                f"{len(article.quotes)} quotes", *article.notices]
        return plain(" · ".join(b for b in bits if b))

    def block_at_top(self) -> Block | None:
        """The first shown block (not the title) whose text reaches the top of the view."""
        top = self.scroll_y
        for part in self.parts:
            region = part.virtual_region
            if not isinstance(part, BlockView) or region.bottom <= top:
                continue
            line = max(int(top) - region.y, 0)
            for block in part.blocks_from(line, max(part.content_size.width, 1)):
                if block.kind is not BlockKind.TITLE:
                    return block
        return None

    def action_hide_block(self) -> None:
        block = self.block_at_top()
        if block is None:
            self.notify("Nothing here to fold.", timeout=2)
        else:
            self.post_message(self.HideBlockRequested(block))

    @property
    def parts(self) -> list[BlockView | Fold]:
        return [w for w in self.children if isinstance(w, BlockView | Fold)]

    @property
    def folds(self) -> list[Fold]:
        return [w for w in self.children if isinstance(w, Fold)]

    def repaint(self) -> None:
        """Re-style every block (after a theme change, a find, or a focused person)."""
        article = self.article
        if article is None:
            return
        styles = {n: self.get_component_rich_style(f"reading--{n}") for n in MARK_NAMES}
        marks = article_marks(article, self.focus_person)
        if self.target_kind == "match":
            marks += [Mark(s, e, "match") for s, e in self.targets]
        if 0 <= self.target_index < len(self.targets):
            s, e = self.targets[self.target_index]
            marks.append(Mark(s, e, "match-current" if self.target_kind == "match" else "person-focus"))
        if self.current_quote is not None and self.current_quote < len(article.quotes):
            q = article.quotes[self.current_quote]
            marks.append(Mark(q.span.start, q.span.end, "quote-focus"))
        md = article.format in ("md", "markdown", ".md")
        parts = self.parts
        buckets = bucket_marks(marks, [(p.start, p.end) for p in parts])
        for part, part_marks in zip(parts, buckets, strict=True):
            signature = (tuple(part_marks), id(styles["person"]))
            if part.signature == signature:
                continue  # nothing changed here: skip restyling (find-as-you-type in long articles)
            part.signature = signature
            texts = []
            for b in part.blocks:
                extra = markdown_marks(b) if md else []
                texts.append(styled(b.text, b.span.start, extra + part_marks, styles))
            if isinstance(part, BlockView):
                part.update(Text("\n\n", end="").join(texts))
            else:
                part.set_bodies(texts)

    # -- finding and stepping ---------------------------------------------------------------------
    def set_targets(self, targets: list[tuple[int, int]], kind: str = "match", jump: bool = True) -> None:
        self.targets, self.target_kind = targets, kind
        self.target_index = 0 if targets and jump else -1
        self.repaint()
        self.update_subtitle()
        if jump and targets:
            self.scroll_to_offset(targets[0][0])

    def counter(self) -> str:
        if not self.targets:
            return "0/0"
        return f"{self.target_index + 1}/{len(self.targets)}"

    def action_step(self, delta: int) -> None:
        if not self.targets:
            self.notify("Nothing to step through: / finds, p chooses a person.", severity="warning")
            return
        self.target_index = (self.target_index + delta) % len(self.targets)
        self.repaint()
        self.scroll_to_offset(self.targets[self.target_index][0])
        self.update_subtitle()

    def part_at(self, offset: int) -> BlockView | Fold | None:
        for part in self.parts:
            if part.start <= offset < part.end:
                return part
        return None

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding source index ``offset`` is in view (revealing a fold)."""
        part = self.part_at(offset)
        if part is None:
            return
        if isinstance(part, Fold) and not part.revealed:
            part.revealed = True

        def go() -> None:
            width = max(part.content_region.width, 1)
            if isinstance(part, BlockView):
                line = part.line_of(offset, width)
            else:
                line = (offset - part.start) // width
            y = part.virtual_region.y + line
            self.scroll_to(y=max(y - 2, 0), animate=False)

        self.call_after_refresh(go)

    def quote_in_view(self) -> int | None:
        """The chosen quote, else the first quote whose block is in view."""
        if self.article is None or not self.article.quotes:
            return None
        if self.current_quote is not None:
            return self.current_quote
        top, bottom = self.scroll_y, self.scroll_y + self.size.height
        for i, q in enumerate(self.article.quotes):
            part = self.part_at(q.span.start)
            if part is not None and top <= part.virtual_region.y < bottom:
                return i
        return 0

    def choose_quote(self, index: int) -> None:
        if self.article is None:
            return
        self.current_quote = index
        self.repaint()
        self.scroll_to_offset(self.article.quotes[index].span.start)

    # -- moving -------------------------------------------------------------------------------
    def action_scroll_lines(self, n: int) -> None:
        self.scroll_relative(y=n, animate=False)

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_pages(self, n: int) -> None:
        self.scroll_relative(y=n * max(self.size.height - 2, 1), animate=False)

    def action_halves(self, n: int) -> None:
        self.scroll_relative(y=n * max(self.size.height // 2, 1), animate=False)

    def action_next_fold(self) -> None:
        folds = self.folds
        if not folds:
            self.notify("No hidden blocks in this article.")
            return
        now = self.screen.focused
        after = [f for f in folds if now in folds and f.start > now.start] if isinstance(now, Fold) else []
        if not after and not isinstance(now, Fold):
            after = [f for f in folds if f.virtual_region.y >= self.scroll_y] or folds
        target = (after or folds)[0]
        target.focus()
        self.scroll_to_widget(target, animate=False)

    def action_reveal_all(self) -> None:
        folds = self.folds
        reveal = not all(f.revealed for f in folds)
        for f in folds:
            f.revealed = reveal

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.update_subtitle()

    def watch_virtual_size(self) -> None:
        self.update_subtitle()

    def on_resize(self) -> None:
        self.update_subtitle()

    def update_subtitle(self) -> None:
        """'3/11 · 4 min · 35%': match or mention counter, reading time, progress."""
        if self.article is None:
            self.border_subtitle = ""
            return
        bits = [self.counter()] if self.targets else []
        bits += [f"{reading_minutes(self.article.word_count)} min", f"{self.progress}%"]
        self.border_subtitle = " · ".join(bits)

    @property
    def progress(self) -> int:
        """How far through the article the bottom of the view is, in percent."""
        total = self.virtual_size.height
        if total <= self.size.height:
            return 100
        return min(100, round(100 * (self.scroll_y + self.size.height) / total))
