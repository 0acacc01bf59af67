"""The Library: one collection folder, its cache database and the user's state.

Made by :func:`open_library`, shared by the app, the commands and the tests.
Calls borrow a connection from a small pool (WAL: readers never wait for the
refresh that writes), so the list pane can page through rows while a refresh
in another thread or process is still adding them.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from reader import config, paths
from reader.errors import ArticleError, ReaderError
from reader.ingest.discover import OUTSIDE, is_inside
from reader.ingest.names import from_db, to_db
from reader.library import cache, codec, copies
from reader.library.readonly import is_unwritable, temporary_copy
from reader.library.refresh import DAMAGED, Job, analyse_job, delete_doc, refresh, write_result
from reader.library.state import UserState
from reader.library.types import Entry, QuoteRow, RefreshCounts
from reader.model import Article, Span
from reader.sanitize import escaped
from reader.search.engine import LISTED, Searcher, copy_state
from reader.search.types import SearchHit

#: Idle connections kept for reuse; more are opened when calls overlap, and closed after.
POOL_SIZE = 4

ORDERS = {
    # the article's date, else the day the file was last changed (dates are ISO, so text sorts)
    # the same expression as the cache's docs_newest index, so the newest page reads the index
    "newest": "coalesce(d.date, date(d.mtime_ns / 1000000000, 'unixepoch')) DESC, d.path",
    "path": "d.path",
    "title": "d.title COLLATE NOCASE, d.path",
    "date": "d.date DESC, d.path",
    "source": "d.source, d.path",
    "words": "d.words DESC, d.path",
}


def _key(root: Path) -> str:
    return hashlib.blake2b(str(root).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


T = TypeVar("T")


class Library:
    """A collection of article files with its cache and user state."""

    def __init__(
        self,
        root: str | Path,
        *,
        cache_dir: str | Path | None = None,
        data_dir: str | Path | None = None,
        follow_symlinks: bool | None = None,
    ) -> None:
        self.root = Path(root).expanduser().resolve()
        if not self.root.exists():
            raise ReaderError(f"{escaped(str(root))}: no such file or folder")
        key = _key(self.root)
        self.cache_path = Path(cache_dir or paths.cache_dir()) / f"library-{key}.sqlite3"
        self.state_path = Path(data_dir or paths.data_dir()) / f"state-{key}.sqlite3"
        self.notices: list[str] = []
        if follow_symlinks is None:
            follow_symlinks, problem = config.follow_symlinks()
            if problem:
                self.notices.append(problem)
        #: read symbolic links that lead outside the root (the config file's follow_symlinks)
        self.follow_symlinks = follow_symlinks
        try:
            self.state = UserState(self.state_path, notices=self.notices)
        except (OSError, sqlite3.Error) as exc:
            raise ReaderError(f"cannot open the reading state {self.state_path}: {exc}") from None
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        try:
            conn, notes = self._open_cache()
        except (OSError, sqlite3.Error) as exc:
            self.state.close()
            raise ReaderError(f"cannot open the library cache {self.cache_path}: {exc}") from None
        self.notices.extend(notes)
        self._idle: list[sqlite3.Connection] = []
        self._open: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._adopt(conn)
        self._idle.append(conn)
        self._searcher = Searcher()
        self._closed = False
        self._damaged = False  # a call met a damaged cache: the next open must check it

    def _open_cache(self) -> tuple[sqlite3.Connection, list[str]]:
        """The cache, or a temporary copy of it when its folder cannot be written."""
        try:
            return cache.open_cache(self.cache_path, str(self.root))
        except (OSError, sqlite3.Error) as exc:
            if not is_unwritable(exc):
                raise
        saved = self.cache_path
        self._temp, self.cache_path = temporary_copy(saved, "reader-cache-")
        self.notices.append(
            f"cannot save the library cache: {escaped(str(saved.parent))} is read-only; "
            "a temporary copy is used, so what is indexed now is not kept"
        )
        return cache.open_cache(self.cache_path, str(self.root))

    # connections ---------------------------------------------------------
    # A small pool: each call borrows a connection and gives it back, so any number of
    # short-lived worker threads share a few connections, and two calls never share one.
    def _adopt(self, conn: sqlite3.Connection) -> None:
        conn.execute("ATTACH DATABASE ? AS st", (str(self.state.db_path),))  # maybe a temporary copy
        with self._lock:
            self._open.append(conn)

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        if self._closed:
            raise ReaderError("the library is closed")
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = cache.connect(self.cache_path, create=False)
            self._adopt(conn)
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._cache_error(exc) from None
        finally:
            with self._lock:
                if self._closed or len(self._idle) >= POOL_SIZE:
                    self._open.remove(conn)
                    conn.close()
                    if self._closed and not self._open:
                        self._closed_clean()
                else:
                    self._idle.append(conn)

    @contextmanager
    def _writer(self) -> Iterator[sqlite3.Connection]:
        """A connection of its own for writing, without the state database attached: a write
        transaction on a connection with it attached would lock the user's state too."""
        if self._closed:
            raise ReaderError("the library is closed")
        conn = cache.connect(self.cache_path, create=False)
        try:
            yield conn
        except sqlite3.DatabaseError as exc:
            raise self._cache_error(exc) from None
        finally:
            conn.close()

    def _cache_error(self, exc: sqlite3.DatabaseError) -> ReaderError:
        """What to tell the user when the cache fails under a call (never a raw traceback)."""
        if cache.is_damage(exc):
            self._damaged = True
            cache.forget_clean(self.cache_path)
            return ReaderError(
                f"the library cache {self.cache_path} is damaged ({exc}); it is checked "
                "and rebuilt when the reader next opens it (read and starred marks are kept)"
            )
        return ReaderError(f"cannot use the library cache {self.cache_path}: {exc}")

    def close(self) -> None:
        """Close the connections not in use now; ones in use close when their call ends."""
        with self._lock:
            self._closed = True
            for conn in self._idle:
                self._open.remove(conn)
                conn.close()
            self._idle.clear()
            if not self._open:
                self._closed_clean()
        self.state.close()
        if self._temp is not None:
            self._temp.cleanup()

    def _closed_clean(self) -> None:
        """The last connection is closed: let the next open skip the cache's quick check."""
        if not self._damaged and self._temp is None:
            cache.mark_clean(self.cache_path)

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # catalogue -----------------------------------------------------------
    def refresh(self, progress: Callable[[int, int], None] | None = None) -> RefreshCounts:
        """Re-analyse new and changed files, drop deleted ones; ``progress(done, total)``.

        Safe to call from a worker thread while other threads read; a second call
        while one runs, in this process or in another on the same cache, waits for it
        (and then finds its work stored, so little is left to do).
        """
        if not self.root.exists():  # unmounted or moved: keep the catalogue, do not empty it
            raise ReaderError(f"{self.root}: the collection folder is gone (moved or unmounted?)")
        with self._refreshing, cache.refresh_lock(self.cache_path), self._writer() as conn:
            counts = refresh(
                conn, str(self.root), progress, self.notices, follow_symlinks=self.follow_symlinks
            )
        self.state.move(list(counts.moved))  # read and star marks follow a renamed file
        return counts

    def count(self, *, unread_only: bool = False) -> int:
        """How many articles there are (only those not read yet with ``unread_only``); the copies of
        one article count once."""
        with self._conn() as conn:
            if unread_only:
                sql = f"SELECT count(*) FROM docs d WHERE {LISTED} {_UNREAD}"
                return int(conn.execute(sql).fetchone()[0])
            # every row less the copies not listed (a partial index holds only those)
            total = int(conn.execute("SELECT count(*) FROM docs").fetchone()[0])
            return total - int(conn.execute("SELECT count(*) FROM docs WHERE lead <> id").fetchone()[0])

    def entries(
        self, offset: int = 0, limit: int = 100, *, order: str = "path", unread_only: bool = False
    ) -> list[Entry]:
        """One page of list rows in ``order`` (newest, path, title, date, source or words)."""
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        where = f"WHERE {LISTED} {_UNREAD if unread_only else ''}"
        # the page's ids first (through the order's index alone), then only its rows in full
        page = f"SELECT d.id FROM docs d {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?"
        with self._conn() as conn:
            rows = conn.execute(
                f"{_ENTRY} WHERE d.id IN ({page}) ORDER BY {ORDERS[order]}", (max(0, limit), max(0, offset))
            ).fetchall()
            return _with_others(conn, rows)

    def index_of(self, path: str, order: str = "path", *, unread_only: bool = False) -> int | None:
        """Where ``path`` stands in the list in ``order`` (0 first), or None when it is not listed."""
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        where = f"WHERE {LISTED} {_UNREAD if unread_only else ''}"
        with self._conn() as conn:
            row = conn.execute(
                f"SELECT n FROM (SELECT d.path, row_number() OVER (ORDER BY {ORDERS[order]}) - 1 AS n "
                f"FROM docs d {where}) WHERE path = ?",
                (to_db(path),),
            ).fetchone()
        return None if row is None else int(row[0])

    def entry(self, path: str) -> Entry | None:
        """The row of the file at ``path``, listed or not (a copy the list shows under another)."""
        with self._conn() as conn:
            row = conn.execute(f"{_ENTRY} WHERE d.path = ?", (to_db(path),)).fetchone()
            if row is None:
                return None
            entry = _with_others(conn, [row])[0]
            if row[9] is not None and row[9] != row[10]:  # a copy not listed: its article's state
                lead = conn.execute(f"{_ENTRY} WHERE d.id = ?", (row[9],)).fetchone()
                if lead is not None:
                    entry = replace(entry, read=bool(lead[5]), starred=bool(lead[6]))
            return entry

    def copies(self, path: str) -> list[str]:
        """Every file that holds the article at ``path``: the one listed first, then by path
        (``[path]`` alone when it has no copies, ``[]`` when it is not in the catalogue)."""
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT c.path, c.id = c.lead FROM docs d JOIN docs c ON c.lead = d.lead "
                "WHERE d.path = ? ORDER BY c.id = c.lead DESC, c.path", (to_db(path),)).fetchall()
            if not rows:
                known = conn.execute("SELECT 1 FROM docs WHERE path = ?", (to_db(path),)).fetchone()
                return [path] if known else []
        return [from_db(p) for p, _lead in rows]

    def article(self, path: str) -> Article:
        """The analysed article at ``path`` (relative to the root): cached, or analysed again."""
        with self._conn() as conn:
            return self._article(conn, path)

    def _article(self, conn: sqlite3.Connection, path: str) -> Article:
        full = self._full(path)
        row = conn.execute(
            "SELECT size, mtime_ns, failed, src, analysis, hash FROM docs WHERE path = ?", (to_db(path),)
        ).fetchone()
        try:
            st = os.stat(full)
        except OSError as exc:
            raise ArticleError(path, exc.strerror or "cannot be read") from None
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            if row[2] is not None:
                raise ArticleError(path, row[2])
            try:
                return codec.decode(full, row[3], row[4])
            except codec.Damaged as exc:
                self.notices.append(f"{escaped(path)}: {DAMAGED} ({exc}); analysed again from the file")
        return self._analyse(full, path, st.st_size, st.st_mtime_ns)

    def _analyse(self, full: str, path: str, size: int, mtime_ns: int) -> Article:
        """Analyse the file at ``full`` now and store the result (replacing any row for ``path``)."""
        res = analyse_job(Job(full, path, size, mtime_ns, None))
        with self._writer() as w:
            w.execute("BEGIN IMMEDIATE")
            try:
                write_result(w, res)  # the row it replaces may be damaged: that is why we are here
                copies.regroup(w)
                w.execute("COMMIT")
            except BaseException:
                w.execute("ROLLBACK")
                raise
        if res.record is None:
            raise ArticleError(path, res.failed or "could not be read")
        return codec.decode(full, res.record.src, res.record.analysis)

    def check(self) -> list[str]:
        """Decode every stored analysis and analyse again each one that is damaged, with a notice.

        A refresh compares files, not the stored rows; this reads them all (``reader index --check``,
        and a search that met a damaged row).  Returns the paths repaired."""
        damaged: list[tuple[str, str]] = []
        with self._conn() as conn:
            for rel, src, analysis in conn.execute(
                "SELECT path, src, analysis FROM docs WHERE failed IS NULL"
            ):
                try:
                    codec.decode("", src, analysis)
                except codec.Damaged as exc:
                    damaged.append((from_db(rel), str(exc)))
        for rel, why in damaged:
            self.notices.append(f"{escaped(rel)}: {DAMAGED} ({why}); analysed again from the file")
            try:
                full = self._full(rel)
                st = os.stat(full)
            except (OSError, ArticleError):
                self._forget(rel)  # the file went (or is out of reach): the next refresh says so
                continue
            try:
                self._analyse(full, rel, st.st_size, st.st_mtime_ns)
            except ArticleError:
                continue  # stored as this file's failure, which failures() lists
        return [rel for rel, _why in damaged]

    def _forget(self, path: str) -> None:
        with self._writer() as w:
            w.execute("BEGIN IMMEDIATE")
            try:
                row = w.execute("SELECT id FROM docs WHERE path = ?", (to_db(path),)).fetchone()
                if row is not None:
                    delete_doc(w, row[0])
                copies.regroup(w)
                w.execute("COMMIT")
            except BaseException:
                w.execute("ROLLBACK")
                raise

    def file_path(self, path: str) -> str:
        """The absolute path of the article at ``path`` (relative to the collection); raises
        ArticleError when it would lead outside the collection."""
        return self._full(path)

    def _full(self, path: str) -> str:
        if self.root.is_file():
            return str(self.root)
        full = os.path.normpath(os.path.join(self.root, path))
        if os.path.relpath(full, self.root).startswith(".."):
            raise ArticleError(path, "is outside the collection")
        if not self.follow_symlinks and not is_inside(full, str(self.root)):
            raise ArticleError(path, OUTSIDE)
        return full

    def failures(self) -> list[tuple[str, str]]:
        with self._conn() as conn:
            return [
                (from_db(r[0]), r[1])
                for r in conn.execute("SELECT path, failed FROM docs WHERE failed IS NOT NULL ORDER BY path")
            ]

    # people, quotes, search -----------------------------------------------
    def people(self, limit: int | None = None) -> list[tuple[str, int]]:
        """Everyone named in the collection with the number of articles, most frequent first; a
        surname used alone counts for the one full name of the collection it stands for."""
        from reader.analysis.people.collection import merge_counts  # the people package is heavy

        with self._conn() as conn:
            merged = merge_counts(_name_docs(conn))
        return merged if limit is None else merged[: max(0, limit)]

    def names_of(self, person: str) -> list[str]:
        """The names articles use for ``person`` (a name :meth:`people` lists): the name itself
        and each surname used alone that :meth:`people` counts for it."""
        from reader.analysis.people.collection import canonical_names

        with self._conn() as conn:
            names = canonical_names({name: len(set(ids)) for name, ids in _name_docs(conn).items()})
        return sorted(name for name, canon in names.items() if canon == person) or [person]

    def quote_counts(self) -> dict[str, int]:
        """Quotes per speaker, a surname alone counted for the full name :meth:`people` merges it into."""
        from reader.analysis.people.collection import canonical_names

        with self._conn() as conn:
            names = canonical_names({name: len(set(ids)) for name, ids in _name_docs(conn).items()})
            said = conn.execute(
                "SELECT q.speaker, count(*) FROM quotes q JOIN docs d ON d.id = q.doc_id "
                f"WHERE q.speaker <> '' AND {LISTED} GROUP BY q.speaker"
            )
            out: dict[str, int] = {}
            for speaker, n in said:
                name = names.get(str(speaker), str(speaker))
                out[name] = out.get(name, 0) + int(n)
        return out

    def quotes(self, speaker: str | None = None) -> list[QuoteRow]:
        """Every quote (in path order), or only those whose speaker matches ``speaker``; of an
        article with copies, the quotes of the copy the list shows."""
        sql = (
            "SELECT d.path, d.title, q.speaker, q.text FROM quotes q JOIN docs d ON d.id = q.doc_id "
            f"WHERE {LISTED}"
        )
        args: tuple[Any, ...] = ()
        if speaker:
            sql += " AND q.speaker LIKE ?"
            args = (f"%{speaker}%",)
        with self._conn() as conn:
            rows = conn.execute(sql + " ORDER BY d.path, q.seq", args)
            return [QuoteRow(from_db(p), t, s, x) for p, t, s, x in rows]

    def search(self, query: str, limit: int = 50, *, with_matches: bool = False) -> list[SearchHit]:
        """Best matches first; see reader.search.query for the query language."""
        return self._searching(
            lambda conn: self._searcher.search(conn, query, limit, with_matches=with_matches)
        )

    def search_count(self, query: str) -> int:
        """How many articles match ``query``: every word, phrase and filter (not only those listed)."""
        return self._searching(lambda conn: self._searcher.count(conn, query))

    def matches(self, query: str, path: str) -> tuple[Span, ...]:
        """Where ``query`` matched in the article at ``path``, as the search matched it."""
        return self._searching(lambda conn: self._searcher.matches(conn, query, to_db(path)))

    def _searching(self, ask: Callable[[sqlite3.Connection], T]) -> T:
        """``ask`` the search engine; a stored source that does not decode is repaired, then asked again."""
        try:
            with self._conn() as conn:
                return ask(conn)
        except (zlib.error, UnicodeDecodeError):  # a stored source that does not decode
            pass
        self.check()
        with self._conn() as conn:
            return ask(conn)


#: articles not read yet (state lives in the attached user-state database)
def _name_docs(conn: sqlite3.Connection) -> dict[str, list[int]]:
    """The articles that name each person, read in name order (through the name index, so a
    damaged index is met and reported); an article is its listed copy's id, so copies count once."""
    docs: dict[str, list[int]] = {}
    for name, doc_id in conn.execute(
        "SELECT p.name, coalesce(d.lead, p.doc_id) FROM doc_people p LEFT JOIN docs d ON d.id = p.doc_id "
        "ORDER BY p.name"
    ):
        docs.setdefault(str(name), []).append(int(doc_id))
    return docs


_UNREAD = f"AND NOT {copy_state('read')}"
_ENTRY = (
    f"SELECT d.path, d.title, d.source, d.date, d.words, {copy_state('read')}, {copy_state('starred')}, "
    "d.failed, d.copies, d.lead, d.id FROM docs d"
)


def _with_others(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[Entry]:
    """Entries for ``rows`` of _ENTRY, each with the paths of its copies."""
    leads = sorted({int(r[9]) for r in rows if r[9] is not None and int(r[8] or 1) > 1})
    members: dict[int, list[str]] = {}
    for i in range(0, len(leads), 500):
        chunk = leads[i:i + 500]
        for lead, path in conn.execute(
                f"SELECT lead, path FROM docs WHERE lead IN ({','.join('?' * len(chunk))}) "
                "ORDER BY lead, id = lead DESC, path", chunk):
            members.setdefault(int(lead), []).append(from_db(path))
    out = []
    for r in rows:
        path = from_db(r[0])
        group = members.get(int(r[9])) if r[9] is not None else None
        out.append(Entry(
            path=path, title=r[1], source=r[2] or "", date=r[3], words=int(r[4] or 0),
            read=bool(r[5]), starred=bool(r[6]), failed=r[7],
            copies=len(group) if group else 1,
            others=tuple(p for p in group if p != path) if group else (),
        ))
    return out


def open_library(
    root: str | Path,
    *,
    cache_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
    follow_symlinks: bool | None = None,
) -> Library:
    """Open the collection at ``root`` (a folder or one file); call ``refresh()`` to index it.

    ``follow_symlinks`` None reads the config file's setting (default: links that lead
    outside the root are not followed)."""
    return Library(root, cache_dir=cache_dir, data_dir=data_dir, follow_symlinks=follow_symlinks)
