"""User state (read, starred, position, block choices, settings chosen in the app) in its own SQLite
file in the data folder.

The cache can be deleted or rebuilt at any time; this file never is.  Every
change is one committed transaction (WAL, synchronous=FULL), so a crash right
after a setter returns loses nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from reader.ingest.names import from_db, to_db
from reader.library.readonly import is_unwritable, temporary_copy
from reader.library.types import ArticleState
from reader.sanitize import escaped

Choice = Literal["keep", "hide"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS state (
    path TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS block_choice (
    path TEXT NOT NULL,
    block_hash TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('keep', 'hide')),
    PRIMARY KEY (path, block_hash)
);
"""


def connect_state(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a state database in WAL mode with a busy timeout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(SCHEMA)
    return conn


def block_hash(text: str) -> str:
    """The key of a block choice: a hash of the block's text, stable across cache rebuilds."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class UserState:
    """Read/starred/position per article and keep/hide choices per block, keyed by relative path.

    When the data folder is read-only, a temporary copy of the saved state is used (reads work,
    marks made now are not kept); when a write fails, it is skipped.  Either is said once, in
    ``notices``, never raised.
    """

    def __init__(self, db_path: Path, notices: list[str] | None = None) -> None:
        self.saved_path = db_path
        self.db_path = db_path  # where it is read and written now: the file, or a temporary copy
        self.notices = notices if notices is not None else []
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._write_failed = False
        try:
            self._conn = connect_state(db_path)
        except (OSError, sqlite3.Error) as exc:
            if not is_unwritable(exc):
                raise
            self._temp, self.db_path = temporary_copy(db_path, "reader-state-")
            self._conn = connect_state(self.db_path)
            self._write_failed = True
            self.notices.append(f"cannot save reading state: {escaped(str(db_path.parent))} is read-only; "
                                "read and starred marks made now are not kept")
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()
        if self._temp is not None:
            self._temp.cleanup()

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        with self._lock:
            try:
                self._conn.execute(sql, args)
            except sqlite3.Error as exc:  # read-only, disk full, locked for too long...
                self._failed(exc)

    def _failed(self, exc: sqlite3.Error) -> None:
        """A write that failed: said once in ``notices``, never raised."""
        if not self._write_failed:
            self._write_failed = True
            self.notices.append(f"cannot save reading state in {escaped(str(self.db_path))}: {exc}")

    def get(self, path: str) -> ArticleState:
        with self._lock:
            row = self._conn.execute(
                "SELECT read, starred, position FROM state WHERE path = ?", (to_db(path),)
            ).fetchone()
        if row is None:
            return ArticleState()
        return ArticleState(bool(row[0]), bool(row[1]), max(0, int(row[2])))

    def _set(self, path: str, column: str, value: int) -> None:
        # column is one of three fixed names chosen below, never user input
        sql = (f"INSERT INTO state (path, {column}) VALUES (?, ?) "
               f"ON CONFLICT(path) DO UPDATE SET {column} = excluded.{column}")
        self._write(sql, (to_db(path), value))

    def set_read(self, path: str, read: bool) -> None:
        self._set(path, "read", int(bool(read)))

    def set_read_many(self, paths: list[str], read: bool) -> None:
        """Mark every one of ``paths`` read (or unread) in one transaction: all or none."""
        sql = ("INSERT INTO state (path, read) VALUES (?, ?) "
               "ON CONFLICT(path) DO UPDATE SET read = excluded.read")
        self._write_all([(sql, [(to_db(p), int(bool(read))) for p in paths])])

    def move(self, moves: list[tuple[str, str]]) -> None:
        """Carry the state of each ``(old path, new path)`` to the new path (a file renamed or moved
        in the collection), in one transaction; a new path that has state of its own keeps it."""
        if not moves:
            return
        rows = [(to_db(new), to_db(old), to_db(new)) for old, new in moves]
        self._write_all([(f"UPDATE {table} SET path = ? WHERE path = ? "
                          f"AND NOT EXISTS (SELECT 1 FROM {table} WHERE path = ?)", rows)
                         for table in ("state", "block_choice")])  # fixed names, never user input

    def _write_all(self, batches: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> None:
        """Run each ``(sql, rows)`` with executemany in one transaction: all or none."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for sql, rows in batches:
                        self._conn.executemany(sql, rows)
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._failed(exc)

    def set_starred(self, path: str, starred: bool) -> None:
        self._set(path, "starred", int(bool(starred)))

    def set_position(self, path: str, position: int) -> None:
        if position < 0:
            raise ValueError("position cannot be negative")
        self._set(path, "position", int(position))

    def block_choice(self, path: str, block_text: str) -> Choice | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT choice FROM block_choice WHERE path = ? AND block_hash = ?",
                (to_db(path), block_hash(block_text)),
            ).fetchone()
        if row is None:
            return None
        return "keep" if row[0] == "keep" else "hide"

    def set_block_choice(self, path: str, block_text: str, choice: Choice | None) -> None:
        if choice not in ("keep", "hide", None):
            raise ValueError(f"choice must be 'keep', 'hide' or None, not {choice!r}")
        key = block_hash(block_text)
        if choice is None:
            self._write("DELETE FROM block_choice WHERE path = ? AND block_hash = ?", (to_db(path), key))
        else:
            self._write("INSERT INTO block_choice (path, block_hash, choice) VALUES (?, ?, ?) "
                        "ON CONFLICT(path, block_hash) DO UPDATE SET choice = excluded.choice",
                        (to_db(path), key, choice))

    def setting(self, key: str) -> str | None:
        """A setting chosen in the app (the list order...), or None when never chosen."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self._write("INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def starred(self) -> list[str]:
        """Paths of every starred article."""
        with self._lock:
            return [from_db(r[0]) for r in self._conn.execute(
                "SELECT path FROM state WHERE starred = 1 ORDER BY path")]
