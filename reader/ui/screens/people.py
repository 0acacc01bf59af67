"""The people panel: the article's people with role and mention count."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from reader.model import Article, Person
from reader.sanitize import inert
from reader.ui.screens._picker import LazyOptions, Picker


def _option(p: Person, i: int) -> tuple[Text, tuple[str, str]]:
    prompt = Text(inert(p.name), style="bold", end="")
    if p.role:
        prompt.append(f", {inert(p.role)}")
    n = len(p.mentions)
    prompt.append(f"  {n} mention{'s' if n != 1 else ''}", style="dim")
    return prompt, ("person", p.name)


class PeopleScreen(Picker[tuple[str, str]]):
    """Enter highlights the person and steps through their mentions; a lists all their articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "all_articles", "All articles with this person", id="people.all"),
    ]

    def __init__(self, article: Article) -> None:
        people = sorted(article.people, key=lambda p: (-len(p.mentions), p.name))
        options = LazyOptions(people, _option)  # prompts made as they come into view
        super().__init__(
            f"People in this article ({len(people)})", options,
            hint="enter: highlight and step with n/N · a: all articles with this person · esc: close",
            empty="No people found in this article.",
        )

    def action_all_articles(self) -> None:
        value = self.highlighted_value
        if value is not None:
            self.dismiss(("all", value[1]))
