"""The drawing half of the reading pane: a Line-API ScrollView over an article's pieces.

Only the lines on screen are styled (and cached until a mark, the theme or the width changes);
the layout (how many lines each piece takes) is measured without styling, in a worker thread
when the article is big.  While the article loads or a big layout is measured the view is
*busy*: keys that reach it then wait and are replayed once it is ready, so they act where they
would have acted without the delay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.config import DEFAULT_READING_WIDTH
from reader.model import Article
from reader.ui.display_render import DECOR_NAMES, Link
from reader.ui.render import MARK_NAMES, MarkIndex
from reader.ui.widgets.piece import Piece
from reader.ui.widgets.reading_layout import Layout, Part, Prepared, flatten, line_text, measure

#: Component classes for the parts of an article (marks have theirs in MARK_NAMES).
PART_NAMES = ("meta", "title", "heading", "byline", "caption", "body", "fold", "fold-revealed",
              "bar-caption", "bar-kept", "cursor")
SYNC_WORK = 30_000  # layout work (pieces plus characters / 200) done at once; more goes to a worker
LAYERS = ("quotes", "people", "focus", "matches", "current", "quote-focus")  # later ones on top
PLACEHOLDER = "Choose an article and press enter.  ? lists every key."


class ReadingView(ScrollView, can_focus=True):
    """Draws pieces; :class:`ReadingPane` adds what the keys do."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reading--{n}"
                                             for n in (*MARK_NAMES, *PART_NAMES, *DECOR_NAMES)}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.parts: list[Part] = []
        self.words = 0
        self.measure = DEFAULT_READING_WIDTH  # the longest line on a wide terminal (config reading_width)
        self.links: list[Link] = []  # the article's links, numbered as the pane shows them (L)
        self.cursor: Part | None = None  # the fold or kept block that enter and x act on
        self._head: list[Piece] = [Piece(PLACEHOLDER, "reading--meta")]
        self._layout = Layout(list(self._head), 1)
        self._layers: dict[str, MarkIndex] = {}  # quotes, people, then focus and target layers
        self._styles: dict[str, Style] = {}
        self._strips: dict[tuple[int, int], Strip] = {}
        self._busy: set[str] = set()
        self._pending: list[Callable[[], object]] = []
        self._keys: list[events.Key] = []
        self._generation = 0

    # -- readiness --------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Loading an article or measuring a big layout: key actions wait until this is over."""
        return bool(self._busy)

    def when_ready(self, action: Callable[[], object]) -> None:
        """Run ``action`` now, or once the view is no longer busy (in the order asked)."""
        if self._busy or self._pending:
            self._pending.append(action)
        else:
            action()

    def _done(self, what: str) -> None:
        self._busy.discard(what)
        while self._pending and not self._busy:
            self._pending.pop(0)()
        if not self._busy and self._keys:
            self._replay_key()

    def on_key(self, event: events.Key) -> None:
        if "load" in self._busy:  # the article is not here yet: hold the key, replay it after
            event.stop()
            event.prevent_default()
            self._keys.append(events.Key(event.key, event.character))

    def _replay_key(self) -> None:
        if not self.is_attached or self.app._closing:  # the app is quitting: no screen to act on
            self._keys.clear()
            return
        if self._keys and not self._busy:
            self.app.post_message(self._keys.pop(0))
            if self._keys:
                self.app.call_after_refresh(self._replay_key)

    # -- installing an article and laying it out -------------------------------------------------
    def measure_width(self) -> int:
        return max(1, min(self.measure, self.scrollable_content_region.width))

    def begin_loading(self, title: str) -> None:
        """Show that ``title`` is on its way; keys typed meanwhile are held for it."""
        self._generation += 1
        self.article, self.parts, self.cursor, self.links = None, [], None, []
        self._busy.add("load")
        self._head = [Piece(f"Opening {title}…", "reading--meta")]
        self._set_layout(Layout(list(self._head), self.measure_width()))
        self.go_to(0)

    def end_loading(self) -> None:
        """The load failed: show the placeholder again and let held keys go."""
        self._head = [Piece(PLACEHOLDER, "reading--meta")]
        self._set_layout(Layout(list(self._head), self.measure_width()))
        self._done("load")

    def install(self, prepared: Prepared) -> None:
        """Show a prepared article from its top (see :func:`reading_layout.prepare`)."""
        self._generation += 1
        self.article, self.parts, self.cursor = prepared.article, prepared.parts, None
        self.words = prepared.words
        self.links = prepared.links
        self._head = prepared.head
        self._layers = {"quotes": prepared.quotes, "people": prepared.people}
        self._on_article()
        layout = prepared.layout
        if layout is not None and layout.width == self.measure_width():
            self._set_layout(layout)
        else:
            self.relayout()
        self.go_to(0)
        self._done("load")

    def _on_article(self) -> None:
        """Hook for the pane: a new article is installed (reset targets and the like)."""

    def relayout(self, anchor: bool = False) -> None:
        """Measure the pieces again (a fold changed, the width changed); in a worker when big.

        With ``anchor`` the source index at the top of the view stays at the top.
        """
        self._generation += 1
        pieces = flatten(self._head, self.parts)
        width = self.measure_width()
        top = self._layout.offset_at(int(self.scroll_y)) if anchor else None
        work_left = sum(1 + len(p.text) // 200 for p in pieces if p._count[0] != width)
        if work_left <= SYNC_WORK or not self.is_mounted:
            self._set_layout(Layout(pieces, width), top)
            return
        self._busy.add("layout")
        self._measure_worker(self._generation, pieces, width, top)

    @work(thread=True, exclusive=True, group="reading-layout")
    def _measure_worker(self, generation: int, pieces: list[Piece], width: int, top: int | None) -> None:
        layout = Layout(pieces, width, measure(pieces, width))
        self.app.call_from_thread(self._measured, generation, layout, top)

    def _measured(self, generation: int, layout: Layout, top: int | None) -> None:
        if generation != self._generation:
            return  # stale: the article or the pieces changed while this was measured
        self._set_layout(layout, top)
        self._done("layout")

    def _set_layout(self, layout: Layout, top: int | None = None) -> None:
        self._layout = layout
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, layout.height)
        if top is not None:
            self.go_to(layout.line_of_offset(top))
        self.refresh()

    def go_to(self, y: float) -> None:
        """Scroll to line ``y`` now (forced: right after a new layout the scrollbar is not yet
        shown, and Textual ignores an unforced scroll then)."""
        self.scroll_to(y=max(0, min(y, self.max_scroll_y)), animate=False, force=True)

    def on_resize(self) -> None:
        if self._layout.width != self.measure_width():
            self.relayout(anchor=True)
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)

    # -- painting ---------------------------------------------------------------------------------
    def restyle(self) -> None:
        """Read the component styles again (a theme change) and redraw what is on screen."""
        self._styles = {}
        self._strips.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        return self.styles_by_name.get(name.removeprefix("reading--"), Style())

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        found = self._layout.locate(line)
        if found is None:
            return Strip.blank(width, self.rich_style)
        piece, k = found
        key = (id(piece), k)
        strip = self._strips.get(key)
        if strip is None:
            text = self._line_text(piece, k)
            strip = Strip(list(text.render(self.app.console)))
            if len(self._strips) > 5000:
                self._strips.clear()
            self._strips[key] = strip
        return strip.adjust_cell_length(width, self.rich_style)

    def _line_text(self, piece: Piece, k: int) -> Text:
        """Display line ``k`` of ``piece`` (its blank lines before and after included)."""
        chosen = piece.owner is not None and piece.owner is self.cursor and self.has_focus
        cursor = self._style("cursor") if chosen else None
        return line_text(piece, k, self._layout.width, self.styles_by_name, self._mark_layers(), cursor)

    @property
    def styles_by_name(self) -> dict[str, Style]:
        """The component styles, by name without the ``reading--`` prefix."""
        if not self._styles:
            names = (*MARK_NAMES, *PART_NAMES, *DECOR_NAMES)
            self._styles = {n: self.get_component_rich_style(f"reading--{n}") for n in names}
        return self._styles

    def _mark_layers(self) -> list[MarkIndex]:
        return [self._layers[n] for n in LAYERS if n in self._layers]

    def set_layer(self, name: str, marks: MarkIndex | None) -> None:
        """Replace one layer of marks (``None`` removes it) and redraw what is on screen."""
        if marks is None:
            self._layers.pop(name, None)
        else:
            self._layers[name] = marks
        self._strips.clear()
        self.refresh()

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()
