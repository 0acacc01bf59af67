"""The quotes panel: every quote with its speaker, unattributed ones listed as such."""

from __future__ import annotations

from rich.text import Text

from reader.model import Article
from reader.sanitize import inert
from reader.ui.screens._picker import Picker


class QuotesScreen(Picker[int]):
    """Enter scrolls the reading pane to the chosen quote (and y copies it)."""

    def __init__(self, article: Article) -> None:
        options = []
        for i, q in enumerate(article.quotes):
            speaker = inert(q.speaker) if q.speaker else "unattributed"
            prompt = Text(f"{speaker}: ", style="bold" if q.speaker else "italic", end="")
            body = " ".join(inert(q.text).split())
            prompt.append(body if len(body) <= 160 else body[:159] + "…")
            options.append((prompt, i))
        super().__init__(
            f"Quotes in this article ({len(options)})", options,
            hint="enter: go to the quote · y: copy it · esc: close",
            empty="No quotes found in this article.",
        )
