"""A modal list to choose one item from; each screen in this package builds on it."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

T = TypeVar("T")


class Picker(ModalScreen[T | None], Generic[T]):
    """Title, an option list, a hint line.  Enter dismisses with the chosen option's value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="picker.close"),
        Binding("j", "move(1)", "Down", id="picker.down", show=False),
        Binding("k", "move(-1)", "Up", id="picker.up", show=False),
    ]
    DEFAULT_CLASSES = "picker"

    def __init__(self, title: str, options: list[tuple[Text, T]], hint: str = "", empty: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.values = [v for _, v in options]
        self.prompts = [p for p, _ in options]
        self.hint = hint
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker-box"):
            yield Label(Text(self.title_text), classes="picker-title")
            if self.prompts:
                yield OptionList(*[Option(p, id=str(i)) for i, p in enumerate(self.prompts)], markup=False)
            else:
                yield Label(Text(self.empty), classes="picker-empty")
            if self.hint:
                yield Label(Text(self.hint), classes="picker-hint")

    def on_mount(self) -> None:
        for ol in self.query(OptionList):
            ol.highlighted = 0
            ol.focus()

    @property
    def highlighted_value(self) -> T | None:
        for ol in self.query(OptionList):
            if ol.highlighted is not None:
                return self.values[ol.highlighted]
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.values[event.option_index])

    def action_move(self, delta: int) -> None:
        for ol in self.query(OptionList):
            ol.action_cursor_down() if delta > 0 else ol.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
