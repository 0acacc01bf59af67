"""The header line: collection name, counts, indexing progress; click it to see failed files."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Static

from reader.ui.render import plain


class AppHeader(Static):
    """'reader · sample_articles · 12 articles · 3 unread · 1 failed (F) · indexing 40/120'."""

    class FailuresRequested(Message):
        pass

    def __init__(self, name: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.collection = name
        self.total = 0
        self.failed = 0
        self.extra = ""
        self.progress = ""
        self.order = ""

    def set_counts(self, total: int, failed: int = 0, extra: str = "") -> None:
        self.total, self.failed, self.extra = total, failed, extra
        self._paint()

    def set_progress(self, done: int, total: int) -> None:
        self.progress = f"indexing {done}/{total}" if total and done < total else ""
        self._paint()

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        bits = [f"{self.total} articles"]
        if self.order:
            bits.append(self.order)
        if self.extra:
            bits.append(self.extra)
        if self.failed:
            bits.append(f"{self.failed} failed (F)")
        if self.progress:
            bits.append(self.progress)
        self.update(plain(f" reader · {self.collection} · " + " · ".join(bits)))

    def on_click(self) -> None:
        self.post_message(self.FailuresRequested())
