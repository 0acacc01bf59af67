"""The reading app: a list pane and a reading pane over one collection (a Library)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, Label

from reader import paths
from reader.errors import ReaderError
from reader.sanitize import inert, one_line, printable
from reader.ui.actions import ArticleActions
from reader.ui.config import Config, load_config
from reader.ui.panels import PanelActions
from reader.ui.screens.help import pretty_key
from reader.ui.widgets.app_header import AppHeader
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.query_bar import QueryBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.rows import HitsSource, LibrarySource

NARROW = 100  # below this many columns one pane is shown at a time


def _open_library(root: Path) -> Any:
    import reader

    return reader.open_library(root)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    The library analyses big collections in worker processes; starting them needs
    ``sys.stderr.fileno()``, which is -1 while Textual captures stderr.  Runs in the
    refresh thread, so it never delays the first paint.
    """
    import sys
    from multiprocessing import resource_tracker

    real = sys.__stderr__
    if real is None:
        return
    with contextlib.redirect_stderr(real):
        resource_tracker.ensure_running()


class ReaderApp(ArticleActions, PanelActions, App[None]):
    """``ReaderApp(root)`` opens the collection at ``root``; ``opener`` lets tests inject a library."""

    TITLE = "reader"
    CSS_PATH: ClassVar[list[str | PurePath]] = [str(p) for p in sorted(paths.styles_dir().glob("*.tcss"))]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch pane", id="app.switch_pane", priority=True),
        Binding("escape", "go_back", "Back", id="app.back"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("J", "next_article(1)", "Next article", id="app.next_article", show=False),
        Binding("K", "next_article(-1)", "Prev article", id="app.prev_article", show=False),
        Binding("p", "people", "People", id="app.people"),
        Binding("Q", "quotes", "Quotes", id="app.quotes"),
        Binding("m", "toggle_read", "Read/unread", id="app.toggle_read", show=False),
        Binding("asterisk", "toggle_star", "Star", id="app.toggle_star", show=False),
        Binding("o", "open_url", "Open URL", id="app.open_url", show=False),
        Binding("y", "copy_quote", "Copy quote", id="app.copy_quote", show=False),
        Binding("F", "failures", "Failed files", id="app.failures", show=False),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, root: Path | str | None = None, *, theme: str | None = None,
                 config: Config | None = None, opener: Callable[[Path], Any] | None = None,
                 refresh: bool = True) -> None:
        super().__init__()
        self.root = Path(root) if root is not None else paths.sample_articles_dir()
        self.config = config if config is not None else load_config()
        self._opener = opener or _open_library
        self._refresh_on_start = refresh
        self._stack = contextlib.ExitStack()
        self.library: Any = None
        self.browse: LibrarySource | None = None
        self.open_path: str | None = None
        self.indexing = False
        wanted = theme or self.config.theme
        if wanted and wanted in self.available_themes:
            self.theme = wanted
        names = ', '.join(sorted(self.available_themes))
        self._theme_problem = (f"Unknown theme {wanted!r}; try one of: {names}"
                               if wanted and wanted != self.theme else "")
        if self.config.keys:
            self.set_keymap(self.config.keys)

    def compose(self) -> ComposeResult:
        yield AppHeader(self.root.name or str(self.root), id="header")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield QueryBar(placeholder="Search the collection…", id="search", classes="hidden")
                yield ArticleList(id="list")
            with Vertical(id="read-pane"):
                yield ReadingPane(id="reading")
                with Horizontal(id="find-row", classes="hidden"):
                    yield QueryBar(placeholder="Find in article…", id="find")
                    yield Label("0/0", id="find-count")
        yield Footer()

    # -- start and stop ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.library = self._stack.enter_context(self._opener(self.root))
        self.browse = LibrarySource(self.library)
        lst = self.query_one(ArticleList)
        lst.set_source(self.browse)
        lst.empty_message = "No articles yet." if self._refresh_on_start else "No articles in this folder."
        lst.focus()
        self.update_header()
        self._layout_for(self.size.width)
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)
        for problem in [*self.config.problems, self._theme_problem]:
            if problem:
                self.notify(problem, severity="warning")
        if self._refresh_on_start:
            self.indexing = True
            self.run_refresh()

    # -- every toast and every copy goes through these two -----------------------------------------
    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast whose text is always shown as it is: never markup, never a control sequence.

        Messages carry paths, titles, URLs and notices from articles; widgets' ``notify``
        calls end here too.  ``markup`` is accepted for Textual's signature and ignored.
        """
        super().notify(inert(message), title=one_line(title), severity=severity,
                       timeout=timeout, markup=False)

    def copy_to_clipboard(self, text: str) -> None:
        """Copy printable text only: no escape sequence from an article reaches the clipboard."""
        super().copy_to_clipboard(printable(text))

    async def action_quit(self) -> None:
        self.save_position()
        await super().action_quit()

    def _on_theme_changed(self, _: object) -> None:
        """Highlights are baked into Text objects: rebuild them in the new theme's colours."""
        self.call_after_refresh(self.query_one(ReadingPane).repaint)
        self.query_one(ArticleList).refresh()

    def on_unmount(self) -> None:
        self._stack.close()

    @work(thread=True, exclusive=True, group="refresh")
    def run_refresh(self) -> None:
        """Index the folder in a thread; the list fills in as files are added."""
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last[0] > 0.25:  # a few repaints a second, not one per file
                last[0] = now
                self.call_from_thread(self._on_progress, done, total)

        _start_resource_tracker()
        try:
            counts = self.library.refresh(progress=progress)
        except ReaderError as exc:  # the folder vanished, the cache is busy...: say so, keep what we have
            self.call_from_thread(self.notify, f"Could not refresh: {exc}", severity="error", timeout=10)
            counts = None
        self.call_from_thread(self._on_refreshed, counts)

    def _on_progress(self, done: int, total: int) -> None:
        self.query_one(AppHeader).set_progress(done, total)
        if isinstance(self.query_one(ArticleList).source, LibrarySource):
            self.query_one(ArticleList).reload()
        self.update_header()

    def _on_refreshed(self, counts: Any) -> None:
        self.indexing = False
        self.query_one(AppHeader).set_progress(0, 0)
        lst = self.query_one(ArticleList)
        lst.empty_message = "No articles in this folder (.txt, .md, .html are read)."
        if isinstance(lst.source, LibrarySource):
            lst.reload()
        self.update_header()
        for notice in getattr(self.library, "notices", []) or []:
            self.notify(notice, severity="warning")

    def update_header(self) -> None:
        if self.library is None:
            return
        failed = len(self.library.failures())
        lst = self.query_one(ArticleList)
        extra = ""
        if isinstance(lst.source, HitsSource):
            extra = f"{lst.count} matching"
        self.query_one(AppHeader).set_counts(self.library.count(), failed, extra)

    # -- layout -----------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self._layout_for(self.size.width)

    def _layout_for(self, width: int) -> None:
        panes = self.query_one("#panes")
        panes.set_class(width < NARROW, "-narrow")

    def set_mode(self, reading: bool) -> None:
        self.query_one("#panes").set_class(reading, "-reading")

    def _show_progress(self, _: float = 0) -> None:
        self.query_one(ReadingPane).update_subtitle()

    # -- pane switching ---------------------------------------------------------------------------
    def action_switch_pane(self) -> None:
        if not isinstance(self.screen, Screen) or self.screen is not self.screen_stack[0]:
            return
        focused = self.focused
        reading = self.query_one(ReadingPane)
        if focused is not None and (focused is reading or reading in focused.ancestors):
            self.focus_list()
        elif reading.article is not None:
            self.focus_reading()

    def focus_reading(self) -> None:
        """Show the reading pane (the only pane when narrow) and focus it once it is displayed."""
        self.set_mode(True)
        pane = self.query_one(ReadingPane)
        pane.focus()
        self.call_after_refresh(pane.focus)

    def focus_list(self) -> None:
        self.set_mode(False)
        lst = self.query_one(ArticleList)
        lst.focus()
        self.call_after_refresh(lst.focus)

    def action_go_back(self) -> None:
        find_row = self.query_one("#find-row")
        if not find_row.has_class("hidden"):
            self.close_find()
            return
        reading = self.query_one(ReadingPane)
        focused = self.focused
        if focused is not None and (focused is reading or reading in focused.ancestors):
            self.save_position()
            self.focus_list()
        elif isinstance(self.query_one(ArticleList).source, HitsSource):
            self.close_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("people", "quotes", "copy_quote", "open_url"):
            return self.query_one(ReadingPane).article is not None
        return True

    # -- messages from the widgets -----------------------------------------------------------------
    async def on_article_list_opened(self, event: ArticleList.Opened) -> None:
        await self.open_row(event.row)

    def on_app_header_failures_requested(self) -> None:
        self.action_failures()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for b in self.BINDINGS:
            assert isinstance(b, Binding)
            if b.action in ("quit",):
                continue
            keys = ", ".join(pretty_key(k) for k in self.config.keys.get(b.id or "", b.key).split(","))
            # the palette reads help as markup; the keys come from the user's config file
            yield SystemCommand(b.description, escape(one_line(f"key: {keys}")),
                                lambda a=b.action: self.run_action(a))


def run_app(root: Path | None, theme: str | None = None) -> None:
    ReaderApp(root, theme=theme).run()
