"""A modal list to choose one item from; each screen in this package builds on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.ui.widgets.pick_list import PickList

BIG_LIST = 300  # options; above this the panel builds and draws only the ones in view (PickList)
T = TypeVar("T")


class LazyOptions(Sequence[tuple[Text, Any]], Generic[T]):
    """``(prompt, value)`` for each of ``items``, made by ``make`` only when asked for."""

    def __init__(self, items: Sequence[T], make: Callable[[T, int], tuple[Text, Any]]) -> None:
        self.items, self.make = items, make

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self.make(self.items[i], i)


class _Column(Sequence[Any]):
    def __init__(self, options: Sequence[tuple[Text, Any]], column: int) -> None:
        self.options, self.column = options, column

    def __len__(self) -> int:
        return len(self.options)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self.options[i][self.column]


class Picker(ModalScreen[T | None], Generic[T]):
    """Title, an option list, a hint line.  Enter dismisses with the chosen option's value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="picker.close"),
        Binding("j", "move(1)", "Down", id="picker.down", show=False),
        Binding("k", "move(-1)", "Up", id="picker.up", show=False),
    ]
    DEFAULT_CLASSES = "picker"

    def __init__(self, title: str, options: Sequence[tuple[Text, T]], hint: str = "",
                 empty: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.values: Sequence[T] = _Column(options, 1)
        self.prompts = _Column(options, 0)
        self.hint = hint
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker-box"):
            yield Label(Text(self.title_text), classes="picker-title")
            if len(self.prompts) > BIG_LIST:
                yield PickList(len(self.prompts), self.prompts.__getitem__)
            elif self.prompts:
                yield OptionList(*[Option(p, id=str(i)) for i, p in enumerate(self.prompts)], markup=False)
            else:
                yield Label(Text(self.empty), classes="picker-empty")
            if self.hint:
                yield Label(Text(self.hint), classes="picker-hint")

    def on_mount(self) -> None:
        for ol in self.query(OptionList):
            ol.highlighted = 0
            ol.focus()
        for pl in self.query(PickList):
            pl.focus()

    @property
    def highlighted_value(self) -> T | None:
        for ol in self.query(OptionList):
            if ol.highlighted is not None:
                return self.values[ol.highlighted]
        for pl in self.query(PickList):
            return self.values[pl.cursor]
        return None

    def on_pick_list_selected(self, event: PickList.Selected) -> None:
        event.stop()
        self.dismiss(self.values[event.index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.values[event.option_index])

    def action_move(self, delta: int) -> None:
        for ol in self.query(OptionList):
            ol.action_cursor_down() if delta > 0 else ol.action_cursor_up()
        for pl in self.query(PickList):
            pl.cursor += delta

    def action_close(self) -> None:
        self.dismiss(None)
