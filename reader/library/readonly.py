"""When a folder the library writes to is read-only: recognise it, and work on a temporary copy.

The cache and the reading state are SQLite files in WAL mode, which needs to
write beside the file even to read it.  When the folder (or the file, or the
file system) refuses writes, the library copies what was saved into a
temporary folder and works there: everything reads as before, nothing made
now is kept, and the caller says so in one notice.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import quote

_OS = (errno.EACCES, errno.EPERM, errno.EROFS)
_SQLITE = ("readonly", "read-only", "unable to open")


def is_unwritable(exc: BaseException) -> bool:
    """Whether ``exc`` says a file or folder cannot be written (not that it is busy or damaged)."""
    if isinstance(exc, sqlite3.OperationalError):
        return any(w in str(exc) for w in _SQLITE)
    return isinstance(exc, OSError) and exc.errno in _OS


def temporary_copy(path: Path, prefix: str) -> tuple[tempfile.TemporaryDirectory[str], Path]:
    """A temporary folder holding a copy of the database at ``path`` (or nothing, when it is absent
    or cannot be read); returns the folder (clean it up when done) and the copy's path."""
    folder = tempfile.TemporaryDirectory(prefix=prefix)
    target = Path(folder.name) / path.name
    if path.exists():
        try:
            # immutable: nothing is written beside the original, not even a lock
            src = sqlite3.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True)
            try:
                dst = sqlite3.connect(target)
                with contextlib.closing(dst):
                    src.backup(dst)
            finally:
                src.close()
        except sqlite3.Error:
            target.unlink(missing_ok=True)  # unreadable or damaged: start from nothing
    return folder, target
