"""The help screen: every key binding, from the same BINDINGS the footer and palette use."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding, BindingType

from reader.sanitize import one_line
from reader.ui.screens._picker import Picker


def describe(sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> list[tuple[Text, None]]:
    """One line per binding: keys (after the user's keymap) and description, grouped by section."""
    rows: list[tuple[Text, None]] = []
    width = max((len(b.description) for _t, bs in sections for b in bs), default=0) + 2
    for title, bindings in sections:
        rows.append((Text(title, style="bold underline", end=""), None))
        for b in bindings:
            keys = keymap.get(b.id or "", b.key) if b.id else b.key
            shown = one_line(", ".join(pretty_key(k) for k in keys.split(",")))  # keys from the config
            line = Text(f"  {shown:<14}", style="bold", end="")
            line.append(f"{b.description:<{width}}")  # never runs into the id
            if b.id:
                line.append(b.id, style="dim")
            rows.append((line, None))
    return rows


def pretty_key(key: str) -> str:
    """A key as the user types it: '?' for question_mark."""
    key = key.strip()
    return {"question_mark": "?", "slash": "/", "asterisk": "*", "space": "space"}.get(key, key)


def sections(app_bindings: list[BindingType]) -> list[tuple[str, list[Binding]]]:
    """Every screen's and widget's bindings, grouped as the help screen shows them."""
    from reader.ui.screens.collection_people import CollectionPeopleScreen
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.people import PeopleScreen
    from reader.ui.screens.quotes import QuotesScreen
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.block_view import BlockView
    from reader.ui.widgets.fold import Fold
    from reader.ui.widgets.reading_pane import ReadingPane

    def make(items: list[BindingType]) -> list[Binding]:
        return list(Binding.make_bindings(items))

    screen = make(MainScreen.BINDINGS)
    listed = [b for b in screen if (b.id or "").startswith("list.")]  # the screen's keys for the list
    return [
        (
            "Everywhere",
            [
                *[b for b in screen if b not in listed],
                *make(app_bindings),
                Binding("ctrl+p", "command_palette", "Command palette"),
            ],
        ),
        ("Article list", [*make(ArticleList.BINDINGS), *listed]),
        ("Reading pane", make(ReadingPane.BINDINGS)),
        ("On a fold", make(Fold.BINDINGS)),
        ("On a block you kept", make(BlockView.BINDINGS)),
        ("People panel", make(PeopleScreen.BINDINGS)),
        ("Quotes panel", make(QuotesScreen.BINDINGS)),
        ("People in the collection", make(CollectionPeopleScreen.BINDINGS)),
    ]


class HelpScreen(Picker[None]):
    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> None:
        super().__init__(
            "Keys",
            describe(sections, keymap),
            hint='Remap keys in config.toml: [keys] id = "key" · esc: close',
        )
