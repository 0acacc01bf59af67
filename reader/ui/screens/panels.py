"""What the panel keys of the main screen do: p (people), P (everyone), Q (quotes), L (links),
F (failed files).

Each pushes a modal screen and acts on what was chosen, through the main screen's
panes.  A plain helper the screen owns, not a mixin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from reader.ui import opener

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen


class Panels:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def people(self) -> None:
        from reader.ui.screens.people import PeopleScreen

        article = self.screen.pane.article
        if article is not None:
            self.screen.app.push_screen(PeopleScreen(article), self._person_chosen)

    def _person_chosen(self, value: tuple[str, str] | None) -> None:
        if not value:
            return
        kind, name = value
        screen = self.screen
        if kind == "all":
            self.person_articles(name)
            return
        pane = screen.pane
        if pane.article is None:
            return
        person = next(p for p in pane.article.people if p.name == name)
        pane.focus_person = name
        pane.set_targets([m.span for m in person.mentions], kind="person")
        screen.focus_reading()

    def person_articles(self, name: str | None) -> None:
        """The articles naming ``name`` in the main list, as a search the user can edit."""
        if not name:
            return
        screen = self.screen
        screen.set_mode(False)
        screen.list_pane.open_search()
        # a surname alone that the collection counts for this person ("Trump" for "Donald Trump"):
        # search by it, so the articles that use only the surname are listed too
        short = [n for n in screen.library.names_of(name) if len(n.split()) == 1 and n != name]
        words = short[:1] if short else name.split()
        screen.list_pane.bar.value = " ".join(f"person:{word}" for word in words)

    def everyone(self) -> None:
        from reader.ui.screens.collection_people import CollectionPeopleScreen

        library = self.screen.library
        people = CollectionPeopleScreen(library.people(), library.quote_counts())
        self.screen.app.push_screen(people, self.person_articles)

    def quotes(self) -> None:
        from reader.ui.screens.quotes import QuotesScreen

        article = self.screen.pane.article
        if article is not None:
            self.screen.app.push_screen(QuotesScreen(article, self.screen.copy_quote), self._quote_chosen)

    def _quote_chosen(self, index: int | None) -> None:
        if index is None:
            return
        self.screen.pane.choose_quote(int(index))
        self.screen.focus_reading()

    def failures(self) -> None:
        from reader.ui.screens.failures import FailuresScreen

        self.screen.app.push_screen(FailuresScreen(self.screen.library.failures() + self.skipped()))

    def skipped(self) -> list[tuple[str, str]]:
        """(path, reason) of each symbolic link the library did not read (broken, or leading out)."""
        from reader.ingest.discover import BROKEN, OUTSIDE

        out = []
        for note in self.screen.library.notices:
            for reason in (BROKEN, OUTSIDE):
                if note.endswith(f": {reason}"):
                    out.append((note[: -len(reason) - 2], reason))
        return out

    def links(self) -> None:
        from reader.ui.screens.links import LinksScreen

        pane = self.screen.pane
        if pane.article is not None:
            self.screen.app.push_screen(LinksScreen(pane.links), self._link_chosen)

    def _link_chosen(self, index: int | None) -> None:
        pane = self.screen.pane
        links = pane.links
        if index is None or not 0 <= index < len(links) or pane.article is None:
            return
        href = links[index].href
        base = pane.article.meta.get("url", "")
        if base and "://" not in href and opener.url_problem(base) is None:
            href = urljoin(base, href)  # a page's own link ("/news"), resolved against its address
        self.screen.open_address(href)
