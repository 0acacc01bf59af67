"""The reading app: config, theme and library; the main screen does the rest.

Every toast and every copy to the clipboard passes through :meth:`ReaderApp.notify`
and :meth:`ReaderApp.copy_to_clipboard`, which make article text inert.
"""

from __future__ import annotations

import contextlib
import json
import webbrowser
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader import paths
from reader.config import Config, load_config
from reader.sanitize import inert, one_line, printable
from reader.ui import opener
from reader.ui.screens.help import pretty_key
from reader.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from reader.library import Library

Opener = Callable[[Path], AbstractContextManager["Library"]]


def _open_library(root: Path) -> Library:
    import reader

    return reader.open_library(root)


class ReaderApp(App[None]):
    """``ReaderApp(root)`` opens the collection at ``root``; ``opener`` lets tests inject a library."""

    TITLE = "reader"
    CSS_PATH: ClassVar[list[str | PurePath]] = [str(p) for p in sorted(paths.styles_dir().glob("*.tcss"))]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        root: Path | str | None = None,
        *,
        theme: str | None = None,
        config: Config | None = None,
        opener: Opener | None = None,
        refresh: bool = True,
    ) -> None:
        super().__init__()
        self.root = Path(root) if root is not None else paths.sample_articles_dir()
        self.config = config if config is not None else load_config()
        self._opener: Opener = opener or _open_library
        self._refresh_on_start = refresh
        self._theme_given = theme is not None
        self._stack = contextlib.ExitStack()
        self.library: Library | None = None
        wanted = theme or self.config.theme
        if wanted and wanted in self.available_themes:
            self.theme = wanted
        names = ", ".join(sorted(self.available_themes))
        self._theme_problem = (
            f"Unknown theme {wanted!r}; try one of: {names}" if wanted and wanted != self.theme else ""
        )
        if self.config.keys:
            self.set_keymap(self.config.keys)
        self._key_problems = _unknown_binding_ids(self.config.keys, self.BINDINGS)

    @property
    def main(self) -> MainScreen | None:
        """The main screen, once the library is open."""
        screens = [s for s in self.screen_stack if isinstance(s, MainScreen)]
        return screens[0] if screens else None

    # -- start and stop ---------------------------------------------------------------------------
    def get_default_screen(self) -> MainScreen:
        """The main screen over the opened library (the first screen the app shows)."""
        self.library = self._stack.enter_context(self._opener(self.root))
        self._restore_theme(self.library)
        return MainScreen(self.library, refresh=self._refresh_on_start)

    def on_mount(self) -> None:
        if self.no_color:  # NO_COLOR: highlights keep apart by bold, underline and reverse (reading.tcss)
            self.add_class("-no-color")
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)
        for problem in [*self.config.problems, self._theme_problem, *self._key_problems]:
            if problem:
                self.notify(problem, severity="warning")

    def on_unmount(self) -> None:
        self._stack.close()

    async def action_quit(self) -> None:
        if self.main is not None:
            self.main.save_position()
        await super().action_quit()

    def _restore_theme(self, library: Library) -> None:
        """The theme last chosen in the palette, unless --theme says otherwise or the config
        file's theme changed since that choice."""
        try:
            saved, under = json.loads(library.state.setting("theme") or "null") or ("", "")
        except (ValueError, TypeError):  # not written by this version: ignore it
            return
        if not self._theme_given and saved in self.available_themes and under == (self.config.theme or ""):
            self.theme = saved
            self._theme_problem = ""

    def _on_theme_changed(self, _: object) -> None:
        """Highlights are baked into Text objects: rebuild them in the new theme's colours; the
        choice is saved in the user state (one transaction) and restored at the next start."""
        if self.library is not None:
            # with the config file's theme at the time: editing that file later wins again
            self.library.state.set_setting("theme", json.dumps([self.theme, self.config.theme or ""]))
        main = self.main
        if main is not None:
            self.call_after_refresh(main.pane.repaint)
            main.list_pane.articles.refresh()

    # -- every toast and every copy goes through these two -----------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast whose text is always shown as it is: never markup, never a control sequence.

        Messages carry paths, titles, URLs and notices from articles; widgets' ``notify``
        calls end here too.  ``markup`` is accepted for Textual's signature and ignored.
        """
        super().notify(
            inert(message), title=one_line(title), severity=severity, timeout=timeout, markup=False
        )

    def copy_to_clipboard(self, text: str) -> None:
        """Copy printable text only: no escape sequence from an article reaches the clipboard."""
        super().copy_to_clipboard(printable(text))

    # -- the browser ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="browser")
    def open_in_browser(self, url: str) -> None:
        """Open a checked http(s) address: a graphical browser from this thread, a console one
        with the app suspended (it needs the terminal)."""
        browser = opener.find_browser()
        if browser is None:
            self.call_from_thread(self.notify, "No browser found: set $BROWSER.", severity="warning")
        elif opener.needs_terminal(browser):
            self.call_from_thread(self._open_in_console, browser, url)
        elif not opener.opened(browser, url):
            self.call_from_thread(self.notify, "The browser did not start.", severity="warning")

    def _open_in_console(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        try:
            with self.suspend():
                ok = opener.opened(browser, url)
        except SuspendNotSupported:
            self.notify(
                "A console browser cannot run here (the app cannot be suspended).", severity="warning"
            )
            return
        if not ok:
            self.notify("The browser did not start.", severity="warning")

    # -- help and the palette ---------------------------------------------------------------------
    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen, sections

        self.push_screen(HelpScreen(sections(self.BINDINGS), dict(self.config.keys)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for b in Binding.make_bindings([*MainScreen.BINDINGS, *self.BINDINGS]):
            if b.action in ("quit",):
                continue
            keys = ", ".join(pretty_key(k) for k in self.config.keys.get(b.id or "", b.key).split(","))
            # the palette reads help as markup; the keys come from the user's config file
            yield SystemCommand(
                b.description,
                escape(one_line(f"key: {keys}")),
                lambda a=b.action: self.run_action(a, self.main),
            )


def _unknown_binding_ids(keys: dict[str, str], app_bindings: list[BindingType]) -> list[str]:
    """A problem for each [keys] entry that names no binding (a misspelt id does nothing)."""
    from reader.ui.screens._picker import Picker
    from reader.ui.screens.help import sections
    from reader.ui.widgets.query_bar import QueryBar

    known = {b.id for _title, bindings in sections(app_bindings) for b in bindings if b.id}
    known |= {b.id for b in Binding.make_bindings([*Picker.BINDINGS, *QueryBar.BINDINGS]) if b.id}
    return [
        f"config: [keys] {k!r} is not a binding id (the help screen, ?, lists them)"
        for k in keys
        if k not in known
    ]


def run_app(root: Path | None, theme: str | None = None) -> None:
    ReaderApp(root, theme=theme).run()
