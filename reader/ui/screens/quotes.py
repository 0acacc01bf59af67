"""The quotes panel: every quote with its speaker, unattributed ones listed as such."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from reader.model import Article, Quote
from reader.sanitize import inert
from reader.ui.screens._picker import LazyOptions, Picker


def _option(q: Quote, i: int) -> tuple[Text, int]:
    speaker = inert(q.speaker) if q.speaker else "unattributed"
    prompt = Text(f"{speaker}: ", style="bold" if q.speaker else "italic", end="")
    body = " ".join(inert(q.text[:1000]).split())
    prompt.append(body if len(body) <= 160 else body[:159] + "…")
    return prompt, i


class QuotesScreen(Picker[int]):
    """Enter scrolls the reading pane to the chosen quote; y copies the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy this quote", id="quotes.copy"),
    ]

    def __init__(self, article: Article, copy: Callable[[int], None] | None = None) -> None:
        self._copy = copy
        options = LazyOptions(article.quotes, _option)  # prompts made as they come into view
        super().__init__(
            f"Quotes in this article ({len(options)})",
            options,
            hint="enter: go to the quote · y: copy it · esc: close",
            empty="No quotes found in this article.",
        )

    def action_copy(self) -> None:
        index = self.highlighted_value
        if index is not None and self._copy is not None:
            self._copy(int(index))
