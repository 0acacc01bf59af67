"""One base error for the project; each subclass carries a message a user can act on."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the reader raises on purpose."""


class ArticleError(ReaderError):
    """A file could not be turned into an article; the message names the file and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(ArticleError):
    """The file's suffix is not one the reader knows."""


class UsageError(ReaderError):
    """The command line was wrong; exit status 2."""
