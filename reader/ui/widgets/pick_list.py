"""A one-line-per-item list that builds and renders only the items in view (panels of 100k quotes).

Small panels keep Textual's OptionList (items may wrap over several lines); a panel with many
items uses this Line-API list, which asks for an item's prompt only when it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class PickList(ScrollView, can_focus=True):
    """``count`` items; ``prompt(i)`` makes item ``i``'s line (cut to the width)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pick-list--cursor"}

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, count: int, prompt: Callable[[int], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = count
        self.prompt = prompt

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, self.count)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.count)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.count

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if not 0 <= index < self.count:
            return Strip.blank(width, self.rich_style)
        text = self.prompt(index).copy()
        text.truncate(max(width - 2, 1), overflow="ellipsis")
        line = Text(" ", end="").append_text(text)
        if index == self.cursor:
            line.pad_right(max(width - line.cell_len, 0))
            line.stylize(self.get_component_rich_style("pick-list--cursor"))
        return Strip(list(line.render(self.app.console))).adjust_cell_length(width, self.rich_style)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.count - 1)) if self.count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif height and new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)
        self.refresh()

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.count - 1

    def action_select(self) -> None:
        if self.count:
            self.post_message(self.Selected(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= self.scroll_offset.y + offset.y < self.count:
            self.cursor = self.scroll_offset.y + offset.y
            self.action_select()
