"""Find article files under a folder: recursive, hidden folders skipped, symlink cycles never loop,
symbolic links that lead outside the folder not followed unless asked."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.model import Format

SUFFIXES = {".txt": Format.TEXT, ".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN,
            ".html": Format.HTML, ".htm": Format.HTML}


def format_of(path: str | Path) -> Format | None:
    """The loader name for a file, chosen by suffix, or None when the reader does not read it."""
    return SUFFIXES.get(os.path.splitext(str(path))[1].lower())


#: Why a symbolic link is not followed (the whole sentence a user sees after the path).
OUTSIDE = "symbolic link leads outside the collection; set follow_symlinks = true to read it"
BROKEN = "broken symbolic link: what it points to does not exist"


def discover(
    root: str | Path, on_error: Callable[[str, str], None] | None = None, *, follow_symlinks: bool = False
) -> Iterator[str]:
    """Yield article file paths under ``root`` in sorted order (a file root yields itself).

    Symbolic links (to files or folders) are followed while they lead to somewhere
    inside ``root``; one that leads outside is reported through ``on_error`` with
    :data:`OUTSIDE` and skipped, unless ``follow_symlinks``.  Each real folder is
    visited once, so a cycle ends.  Unreadable folders are reported through ``on_error``.
    """
    root = str(root)
    if not os.path.isdir(root):
        yield root
        return
    seen: set[tuple[int, int]] = set()
    inside = None if follow_symlinks else os.path.realpath(root)
    yield from _walk(root, seen, on_error, inside)


def is_inside(path: str, real_root: str) -> bool:
    """Whether ``path``, with every symbolic link resolved, lies in the folder ``real_root``."""
    real = os.path.realpath(path)
    return real == real_root or real.startswith(os.path.join(real_root, ""))


def _walk(
    folder: str, seen: set[tuple[int, int]], on_error: Callable[[str, str], None] | None,
    inside: str | None,
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
            is_link = entry.is_symlink()
        except OSError:
            continue
        if not is_dir and not format_of(entry.name):
            continue
        if is_link and not os.path.exists(entry.path):
            if on_error:
                on_error(entry.path, BROKEN)
            continue
        if is_link and inside is not None and not is_inside(entry.path, inside):
            if on_error:
                on_error(entry.path, OUTSIDE)
            continue
        if is_dir:
            yield from _walk(entry.path, seen, on_error, inside)
        else:
            yield entry.path
