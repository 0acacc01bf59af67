"""The article list: a Line-API ScrollView that renders only the visible rows.

Rows are paged from the library on demand, so 100k articles open as fast as ten.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.ui.render import plain, reading_time
from reader.ui.widgets.rows import Row, RowSource


class ArticleList(ScrollView, can_focus=True):
    """Every article as one line: state, title, copies (×2), source, date, reading time; a search
    hit takes a second line, its snippet with the matches highlighted."""

    # priority, as the main screen's enter: keys are handled in the order typed, even in a burst
    # (a forwarded key would otherwise be handled after an enter typed behind it)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", id="list.down", show=False, priority=True),
        Binding("k,up", "cursor(-1)", "Up", id="list.up", show=False, priority=True),
        Binding("g,home", "first", "First", id="list.first", show=False, priority=True),
        Binding("G,end", "last", "Last", id="list.last", show=False, priority=True),
        Binding("space,pagedown", "page(1)", "Page down", id="list.page_down", show=False, priority=True),
        Binding("b,pageup", "page(-1)", "Page up", id="list.page_up", show=False, priority=True),
        Binding("ctrl+d", "half(1)", "Half page down", id="list.half_down", show=False, priority=True),
        Binding("ctrl+u", "half(-1)", "Half page up", id="list.half_up", show=False, priority=True),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "list--cursor", "list--unread", "list--read", "list--star", "list--meta",
        "list--match", "list--failed", "list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True)

    class Opened(Message):
        """The user asked to open the article at ``row``."""

        def __init__(self, row: Row) -> None:
            self.row = row
            super().__init__()

    class Highlighted(Message):
        def __init__(self, row: Row | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, source: RowSource | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.empty_message = "No articles."

    # -- data ---------------------------------------------------------------------------------
    def set_source(self, source: RowSource | None, keep_cursor: bool = False) -> None:
        self.source = source
        self.reload(keep_cursor)

    def reload(self, keep_cursor: bool = True) -> None:
        """Re-read the count (rows fill in as indexing runs) and repaint."""
        if self.source is not None:
            self.source.reset()
        n = self.count
        self.virtual_size = Size(self.size.width, n * self.lines)
        self.cursor = min(self.cursor, max(n - 1, 0)) if keep_cursor else 0
        self.refresh()

    def select(self, index: int | None) -> None:
        """Put the cursor on row ``index`` (kept where it is when None) and bring it into view."""
        if index is not None and 0 <= index < self.count:
            self.cursor = index

    @property
    def lines(self) -> int:
        """Lines each row takes: 2 for search hits with snippets, else 1."""
        return self.source.lines if self.source is not None else 1

    @property
    def count(self) -> int:
        return self.source.count() if self.source is not None else 0

    @property
    def current(self) -> Row | None:
        return self.source.row(self.cursor) if self.source is not None else None

    # -- painting -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, sub = divmod(self.scroll_offset.y + y, self.lines)
        if self.count == 0:
            if y == 1:
                return Strip(list(plain(f"  {self.empty_message}",
                                        self.get_component_rich_style("list--empty")).render(self.app.console)),
                             ).adjust_cell_length(width)
            return Strip.blank(width, self.rich_style)
        row = self.source.row(index) if self.source is not None else None
        if row is None:
            return Strip.blank(width, self.rich_style)
        text = self._row_text(row, width) if sub == 0 else self._snippet_text(row, width)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("list--cursor"))
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, self.rich_style).simplify()

    def _row_text(self, row: Row, width: int) -> Text:
        meta = self.get_component_rich_style("list--meta")
        state = "✗" if row.failed else ("●" if not row.read else " ")
        star = "★" if row.starred else " "
        mins = f"{reading_time(row.words):>7}" if row.words else "       "
        tail_parts = []
        if width >= 90:
            tail_parts.append(f"{row.source[:16]:<16}")
        if width >= 60:
            tail_parts.append(f"{row.date[:10]:<10}")
        tail_parts.append(mins)
        tail = "  ".join(tail_parts)
        # the copies of one article are one row; "×2" after its title says how many files hold it
        copies = f" ×{row.copies}" if row.copies > 1 else ""
        title_w = max(width - len(tail) - 7 - len(copies), 8)
        title = plain(row.title.replace("\n", " "),
                      self.get_component_rich_style("list--read" if row.read else "list--unread"))
        for start, end in row.title_spans:
            title.stylize(self.get_component_rich_style("list--match"), start, end)
        title.truncate(title_w, overflow="ellipsis", pad=True)
        mark_style = self.get_component_rich_style("list--failed" if row.failed else "list--unread")
        return Text.assemble(
            " ", (state, mark_style), (star, self.get_component_rich_style("list--star")), " ",
            title, plain(copies, meta), "  ", plain(tail, meta), " ", end="",
        )

    def _snippet_text(self, row: Row, width: int) -> Text:
        """'    …the passage with the matches…', one line cut to the width."""
        meta = self.get_component_rich_style("list--meta")
        text = plain(row.snippet.replace("\n", " "), meta)
        for start, end in row.snippet_spans:
            text.stylize(self.get_component_rich_style("list--match"), start, end)
        text.truncate(max(width - 6, 8), overflow="ellipsis")
        return Text.assemble("    ", text, end="")

    def blank_strip(self, width: int) -> Strip:
        return Strip([Segment(" " * width, Style())])

    # -- cursor -------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.count - 1)) if self.count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        n = self.lines
        for row in (old, new):
            for sub in range(n):
                self.refresh_line(row * n + sub - self.scroll_offset.y)
        self.post_message(self.Highlighted(self.current))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        n = self.lines
        first, last = self.cursor * n, self.cursor * n + n - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.count - 1

    def action_page(self, direction: int) -> None:
        rows = self.scrollable_content_region.height // self.lines
        self.cursor += direction * max(rows - 1, 1)

    def action_half(self, direction: int) -> None:
        rows = self.scrollable_content_region.height // self.lines
        self.cursor += direction * max(rows // 2, 1)

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (self.scroll_offset.y + offset.y) // self.lines
        if 0 <= index < self.count:
            again = index == self.cursor
            self.cursor = index
            if again or event.chain > 1:
                self.action_open()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.count * self.lines)
