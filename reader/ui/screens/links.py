"""The links panel (L): every link of the article, numbered as the reading pane numbers them."""

from __future__ import annotations

from rich.text import Text

from reader.sanitize import inert
from reader.ui.display_render import Link
from reader.ui.screens._picker import LazyOptions, Picker


def _clip(text: str, n: int) -> str:
    text = " ".join(inert(text[:2000]).split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _option(link: Link, i: int) -> tuple[Text, int]:
    prompt = Text(f"{link.number:>3}  ", style="bold", end="")
    prompt.append(_clip(link.text, 60) or "(no text)")
    prompt.append("  ")
    prompt.append(_clip(link.href, 100), style="dim underline")
    return prompt, i


class LinksScreen(Picker[int]):
    """Enter opens the chosen link in a browser, through the same checks as ``o``."""

    def __init__(self, links: list[Link]) -> None:
        super().__init__(
            f"Links in this article ({len(links)})", LazyOptions(links, _option),
            hint="enter: open in a browser · esc: close",
            empty="No links in this article.",
        )
