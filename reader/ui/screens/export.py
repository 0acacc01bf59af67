"""E: write the cleaned article (as ``reader export`` prints it) to a file outside the collection."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.commands.export import export, slug
from reader.model import Article


def default_path(article: Article) -> str:
    """'~/' and a slug of the title, '.md'."""
    return f"~/{slug(article.title or Path(article.path).stem)}.md"


def export_problem(target: Path, root: Path) -> str | None:
    """Why the article cannot be written to ``target`` (resolved), or None."""
    try:
        inside = target.is_relative_to(root.resolve())
    except OSError:
        inside = False
    if inside:
        return "that is inside the collection; choose a place outside it"
    if target.exists() or target.is_symlink():
        return f"{target} exists already; choose another name"
    if not target.parent.is_dir():
        return f"{target.parent} is not a folder"
    return None


def write_export(article: Article, typed: str, root: Path) -> tuple[Path | None, str]:
    """Write ``article`` (Markdown, or plain text for a .txt name) to the path ``typed``; returns
    (the file written or None, a message for the user).  Never overwrites a file."""
    typed = typed.strip()
    if not typed:
        return None, "No file name given."
    target = Path(os.path.expanduser(typed))
    target = Path.cwd() / target if not target.is_absolute() else target
    target = target.parent.resolve() / target.name if target.name not in ("", ".", "..") else target
    if target.name in ("", ".", ".."):
        return None, "Not saved: give a file name."
    problem = export_problem(target, root)
    if problem:
        return None, f"Not saved: {problem}."
    fmt = "txt" if target.suffix.lower() == ".txt" else "md"
    try:
        with open(target, "x", encoding="utf-8") as f:  # "x": never overwrites what is there
            f.write(export(article, fmt))
    except OSError as exc:
        return None, f"Not saved: {exc.strerror or exc}."
    return target, f"Saved to {target}"


class ExportScreen(ModalScreen[str | None]):
    """The path to write to, prefilled with ~/slug.md; enter writes, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]
    DEFAULT_CLASSES = "picker"

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker-box"):
            yield Label(
                Text("Export the cleaned article to (.md, or .txt for plain text):"), classes="picker-title"
            )
            yield Input(default_path(self.article), id="export-path")
            yield Label(
                Text("enter: save · esc: cancel · an existing file is never overwritten"),
                classes="picker-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
