"""The main screen: the list pane and the reading pane, and what the keys do to articles.

It owns both panes and their handlers (as frogmouth's ``screens/main.py`` does);
searching lives in :class:`ListPane`, finding in :class:`FindRow`, the panels in
:mod:`reader.ui.screens.panels`.  The app above it holds only the config, the
theme and the library.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from bisect import bisect_left
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from reader.errors import ArticleError, ReaderError
from reader.library.watch import FolderWatch, open_watch
from reader.model import Article, Span
from reader.sanitize import escaped
from reader.ui import opener, safe
from reader.ui.focus import focus_now
from reader.ui.screens.panels import Panels
from reader.ui.widgets.app_header import AppHeader
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.block_view import BlockView
from reader.ui.widgets.find_row import FindRow
from reader.ui.widgets.fold import Fold
from reader.ui.widgets.list_pane import ListPane
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.rows import LibrarySource, Row, row_from_entry

if TYPE_CHECKING:
    from reader.library import Library, RefreshCounts
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.reading_layout import Prepared

NARROW = 100  # below this many columns one pane is shown at a time
#: How often the collection folder is looked at for added, changed and removed files (seconds),
#: when the system cannot tell (no inotify)
WATCH_SECONDS = 2.0
#: How often the inotify watch's queue is read; what it reports is refreshed at once
EVENT_SECONDS = 0.5
#: With the watch, a full look all the same this often (a folder on a network share sends no events)
SAFETY_SECONDS = 60.0


def _counts_line(c: RefreshCounts) -> str:
    bits = [
        f"{n} {what}"
        for n, what in (
            (c.added, "added"),
            (c.changed, "changed"),
            (c.removed, "removed"),
            (c.failed, "failed"),
        )
        if n
    ]
    return ", ".join(bits) or "nothing new"


#: The list orders ``s`` cycles through, with the name the header shows.
ORDER_NAMES = {"newest": "newest first", "title": "title A-Z", "source": "by source", "path": "by path"}
BIG_ARTICLE = 20_000  # words; a bigger article is read and laid out in a worker


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr.

    The library analyses big collections in worker processes; starting them needs
    ``sys.stderr.fileno()``, which is -1 while Textual captures stderr.  Runs in the
    refresh thread, so it never delays the first paint.
    """
    import contextlib
    import sys
    from multiprocessing import resource_tracker

    real = sys.__stderr__
    if real is None:
        return
    with contextlib.redirect_stderr(real):
        resource_tracker.ensure_running()


class MainScreen(Screen[None]):
    """The header, the list pane, the reading pane with its find bar, the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch pane", id="app.switch_pane", priority=True),
        Binding("escape", "go_back", "Back", id="app.back"),
        # priority: handled before the keys typed behind it are forwarded, so they reach the bar
        Binding("slash", "search", "Search", id="app.search", priority=True),
        # priority, like "/": the article is open (and focused) before the keys typed behind it move on
        Binding("enter", "open_current", "Open", id="list.open", priority=True),
        Binding("J", "next_article(1)", "Next article", id="app.next_article", show=False),
        Binding("K", "next_article(-1)", "Prev article", id="app.prev_article", show=False),
        Binding("p", "people", "People", id="app.people"),
        Binding("P", "everyone", "People in the collection", id="app.everyone", show=False),
        Binding("Q", "quotes", "Quotes", id="app.quotes"),
        Binding("L", "links", "Links", id="app.links", show=False),
        Binding("m", "toggle_read", "Read/unread", id="app.toggle_read", show=False),
        Binding("M", "mark_all_read", "Mark all in view read", id="list.mark_all_read", show=False),
        Binding("U", "undo_mark_all", "Undo mark all read", id="list.undo_mark_all"),
        Binding("s", "cycle_order", "Sort", id="list.sort", show=False),
        Binding("u", "toggle_unread", "Unread only", id="list.unread", show=False),
        Binding("ctrl+r", "refresh_now", "Refresh", id="app.refresh", show=False),
        Binding("asterisk", "toggle_star", "Star", id="app.toggle_star", show=False),
        Binding("o", "open_url", "Open URL", id="app.open_url", show=False),
        Binding("e", "edit", "Edit the file", id="app.edit", show=False),
        Binding("E", "export_article", "Export the cleaned article", id="app.export", show=False),
        Binding("y", "copy_quote", "Copy quote", id="app.copy_quote", show=False),
        Binding("F", "failures", "Failed files and links", id="app.failures", show=False),
        Binding("c", "next_copy", "Next copy of the article", id="app.next_copy", show=False),
    ]

    app: ReaderApp  # the one App this screen runs in

    def __init__(self, library: Library, *, refresh: bool = True) -> None:
        super().__init__()
        self.library = library
        self.open_path: str | None = None
        self.copied = ""
        self._opening: str | None = None  # the article being opened (a big one loads in a worker)
        self.indexing = False
        self._refresh_on_start = refresh
        self._refresh_kind = "start"  # start (says nothing), watch (says what changed), key (says all)
        self._next_poll = 0.0
        self.folder_watch: FolderWatch | None = None  # inotify on the collection, where the system has it
        self._watching = False  # the screen watches its folder (set on mount when it refreshes)
        self._watch_tried = False
        self._dirty = False  # the watch reported a change not yet looked at
        self._last_look = time.monotonic()
        self._notices_shown = 0
        self._reopen_after_edit: str | None = None  # the open article, edited with e: shown again
        self._undo_marked: list[str] = []  # the articles the last M marked read (U marks them unread)
        self.panels = Panels(self)

    def compose(self) -> ComposeResult:
        root = self.app.root
        yield AppHeader(root.name or str(root), id="header")
        reading = ReadingPane(id="reading")
        reading.measure = self.app.config.reading_width
        reading.root = str(root) if root.is_dir() else str(root.parent)
        with Horizontal(id="panes"):
            yield ListPane(id="list-pane")
            with Vertical(id="read-pane"):
                yield reading
                yield FindRow(reading, id="find-row", classes="hidden")
        yield Footer()

    # -- parts ------------------------------------------------------------------------------------
    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    @property
    def find_row(self) -> FindRow:
        return self.query_one(FindRow)

    def _reading_focused(self) -> bool:
        focused, pane = self.focused, self.pane
        return focused is not None and (focused is pane or pane in focused.ancestors)

    # -- start, refresh, header -------------------------------------------------------------------
    def on_mount(self) -> None:
        lp = self.list_pane
        lp.attach(self.library)
        saved = self.library.state.setting("order")
        self.set_order(saved if saved in ORDER_NAMES else "newest", save=False)
        lp.articles.empty_message = (
            "No articles yet." if self._refresh_on_start else "No articles in this folder."
        )
        lp.articles.focus()
        self.update_header()
        self._layout_for(self.app.size.width)
        if self._refresh_on_start:
            self.indexing = True
            self._watching = True  # the first refresh opens the watch, in its thread
            self.run_refresh()
            self._watch = self.set_interval(EVENT_SECONDS, self._poll)

    def on_unmount(self) -> None:
        self._watching = False
        if self.folder_watch is not None:
            self.folder_watch.close()

    def _open_watch(self) -> None:
        """In the refresh thread, before its walk (so nothing changed during the walk is missed):
        listing every folder to watch can take seconds on a big collection not in the disk cache."""
        lib = self.library
        watch = open_watch(str(lib.root), follow_symlinks=lib.follow_symlinks)
        if watch is not None and not self._watching:
            watch.close()  # the screen went while the folders were listed
            return
        self.folder_watch = watch

    def _poll(self) -> None:
        """Look for files added, changed or removed: where inotify says so (read every
        EVENT_SECONDS), else by a stat walk every WATCH_SECONDS. Skipped while a refresh runs, and
        the walk is spaced out on a collection whose walk takes longer."""
        watch = self.folder_watch
        if watch is not None and watch.changed():
            self._dirty = True
        if self.indexing:
            return
        now = time.monotonic()
        if watch is None:
            due = now >= self._next_poll
        else:
            due = self._dirty or now >= max(self._next_poll, self._last_look + SAFETY_SECONDS)
        if due:
            self._dirty = False
            self.start_refresh("watch")

    def start_refresh(self, kind: str) -> None:
        """Read the folder again in a worker; ``kind`` says what to tell the user afterwards
        (watch: only what changed; key: the counts)."""
        self.indexing = True
        self._refresh_kind = kind
        self.run_refresh()

    def action_refresh_now(self) -> None:
        """ctrl+r: look for new, changed and removed files now."""
        if self.indexing:
            # the watcher's own look may be under way: its counts are the ones asked for, so say them
            self._refresh_kind = "key"
            self.notify("Already reading the folder; what changed follows.", timeout=2)
            return
        self.start_refresh("key")

    @work(thread=True, exclusive=True, group="refresh")
    def run_refresh(self) -> None:
        """Index the folder in a thread; the list fills in as files are added."""
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last[0] > 0.25:  # a few repaints a second, not one per file
                last[0] = now
                self.app.call_from_thread(self._on_progress, done, total)

        _start_resource_tracker()
        counts: RefreshCounts | None
        if self._watching and self.folder_watch is None and not self._watch_tried:
            self._watch_tried = True
            self._open_watch()
        started = self._last_look = time.monotonic()
        try:
            counts = self.library.refresh(progress=progress)
            took = time.monotonic() - started
            # without the watch: a look every WATCH_SECONDS, and a walk that takes long is repeated
            # less often (at most a tenth of the time spent on it)
            self._next_poll = time.monotonic() + max(WATCH_SECONDS, 10 * took)
        except ReaderError as exc:  # the folder vanished, the cache is busy...: say so, keep what we have
            self.app.call_from_thread(self.notify, f"Could not refresh: {exc}", severity="error", timeout=10)
            counts = None
        self.app.call_from_thread(self._on_refreshed, counts)

    def _on_progress(self, done: int, total: int) -> None:
        try:
            self.query_one(AppHeader).set_progress(done, total)
        except NoMatches:  # a refresh's last word after the screen has gone
            return
        lst = self.list_pane.articles
        if self._refresh_kind == "watch":
            return  # the watcher's look: the list changes once, at its end, if anything changed
        if isinstance(lst.source, LibrarySource):
            self._rebrowse()
        else:
            self.update_header()

    def _on_refreshed(self, counts: RefreshCounts | None) -> None:
        self.indexing = False
        kind, self._refresh_kind = self._refresh_kind, "watch"
        try:
            self.query_one(AppHeader).set_progress(0, 0)
        except NoMatches:  # the refresh ended after the screen was taken down (the app quitting)
            return
        lst = self.list_pane.articles
        lst.empty_message = "No articles in this folder (.txt, .md, .html are read)."
        moved = counts is None or counts.added or counts.changed or counts.removed or counts.failed
        if isinstance(lst.source, LibrarySource) and (moved or kind != "watch"):
            self._rebrowse()
        self.update_header()
        for notice in self.library.notices[self._notices_shown :]:
            self.notify(notice, severity="warning")
        self._notices_shown = len(self.library.notices)
        edited, self._reopen_after_edit = self._reopen_after_edit, None
        if edited is not None and self.open_path == edited:
            entry = self.library.entry(edited)
            if entry is not None:
                self.call_later(self.open_row, row_from_entry(entry), False)
        if counts is not None and kind == "key":
            self.notify(_counts_line(counts), timeout=3)
        elif counts is not None and moved and kind == "watch":
            self.notify(f"Folder changed: {_counts_line(counts)}", timeout=3)

    def set_order(self, order: str, save: bool = True) -> None:
        """List the collection in ``order`` (one of ORDER_NAMES), keeping the selected article."""
        lp = self.list_pane
        browse = lp.browse
        if browse is None:
            return
        browse.order = order
        self.query_one(AppHeader).order = ORDER_NAMES[order]
        self._rebrowse()
        if save:
            self.library.state.set_setting("order", order)

    def _rebrowse(self) -> None:
        """List the collection again as ``browse`` now asks (order, view), the selection kept."""
        lp = self.list_pane
        browse = lp.browse
        if browse is None:
            return
        current = lp.articles.current if lp.articles.source is browse else None
        browse.reset()
        if lp.articles.source is browse:
            lp.articles.reload()
            if current is not None:
                lp.articles.select(
                    self.library.index_of(current.path, browse.order, unread_only=browse.unread_only)
                )
        self.update_header()

    def action_toggle_unread(self) -> None:
        """u: show only the articles not read yet, or every article again."""
        browse = self.list_pane.browse
        if browse is None:
            return
        browse.unread_only = not browse.unread_only
        self.query_one(AppHeader).view = "unread only" if browse.unread_only else ""
        self._rebrowse()
        self.notify(
            "Showing unread articles only (u shows all)." if browse.unread_only else "Showing every article.",
            timeout=2,
        )

    def action_cycle_order(self) -> None:
        """s: newest first, title A-Z, source, path, then newest again."""
        browse = self.list_pane.browse
        names = list(ORDER_NAMES)
        order = names[(names.index(browse.order) + 1) % len(names)] if browse is not None else "newest"
        self.set_order(order)
        self.notify(f"Sorted: {ORDER_NAMES[order]}.", timeout=2)

    def update_header(self) -> None:
        hits = self.list_pane.hits
        total = (hits.total if hits.total is not None else hits.count()) if hits is not None else 0
        extra = f"{total} matching" if hits is not None else ""
        header = self.query_one(AppHeader)
        header.unread = self.library.count(unread_only=True)
        failed = len(self.library.failures()) + len(self.panels.skipped())  # links not read count too
        header.set_counts(self.library.count(), failed, extra)

    def on_list_pane_source_changed(self) -> None:
        self.update_header()

    def on_reading_pane_targets_changed(self) -> None:
        self.find_row.show_count()

    def on_app_header_failures_requested(self) -> None:
        self.action_failures()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """As Textual orders them, but help, quit and a pending undo first: the footer cuts off
        what does not fit."""
        bindings = super().active_bindings
        first = {k: b for k, b in bindings.items() if b.binding.action in ("help", "quit", "undo_mark_all")}
        return {**first, **{k: b for k, b in bindings.items() if k not in first}}

    # -- layout and panes -------------------------------------------------------------------------
    def on_resize(self) -> None:
        self._layout_for(self.app.size.width)

    def _layout_for(self, width: int) -> None:
        narrow = width < NARROW
        self.query_one("#panes").set_class(narrow, "-narrow")
        # a narrow footer packs its keys tight and leaves ctrl+p to the help screen, so that
        # ? Help and q Quit still fit at 80 columns
        footer = self.query_one(Footer)
        footer.compact = narrow
        footer.show_command_palette = not narrow

    def set_mode(self, reading: bool) -> None:
        self.query_one("#panes").set_class(reading, "-reading")

    def focus_reading(self) -> None:
        """Show the reading pane (the only pane when narrow) and focus it once it is displayed."""
        self.set_mode(True)
        pane = self.pane
        focus_now(pane)

    def focus_list(self) -> None:
        self.set_mode(False)
        lst = self.list_pane.articles
        focus_now(lst)

    def action_switch_pane(self) -> None:
        if self._reading_focused():
            self.focus_list()
        elif self.pane.article is not None:
            self.focus_reading()

    def action_go_back(self) -> None:
        if self.find_row.is_open:
            self.find_row.close()
        elif self._reading_focused():
            self.save_position()
            self.focus_list()
        elif self.list_pane.hits is not None:
            self.list_pane.close_search()

    def action_search(self) -> None:
        """/ in the reading pane finds in the article; elsewhere it searches the collection."""
        if self.pane.article is not None and self._reading_focused():
            self.find_row.open()
            return
        self.set_mode(False)
        self.list_pane.open_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and isinstance(self.focused, Input):
            return False  # "/" typed into a search or find bar is text
        if action == "open_current":
            return isinstance(self.focused, ArticleList)  # elsewhere enter is the focused widget's
        if action == "undo_mark_all":
            return bool(self._undo_marked)
        if action in ("people", "quotes", "copy_quote", "open_url"):
            return self.pane.article is not None
        return True

    # -- opening ----------------------------------------------------------------------------------
    async def action_open_current(self) -> None:
        row = self.list_pane.articles.current
        if row is not None:
            await self.open_row(row)

    async def on_article_list_opened(self, event: ArticleList.Opened) -> None:
        await self.open_row(event.row)

    async def open_row(self, row: Row, focus: bool = True) -> None:
        self.save_position()
        pane = self.pane
        self.workers.cancel_group(self, "open")
        self._opening = row.path
        pane.copies = tuple(self.library.copies(row.path)) if row.copies > 1 else ()
        hits = self.list_pane.hits
        query = hits.query if hits is not None and hits.query.strip() else None
        if row.words > BIG_ARTICLE:
            # read and laid out in a worker; focus first, so keys typed meanwhile act in the pane
            pane.begin_loading(row.title)
            pane.border_title = safe.line(row.title)
            if focus:
                self.focus_reading()
            # after the next frame, so "Opening…" and the focus show before the worker takes the GIL
            self.call_after_refresh(self._open_worker, row, pane.measure_width(), query)
            return
        try:
            article = self.library.article(row.path)
        except ReaderError as exc:
            self._open_failed(row, exc)
            return
        await pane.show(article, self._choices(row.path, article))
        self._opened(row, self._matches(query, row.path), focus)

    def _matches(self, query: str | None, path: str) -> list[Span] | None:
        """Where the search matched in the article (exactly what the engine matched), or None."""
        if query is None:
            return None
        return list(self.library.matches(query, path))

    @work(thread=True, exclusive=True, group="open")
    def _open_worker(self, row: Row, width: int, query: str | None) -> None:
        from reader.ui.widgets.reading_layout import prepare

        try:
            article = self.library.article(row.path)
            prepared = prepare(article, self._choices(row.path, article), width, self.pane.root,
                               self.pane.copies)
            hits = self._matches(query, row.path)
        except ReaderError as exc:
            self.app.call_from_thread(self._open_failed, row, exc)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._open_done, row, prepared, hits)

    def _open_failed(self, row: Row, exc: ReaderError) -> None:
        if row.path != self._opening:
            return
        reason = exc.reason if isinstance(exc, ArticleError) else str(exc)
        self.notify(f"{escaped(row.path)}: {reason}", severity="error")
        self.pane.end_loading()

    def _open_done(self, row: Row, prepared: Prepared, hits: list[Span] | None) -> None:
        if row.path != self._opening:
            return  # another article was opened meanwhile
        self.pane.install(prepared)
        self._opened(row, hits, focus=False)

    def _opened(self, row: Row, hits: list[Span] | None, focus: bool) -> None:
        """The article of ``row`` is in the pane: mark it read, go to the first hit or the saved place."""
        pane = self.pane
        state = self.library.state
        self.open_path = row.path
        pane.border_title = safe.line(row.title)
        if not row.read:
            state.set_read_many(list(row.paths), True)  # every copy: one article, read once
            self._patch(row.path, read=True)
        if hits is not None:
            pane.set_targets(hits, jump=False)
            if pane.targets:
                # the match the snippet showed (else the first): current, revealed if folded, in view
                starts = [t.start for t in pane.targets]
                first = row.first_hit
                pane.target_index = (
                    min(bisect_left(starts, first), len(starts) - 1) if first is not None else 0
                )
                pane.repaint()
                pane.update_subtitle()
                pane.scroll_to_offset(pane.targets[pane.target_index].start)
                pane.post_message(ReadingPane.TargetsChanged())
            elif row.first_hit is not None:
                pane.scroll_to_offset(row.first_hit)
        else:
            position = state.get(row.path).position
            if position:
                pane.scroll_when_ready(position)
        pane.call_after_refresh(pane.update_subtitle)
        if focus:
            self.focus_reading()

    def save_position(self) -> None:
        pane = self.pane
        if self.open_path and pane.article is not None:
            self.library.state.set_position(self.open_path, int(pane.scroll_y))

    def _patch(self, path: str, *, read: bool | None = None, starred: bool | None = None) -> None:
        for source in self.list_pane.sources():
            source.patch(path, read=read, starred=starred)
        self.list_pane.articles.refresh()
        if read is not None:
            self.update_header()  # the unread count

    def _target_row(self) -> Row | None:
        """The article a state key acts on: the open one when reading, else the list's cursor."""
        lst = self.list_pane.articles
        if self.focused is lst or self.open_path is None:
            return lst.current
        entry = self.library.entry(self.open_path)
        return row_from_entry(entry) if entry is not None else None

    async def action_next_article(self, delta: int) -> None:
        lst = self.list_pane.articles
        lst.cursor += delta
        row = lst.current
        if row is not None:
            reading = self.focused is not lst
            await self.open_row(row, focus=reading)
            if not reading:
                lst.focus()

    # -- state keys -------------------------------------------------------------------------------
    def action_toggle_read(self) -> None:
        row = self._target_row()
        if row is not None:
            self.library.state.set_read_many(list(row.paths), not row.read)
            self._patch(row.path, read=not row.read)
            self.update_header()

    def _view_unread(self) -> list[str]:
        """The articles not read yet in the list as shown now (the collection, or search hits)."""
        lp = self.list_pane
        source = lp.articles.source
        if lp.hits is not None:
            hits = lp.hits
            return [p for r in hits.rows if not r.read for p in r.paths]
        browse = lp.browse
        if browse is None or source is not browse:
            return []
        total = self.library.count(unread_only=True)
        return [
            p
            for e in self.library.entries(offset=0, limit=max(total, 1), order=browse.order, unread_only=True)
            for p in (e.path, *e.others)
        ]

    def action_mark_all_read(self) -> None:
        """M: every article in the view read, in one transaction; U undoes it."""
        paths = self._view_unread()
        if not paths:
            self.notify("Nothing unread in this view.", timeout=2)
            return
        self.library.state.set_read_many(paths, True)
        self._undo_marked = paths
        self._after_bulk_read()
        n = len(paths)
        self.notify(f"Marked {n} article{'s' if n != 1 else ''} read. U undoes it.", timeout=8)

    def action_undo_mark_all(self) -> None:
        """U: the articles the last M marked read are unread again."""
        paths, self._undo_marked = self._undo_marked, []
        if not paths:
            return
        self.library.state.set_read_many(paths, False)
        self._after_bulk_read()
        n = len(paths)
        self.notify(f"{n} article{'s' if n != 1 else ''} unread again.", timeout=3)

    def _after_bulk_read(self) -> None:
        hits = self.list_pane.hits
        if hits is not None:  # the hits keep their order; their marks are read again
            marked = {e.path: e.read for p in [r.path for r in hits.rows] if (e := self.library.entry(p))}
            for path, read in marked.items():
                hits.patch(path, read=read)
        self._rebrowse()
        self.list_pane.articles.refresh()
        self.refresh_bindings()

    def action_toggle_star(self) -> None:
        row = self._target_row()
        if row is not None:
            for path in row.paths:
                self.library.state.set_starred(path, not row.starred)
            self._patch(row.path, starred=not row.starred)

    async def action_next_copy(self) -> None:
        """c: open the next file that holds the open article (its other saves), in turn."""
        here = self.open_path
        paths = self.library.copies(here) if here is not None else []
        if here is None or len(paths) < 2:
            self.notify("This article has no other copy." if paths else "No article is open.", timeout=2)
            return
        entry = self.library.entry(paths[(paths.index(here) + 1) % len(paths)])
        if entry is not None:
            await self.open_row(row_from_entry(entry), focus=self._reading_focused())

    def action_open_url(self) -> None:
        """o: the article's address in a browser, checked first (see reader.ui.opener)."""
        article = self.pane.article
        self.open_address(article.meta.get("url", "") if article is not None else "")

    def open_address(self, url: str) -> None:
        """``url`` in a browser when it is a safe web address, else a warning saying why not."""
        problem = opener.url_problem(url)
        if problem:
            self.notify(f"Not opened: {problem}.", severity="warning")
            return
        self.app.open_in_browser(url)

    def action_edit(self) -> None:
        """e: the article's file in $VISUAL, else $EDITOR, else vi, with the app suspended; the
        folder is read again when the editor returns (the article too, if it is open)."""
        row = self._target_row()
        if row is None:
            self.notify("No article to edit.", severity="warning")
            return
        try:
            full = self.library.file_path(row.path)
        except ReaderError as exc:
            self.notify(f"Not opened: {escaped(str(exc))}", severity="warning")
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            argv = [*shlex.split(editor), "--", os.path.abspath(full)]
        except ValueError:
            self.notify("$EDITOR cannot be read as a command.", severity="warning")
            return
        try:
            with self.app.suspend():
                code = subprocess.run(argv, check=False).returncode
        except SuspendNotSupported:
            self.notify("An editor cannot run here (the app cannot be suspended).", severity="warning")
            return
        except OSError as exc:
            self.notify(f"The editor did not start: {escaped(str(exc))}", severity="warning")
            return
        if code:
            self.notify(f"The editor exited with status {code}.", severity="warning")
        self._reopen_after_edit = row.path if self.open_path == row.path else None
        if not self.indexing:
            self.start_refresh("key")

    def action_export_article(self) -> None:
        """E: the cleaned article (as ``reader export`` prints it) to a file you name, outside
        the collection."""
        from reader.ui.screens.export import ExportScreen, write_export

        row = self._target_row()
        if row is None:
            self.notify("No article to export.", severity="warning")
            return
        try:
            article = self.pane.article if self.open_path == row.path and self.pane.article is not None \
                else self.library.article(row.path)
        except ReaderError as exc:
            self.notify(f"Not exported: {escaped(str(exc))}", severity="warning")
            return

        def chosen(typed: str | None) -> None:
            if typed is None:
                return
            written, message = write_export(article, typed, self.app.root)
            self.notify(message, severity="information" if written else "warning", timeout=4)

        self.app.push_screen(ExportScreen(article), chosen)

    def action_copy_quote(self) -> None:
        """y: copy the quote in view (the one chosen in the quotes panel, while it is in view)."""
        index = self.pane.quote_in_view()
        if self.pane.article is None or index is None:
            self.notify("No quote to copy.", severity="warning")
            return
        self.copy_quote(index)

    def copy_quote(self, index: int) -> None:
        """Copy quote ``index`` of the open article (y here and in the quotes panel)."""
        article = self.pane.article
        if article is None or not 0 <= index < len(article.quotes):
            return
        text = article.quotes[index].text
        self.app.copy_to_clipboard(text)
        self.copied = text
        self.notify("Quote copied.", timeout=2)

    # -- the panels -------------------------------------------------------------------------------
    def action_people(self) -> None:
        self.panels.people()

    def action_everyone(self) -> None:
        self.panels.everyone()

    def action_quotes(self) -> None:
        self.panels.quotes()

    def action_failures(self) -> None:
        self.panels.failures()

    def action_links(self) -> None:
        self.panels.links()

    # -- folds ------------------------------------------------------------------------------------
    def _choices(self, path: str, article: Article) -> dict[str, str | None]:
        """The reader's keep/hide choices for the blocks of ``article`` (by block text)."""
        state = self.library.state
        return {b.text: state.block_choice(path, b.text) for b in article.blocks}

    async def _reshow(self) -> None:
        """Lay the open article out again after a keep/hide choice, at the same place."""
        pane = self.pane
        if pane.article is None or self.open_path is None:
            return
        y = pane.scroll_y
        await pane.show(pane.article, self._choices(self.open_path, pane.article))
        pane.scroll_to(y=y, animate=False)

    async def on_fold_keep_requested(self, event: Fold.KeepRequested) -> None:
        if self.open_path is None:
            return
        blocks = event.fold.blocks
        for block in blocks:
            self.library.state.set_block_choice(self.open_path, block.text, "keep")
        await self._reshow()
        first = next(
            (
                p
                for p in self.pane.parts
                if isinstance(p, BlockView) and p.kept and p.block.text == blocks[0].text
            ),
            None,
        )
        if first is not None:
            self.pane.choose(first)  # x again folds them back
        n = len(blocks)
        self.notify(
            f"{n} block{'s' if n != 1 else ''} shown from now on (x on it folds it again).", timeout=2
        )

    async def on_reading_pane_hide_block_requested(self, event: ReadingPane.HideBlockRequested) -> None:
        if self.open_path is None:
            return
        self.library.state.set_block_choice(self.open_path, event.block.text, "hide")
        await self._reshow()
        self.notify("Folded from now on (x on the fold shows it again).", timeout=2)

    async def on_block_view_hide_requested(self, event: BlockView.HideRequested) -> None:
        """x on a kept block: it and the kept blocks next to it (kept together) fold again."""
        if self.open_path is None:
            return
        parts = self.pane.parts

        def kept(k: int) -> bool:
            part = parts[k]
            return isinstance(part, BlockView) and part.kept

        i = next((k for k, p in enumerate(parts) if p is event.view), None)
        run = [event.view]
        if i is not None:
            lo = hi = i
            while lo > 0 and kept(lo - 1):
                lo -= 1
            while hi + 1 < len(parts) and kept(hi + 1):
                hi += 1
            run = [p for p in parts[lo : hi + 1] if isinstance(p, BlockView)]
        for view in run:
            self.library.state.set_block_choice(self.open_path, view.block.text, None)
        await self._reshow()
        n = len(run)
        self.notify(f"{n} block{'s' if n != 1 else ''} folded again.", timeout=2)
