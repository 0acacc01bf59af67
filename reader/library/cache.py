"""The cache database: catalogue, stored analyses, full-text index.

Always safe to delete.  :func:`open_cache` checks the file on open and, when it
is damaged, truncated or from another schema version, rebuilds it empty and
says so (the caller shows the notice; a refresh then fills it again).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.sanitize import storable

SCHEMA_VERSION = "29"  # 4: docs ids are never reused (AUTOINCREMENT); 5: quotes keep speaker_is_org;
# 6: HTML articles keep their display blocks; 7: Markdown analysed by rendered blocks, docs.tags;
# 8: the name tagger, speaker and boilerplate changes of issues 13 and 14 (analyses redone);
# 9: text-dump boilerplate and headlines, quote speakers chosen by the learned ranker, HTML
# articles found through the density scorer's region (issues 13, 14, 16);
# 10: headline scare quotes dropped as body ones are (issue 14);
# 11: HTML blocks of the density scorer's article kept where it agrees with trafilatura (issue 13)
# 12: fewer firms among people, and the collection lists only names shown to be people's (issue 14)
# 13: text dumps: a chart's labels, a bulleted list and displayed formulas keep the article one run
# 14: copies of one article grouped (docs.lead, docs.copies, the marks table; issue 15)
# 15: the three text-dump rules of 13 taken back (each moved one dev page only)
# 16: text dumps: the second look lets a chart's figures join the article, never what is above its headline
# 17: HTML pages are titled by the <h1> that their og:title or <title> agrees with (issue 13)
# 18: HTML: a paragraph or heading repeating the headline is hidden, as in text dumps
# 19: text dumps: a comment thread inside the article run (post heads, reply buttons) is cut off
# 20: HTML: permalink signs after headings (¶, #) are no text
# 21: quote speakers: the subject of the reporting clause when a clause holds several names; scare
#     quotes in a sentence opening with a person's name kept; Title-Case words on a sign or in a
#     chant are quotes, not names of works; quotation marks that lost their space pair (issue 14)
# 22: text dumps: a first line with a site's separator is the page title even when it holds a stop
# 23: text dumps: a label that is a small piece of the page title is not the headline
# 24: employers, company suffixes, dates and plural roles are no people; a lower-case noun before
#     one word lists it no more (issue 14)
# 25: copies' run hashes are CRC-32s of words hashed as a tuple (ten times cheaper); the stored
#     schema names the interpreter's hash as well, since a run hash depends on it (SCHEMA_KEY)
# 26: text dumps: an article printed twice is shown once (never hidden twice), a comment thread
#     or a section of readers' views ends the article by its structure, and a page dumped one
#     block per line is not read as hard-wrapped
#     HTML: plain text of the density scorer's container that sits alone between two article
#     parts (a formula, a short loose line) is the article's, and so is unlinked prose of an
#     aside or related box there (a pull quote, a side note); a list item of trafilatura's
#     holding a heading or paragraph is split into parts; a line repeating the headline with
#     other quotation marks or spacing is hidden as the repeated title (issue 13)
#     headlines by agreement (issue 13): text dumps take the headline shown above the byline or
#     backed by the article's opening; HTML takes a page header's <h1>, strips site names by address
#     quotes: a quote left open at a line's end runs on over a hard-wrapped paragraph's lines (issue 14),
#     whose line breaks quotes read as spaces; people: a name broken over a line is one name
#     text dumps: a full line of a hard-wrapped text goes on to the next even after a full stop
# 27: people: a capitalised 'Administration' ends a name, as other institution words do, and so
#     do the words of countries named in two words ('Costa Rica', 'Sri Lanka');
#     quotes: a text quoting with single marks (British style) pairs them first (issue 14), and
#     in a hard-wrapped text every paragraph of long lines reads its line breaks as spaces
# 28: quotes: one left open inside a paragraph runs to its end, chants of "..." are words (issue 14)
# 29: copies: each row's sketch (its smallest run hashes, run count and shown words, the sketches table)

#: what the cache's meta row 'schema' holds: the version above and the interpreter whose hash made
#: the copies' run hashes (reader.library.copies.shingles), so another one rebuilds the cache
SCHEMA_KEY = f"{SCHEMA_VERSION}/{sys.implementation.cache_tag}/{sys.hash_info.width}"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    lead INTEGER,  -- these two early in the row: a scan reads them without the overflow pages
    copies INTEGER NOT NULL DEFAULT 1,
    hash TEXT,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    date TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    failed TEXT,
    people TEXT NOT NULL DEFAULT '',
    speakers TEXT NOT NULL DEFAULT '',
    src BLOB,
    analysis BLOB
);
CREATE INDEX IF NOT EXISTS docs_stat ON docs (path, size, mtime_ns);
CREATE INDEX IF NOT EXISTS docs_title ON docs (title COLLATE NOCASE, path);
CREATE INDEX IF NOT EXISTS docs_date ON docs (date DESC, path);
CREATE INDEX IF NOT EXISTS docs_source ON docs (source, path);
CREATE INDEX IF NOT EXISTS docs_words ON docs (words DESC, path);
CREATE INDEX IF NOT EXISTS docs_newest
    ON docs (coalesce(date, date(mtime_ns / 1000000000, 'unixepoch')) DESC, path);
CREATE INDEX IF NOT EXISTS docs_failed ON docs (path) WHERE failed IS NOT NULL;
CREATE INDEX IF NOT EXISTS docs_lead ON docs (lead);
CREATE INDEX IF NOT EXISTS docs_copy ON docs (lead) WHERE lead <> id;
CREATE TABLE IF NOT EXISTS marks (mark INTEGER NOT NULL, doc_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS marks_mark ON marks (mark);
CREATE INDEX IF NOT EXISTS marks_doc ON marks (doc_id);
CREATE TABLE IF NOT EXISTS sketches (
    doc_id INTEGER PRIMARY KEY, runs INTEGER NOT NULL, shown INTEGER NOT NULL, low BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS doc_people (doc_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_people_doc ON doc_people (doc_id);
CREATE INDEX IF NOT EXISTS doc_people_name ON doc_people (name);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id INTEGER NOT NULL, seq INTEGER NOT NULL, speaker TEXT, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    title, people, speakers, body,
    content='', columnsize=0, tokenize="unicode61 remove_diacritics 2");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_terms USING fts5vocab (fts, 'row');
CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""

_TABLES = ("meta", "docs", "doc_people", "quotes", "fts", "vocab", "marks", "sketches")
_MAGIC = b"SQLite format 3\x00"


class CacheDamaged(Exception):
    """The cache file cannot be used as it is (internal: it is rebuilt, never shown raw)."""


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection with the settings every user of the cache needs (WAL, busy timeout)."""
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    if create:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise CacheDamaged(f"cannot switch to WAL mode ({mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -8000")  # KiB: 8 MB per connection
    return conn


def _check(path: Path) -> None:
    """Raise CacheDamaged unless ``path`` is absent or looks like a usable cache."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        return
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100 or head[:16] != _MAGIC:
        raise CacheDamaged("not an SQLite database")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    wal = Path(str(path) + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    if wal_empty and pages and page_size and size < pages * page_size:
        raise CacheDamaged(f"file is truncated ({size} of {pages * page_size} bytes)")
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if names and not set(_TABLES) <= names:
            raise CacheDamaged("tables are missing")
        if names:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_KEY:
                raise CacheDamaged("made by another version of the reader")
            conn.execute("SELECT max(id) FROM docs").fetchone()
            conn.execute("SELECT id, block FROM fts_data WHERE id <= 10").fetchall()
            # every page and index, without the slower cross-checks of integrity_check
            problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if problem != "ok":
                raise CacheDamaged(f"integrity check: {problem}")
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        raise CacheDamaged(str(exc)) from None
    finally:
        conn.close()


def is_damage(exc: Exception) -> bool:
    """False for errors that say the file is busy or out of reach: such a cache is never deleted."""
    if isinstance(exc, sqlite3.OperationalError):
        return not any(w in str(exc) for w in ("locked", "busy", "unable to open", "readonly"))
    return True


def remove(path: Path) -> None:
    """Delete a cache file and its WAL companions (not the refresh lock: another process may hold it)."""
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm"), Path(str(path) + "-journal"),
              clean_path(path)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(p)


#: How often a refresher waiting for another one's lock tries again (seconds).
LOCK_POLL = 0.05


def lock_path(path: Path) -> Path:
    return Path(str(path) + "-refresh.lock")


@contextlib.contextmanager
def refresh_lock(path: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the refresh lock of the cache at ``path`` for the block: a refresher in another
    process (the app and ``reader index`` at once) waits here until the first is done, and then
    finds its work stored instead of analysing every file again.

    The lock is the operating system's on a file beside the cache, so it goes with the process
    that held it, however that ends.  ``waiting`` is called once when another process holds it.
    Where no such lock can be taken (a folder that refuses the file, no ``fcntl``), the refresh
    goes on without it.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (rows still land one transaction at a time)
        yield
        return
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and waiting is not None:
                    waiting()
                told = True
                time.sleep(LOCK_POLL)
            except OSError:  # the file system has no locks: go on without
                break
        yield
    finally:
        os.close(fd)  # releases the lock


def clean_path(path: Path) -> Path:
    """Where a clean close records the cache file's size and time (see :func:`mark_clean`)."""
    return Path(str(path) + "-clean")


def _stamp(path: Path) -> str | None:
    """The cache file's size and modification time, when no write-ahead log is pending."""
    wal = Path(str(path) + "-wal")
    try:
        if wal.exists() and wal.stat().st_size:
            return None
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns}"


def mark_clean(path: Path) -> None:
    """After the last connection closed cleanly: remember the file as it is now, so the next open
    can skip the quick check (a full read of the file: seconds at 100,000 articles) when nothing
    touched the file since. A crash leaves no mark, and any later write changes the stamp."""
    stamp = _stamp(path)
    if stamp is None:
        return
    mark = clean_path(path)
    tmp = Path(f"{mark}.{os.getpid()}.tmp")
    try:
        tmp.write_text(stamp, encoding="ascii")
        os.replace(tmp, mark)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def forget_clean(path: Path) -> None:
    """The next open checks the file again (it is being written, or it failed under a call)."""
    with contextlib.suppress(OSError):
        os.unlink(clean_path(path))


def _closed_clean(path: Path) -> bool:
    try:
        mark = clean_path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return False
    return mark == _stamp(path)


def open_cache(path: Path, root: str) -> tuple[sqlite3.Connection, list[str]]:
    """Open (creating, or rebuilding when damaged) the cache at ``path``; return it and notices.
    The file is checked unless the last reader to use it closed it cleanly and left it untouched."""
    notices: list[str] = []
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = _closed_clean(path)
    forget_clean(path)
    try:
        if not clean:
            _check(path)
        conn = _create(path, root)
    except (CacheDamaged, sqlite3.DatabaseError) as exc:
        if not is_damage(exc):
            raise
        notices.append(
            f"The library cache {path} was unusable ({exc}); it was rebuilt "
            "and the collection will be indexed again. Read and starred marks are kept."
        )
        remove(path)
        conn = _create(path, root)
    return conn, notices


def _create(path: Path, root: str) -> sqlite3.Connection:
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for stmt in SCHEMA.split(";"):
            if stmt.strip():
                conn.execute(stmt)
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_KEY,))
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('root', ?)", (storable(root),))
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        raise
    return conn
