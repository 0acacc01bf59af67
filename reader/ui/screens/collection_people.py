"""The collection's people (P): each person's canonical name, articles and quotes; / filters.

Names come merged across the collection (:meth:`reader.library.Library.people`); enter lists the
chosen person's articles in the main list, as ``a`` does in an article's people panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from reader.sanitize import inert
from reader.ui.focus import focus_now
from reader.ui.screens._picker import Picker
from reader.ui.widgets.pick_list import PickList
from reader.ui.widgets.query_bar import QueryBar

#: (canonical name, articles, quotes)
Person = tuple[str, int, int]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def prompt(person: Person) -> Text:
    """One line: the name (inert: article text, never markup) and its counts."""
    name, articles, quotes = person
    line = Text(inert(name), style="bold", end="")
    line.append(f"  {_plural(articles, 'article')} · {_plural(quotes, 'quote')}", style="dim")
    return line


def matches(name: str, typed: str) -> bool:
    """Every word typed is in the name, ignoring case ("don tru" finds "Donald Trump")."""
    folded = name.casefold()
    return all(word in folded for word in typed.casefold().split())


class CollectionPeopleScreen(Picker[str]):
    """Most articles first; / filters as you type, enter lists the person's articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter the names", id="everyone.filter"),
    ]

    def __init__(self, people: Sequence[tuple[str, int]], quotes: dict[str, int]) -> None:
        self.people: list[Person] = [(n, c, quotes.get(n, 0)) for n, c in people]
        self.shown: list[Person] = self.people
        super().__init__(
            f"People in the collection ({len(self.people)})",
            [],
            hint="/: filter · enter: list their articles · esc: close",
            empty="No people found in the collection.",
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker-box"):
            yield Label(Text(self.title_text), classes="picker-title")
            yield QueryBar(placeholder="Filter the names…", id="people-filter", classes="hidden")
            yield PickList(len(self.shown), lambda i: prompt(self.shown[i]), id="people-list")
            yield Label(Text(self.empty), id="people-empty", classes="picker-empty")
            yield Label(Text(self.hint), classes="picker-hint")

    def on_mount(self) -> None:
        self._show(self.people)
        focus_now(self.pick)

    @property
    def pick(self) -> PickList:
        return self.query_one("#people-list", PickList)

    @property
    def bar(self) -> QueryBar:
        return self.query_one("#people-filter", QueryBar)

    @property
    def highlighted_value(self) -> str | None:
        return self.shown[self.pick.cursor][0] if self.shown else None

    def _show(self, people: list[Person]) -> None:
        self.shown = people
        pl = self.pick
        pl.count = len(people)
        pl.virtual_size = pl.virtual_size.with_height(len(people))
        pl.display = bool(people)
        pl.cursor = 0
        pl.scroll_to(y=0, animate=False, immediate=True)
        pl.refresh(layout=True)
        empty = self.query_one("#people-empty", Label)
        empty.display = not people
        typed = self.bar.value.strip()
        empty.update(Text(f"No one matches {typed!r}." if typed and self.people else self.empty))

    def action_filter(self) -> None:
        self.bar.remove_class("hidden")
        focus_now(self.bar)

    @on(Input.Changed, "#people-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._show([p for p in self.people if matches(p[0], event.value)])

    @on(Input.Submitted, "#people-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown:
            self.dismiss(self.shown[self.pick.cursor][0])

    @on(QueryBar.Move, "#people-filter")
    def _filter_move(self, event: QueryBar.Move) -> None:
        event.stop()
        self.pick.cursor += event.delta

    @on(QueryBar.Closed, "#people-filter")
    def _filter_closed(self, event: QueryBar.Closed) -> None:
        event.stop()
        self.dismiss(None)

    def on_pick_list_selected(self, event: PickList.Selected) -> None:
        event.stop()
        event.prevent_default()  # Picker's handler looks in its own (empty) options
        if self.shown:
            self.dismiss(self.shown[event.index][0])
