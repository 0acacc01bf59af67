"""The failed files screen: every file (or symbolic link) that could not be read, and why."""

from __future__ import annotations

from rich.text import Text

from reader.sanitize import escaped, inert
from reader.ui.screens._picker import Picker


class FailuresScreen(Picker[str]):
    """Lists (path, reason); nothing to choose, esc closes."""

    def __init__(self, failures: list[tuple[str, str]]) -> None:
        options = []
        for path, reason in failures:
            prompt = Text(escaped(path), style="bold", end="")  # \xNN for bytes that are not UTF-8
            prompt.append(f"\n  {inert(reason)}", style="dim")
            options.append((prompt, path))
        super().__init__(
            f"Files that could not be read ({len(options)})", options,
            hint="esc: close", empty="Every file was read.",
        )
