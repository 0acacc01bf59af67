"""Find article files under a folder: recursive, hidden folders skipped, symlink cycles never loop."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_of(path: str | Path) -> str | None:
    """The loader name for a file, chosen by suffix, or None when the reader does not read it."""
    return SUFFIXES.get(os.path.splitext(str(path))[1].lower())


def discover(
    root: str | Path, on_error: Callable[[str, str], None] | None = None
) -> Iterator[str]:
    """Yield article file paths under ``root`` in sorted order (a file root yields itself).

    Folders are followed through symlinks, but each real folder is visited once,
    so a cycle ends.  Unreadable folders are reported through ``on_error``.
    """
    root = str(root)
    if not os.path.isdir(root):
        yield root
        return
    seen: set[tuple[int, int]] = set()
    yield from _walk(root, seen, on_error)


def _walk(
    folder: str, seen: set[tuple[int, int]], on_error: Callable[[str, str], None] | None
) -> Iterator[str]:
    try:
        st = os.stat(folder)
    except OSError as exc:
        if on_error:
            on_error(folder, exc.strerror or str(exc))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen.add(key)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        if on_error:
            on_error(folder, exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from _walk(entry.path, seen, on_error)
        elif format_of(entry.name):
            yield entry.path
