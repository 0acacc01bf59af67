"""Reading one article file safely, and the one rule for what a failing file is told.

:func:`read_regular` is the only way the reader takes bytes from a user's file
(``reader extract`` and the library both use it): a FIFO, a device or a socket
named like an article is refused before anything is read, so nothing blocks.
:func:`guarded` runs one file's analysis so that any exception costs that file
only, with a reason from :func:`failure_reason`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from reader.errors import ArticleError

T = TypeVar("T")

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO", "a character device", ...)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _refusal(path: str, mode: int) -> ArticleError:
    if stat.S_ISDIR(mode):
        return ArticleError(path, "is a folder, not a file")
    return ArticleError(path, f"not a regular file ({file_kind(mode)})")


def read_regular(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the regular file at ``path``; raise ArticleError otherwise.

    The file is opened without blocking and without becoming a controlling terminal,
    then the opened descriptor is checked (no window between a check and the open).
    """
    if max_bytes < 1:
        raise ValueError("max_bytes must be positive")
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _open_error(path, exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refusal(path, mode)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ArticleError(path, _why(exc)) from None
    finally:
        os.close(fd)


def _open_error(path: str, exc: OSError) -> ArticleError:
    if exc.errno == errno.ENOENT:
        why = "broken symbolic link" if os.path.islink(path) else "no such file (deleted?)"
        return ArticleError(path, why)
    if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        try:
            return _refusal(path, os.stat(path).st_mode)
        except OSError:
            pass
    if exc.errno == errno.ELOOP:
        return ArticleError(path, "symbolic link loop")
    return ArticleError(path, _why(exc))


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return exc.strerror or str(exc)


def failure_reason(exc: BaseException) -> str:
    """What to tell the user about a file whose reading or analysis raised ``exc``."""
    if isinstance(exc, ArticleError):
        return exc.reason
    if isinstance(exc, RecursionError):
        return "structure nested too deeply to analyse"
    if isinstance(exc, MemoryError):
        return "too large to analyse (out of memory)"
    return f"internal error, please report it: {type(exc).__name__}: {exc}"


@dataclass(frozen=True, slots=True)
class Failed:
    """One file could not be read or analysed; ``reason`` says why, for the user."""

    reason: str

    def __post_init__(self) -> None:
        if not self.reason:
            raise ValueError("a failure needs a reason")


def guarded(work: Callable[[], T]) -> T | Failed:
    """``work()``, or Failed when it raises: a bug in one file's analysis must cost that file only."""
    try:
        return work()
    except Exception as exc:  # every exception: named through failure_reason, never hidden
        return Failed(failure_reason(exc))
