"""Incremental refresh: stat-walk the collection, analyse only new or changed files, drop the gone.

Analysis runs in worker processes (both cores) in chunks; the main process
writes results in short transactions so another connection sees rows as they
land.  A file that fails is recorded with its reason and retried once its size
or mtime changes.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial

from reader.ingest.names import from_db, to_db
from reader.library import copies
from reader.library.codec import Damaged, Record, encode, fts_fields
from reader.library.types import RefreshCounts
from reader.model import Format
from reader.sanitize import escaped, storable

#: Fewer files than this are analysed in-process (starting workers costs more).
POOL_THRESHOLD = 64
CHUNK = 32
BATCH_SECONDS = 0.5
#: During a long refresh, save the vocabulary for searches this often.
VOCAB_SECONDS = 60.0
#: What a notice says about a stored analysis that does not decode.
DAMAGED = "the cached analysis was damaged"
#: Merge the full-text index into one segment after this many new analyses.
OPTIMIZE_AFTER = 2000


@dataclass(frozen=True, slots=True)
class Job:
    abs_path: str
    rel: str
    size: int
    mtime_ns: int
    old_hash: str | None


@dataclass(frozen=True, slots=True)
class Result:
    job: Job
    hash: str | None
    record: Record | None = None
    failed: str | None = None
    same: bool = False  # content unchanged: only the stat moved


def analyse_job(job: Job) -> Result:
    """Read, hash and analyse one file (runs in a worker process); never raises.

    Reading refuses anything but a regular file, and any exception in the analysis
    makes this file a failure with its reason (reader.ingest.guarded), as in ``reader extract``.
    """
    from reader import analysis
    from reader.config import max_bytes
    from reader.ingest import Failed, format_of, guarded, load_bytes, read_regular

    cap = max_bytes()
    data = guarded(lambda: read_regular(job.abs_path, cap))
    if isinstance(data, Failed):
        return Result(job, None, failed=data.reason)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest == job.old_hash:
        return Result(job, digest, same=True)
    fmt = format_of(job.abs_path) or Format.TEXT
    record = guarded(lambda: encode(analysis.analyse(load_bytes(job.abs_path, data, fmt, cap)), job.rel))
    if isinstance(record, Failed):
        return Result(job, digest, failed=record.reason)
    return Result(job, digest, record=record)


_frozen = False


def analyse_chunk(jobs: list[Job]) -> list[Result]:
    """Analyse a chunk in a worker.  After the first, what the worker keeps (modules, word lists,
    the tagger's weights, loaded on first use) is moved out of the collector's sight
    (``gc.freeze``): the collections of the rest of the refresh then scan only the articles'
    own objects, not those long-lived millions again and again."""
    global _frozen
    out = [analyse_job(j) for j in jobs]
    if not _frozen:
        import gc

        gc.collect()
        gc.freeze()
        _frozen = True
    return out


def results(jobs: list[Job], workers: int) -> Iterator[Result]:
    """Analyse ``jobs``, in worker processes when there are many; yields in the order of ``jobs``
    (so a collection's rows get the same ids whichever worker is faster).

    The workers live for the whole call and import only what analysis needs.  Chunks are handed
    out whenever one is done, not only when the oldest is, so a slow chunk never leaves the other
    worker idle behind it (up to ``workers * 8`` chunks wait, done, for the slow one).
    """
    if len(jobs) < POOL_THRESHOLD or workers <= 1:
        for job in jobs:
            yield analyse_job(job)
        return
    chunks = iter([jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)])
    ctx = multiprocessing.get_context("spawn")  # safe when the caller runs threads (the app)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        queue: deque[Future[list[Result]]] = deque()

        def fill() -> None:
            while sum(not f.done() for f in queue) < workers * 2 and len(queue) < workers * 8:
                nxt = next(chunks, None)
                if nxt is None:
                    return
                queue.append(pool.submit(analyse_chunk, nxt))

        fill()
        while queue:
            head = queue[0]
            while not head.done():
                wait([f for f in queue if not f.done()], return_when=FIRST_COMPLETED)
                fill()
            queue.popleft()
            fill()
            yield from head.result()


def delete_doc(conn: sqlite3.Connection, doc_id: int, notices: list[str] | None = None) -> None:
    row = conn.execute(
        "SELECT path, title, people, speakers, src, analysis FROM docs WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return
    if row[4] is not None and row[5] is not None:
        try:
            fields = fts_fields(row[1], row[2], row[3], row[4], row[5])
        except Damaged:
            # the contentless index needs the old words to forget them; without them its entries
            # stay behind under an id that is never given again (AUTOINCREMENT): never a match
            if notices is not None:
                notices.append(f"{escaped(from_db(row[0]))}: {DAMAGED}; replaced")
        else:
            conn.execute(
                "INSERT INTO fts (fts, rowid, title, people, speakers, body) "
                "VALUES ('delete', ?, ?, ?, ?, ?)",
                (doc_id, *fields),
            )
    copies.release(conn, doc_id)
    conn.execute("DELETE FROM doc_people WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM docs WHERE id = ?", (doc_id,))


def bump(conn: sqlite3.Connection) -> None:
    """Mark the cache as changed (searchers reload their vocabulary)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('generation', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(time.time_ns()),),
    )


def save_vocabulary(conn: sqlite3.Connection) -> None:
    """Copy the index's vocabulary into a plain table, so a search loads it in milliseconds."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM vocab")
        conn.execute("INSERT INTO vocab (term, df) SELECT term, doc FROM fts_terms")
        conn.execute(
            "INSERT INTO meta (key, value) SELECT 'vocab_generation', value FROM meta "
            "WHERE key = 'generation' ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def write_result(
    conn: sqlite3.Connection,
    res: Result,
    notices: list[str] | None = None,
    texts: dict[int, copies.Text] | None = None,
) -> None:
    """Store one result (inside the caller's transaction), replacing any older row for the path;
    ``texts`` gets the new row's :class:`copies.Text` (for :func:`copies.regroup`), when given."""
    job = res.job
    bump(conn)
    path = to_db(job.rel)
    row = conn.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
    if res.same and row is not None:
        conn.execute("UPDATE docs SET size = ?, mtime_ns = ? WHERE id = ?", (job.size, job.mtime_ns, row[0]))
        return
    if row is not None:
        delete_doc(conn, row[0], notices)
    rec = res.record
    if rec is None:
        stem = storable(os.path.splitext(os.path.basename(job.rel))[0])
        why = storable(res.failed or "could not be read")
        conn.execute(
            "INSERT INTO docs (path, size, mtime_ns, hash, title, failed) VALUES (?, ?, ?, ?, ?, ?)",
            (path, job.size, job.mtime_ns, res.hash, stem, why),
        )
        return
    people = "\n".join(rec.people)
    speakers = "\n".join(sorted({s for s, _t in rec.quotes if s}))
    cur = conn.execute(
        "INSERT INTO docs (path, size, mtime_ns, hash, title, source, tags, date, words, people, speakers, "
        "src, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            path,
            job.size,
            job.mtime_ns,
            res.hash,
            rec.title,
            rec.source_name,
            rec.tags,
            rec.date,
            rec.words,
            people,
            speakers,
            rec.src,
            rec.analysis,
        ),
    )
    doc_id = cur.lastrowid
    assert doc_id is not None
    copies.add_marks(conn, doc_id, len(rec.runs), rec.shown, rec.low)
    if texts is not None and rec.runs:
        texts[doc_id] = copies.Text(job.rel, rec.title, rec.runs, rec.shown)
    conn.executemany(
        "INSERT INTO doc_people (doc_id, name) VALUES (?, ?)",
        [(doc_id, n) for n in dict.fromkeys(rec.people)],
    )
    conn.executemany(
        "INSERT INTO quotes (doc_id, seq, speaker, text) VALUES (?, ?, ?, ?)",
        [(doc_id, i, s, t) for i, (s, t) in enumerate(rec.quotes)],
    )
    conn.execute(
        "INSERT INTO fts (rowid, title, people, speakers, body) VALUES (?, ?, ?, ?, ?)",
        (doc_id, rec.title, people, speakers, rec.body),
    )


def _hash(conn: sqlite3.Connection, rel: str) -> str | None:
    row = conn.execute("SELECT hash FROM docs WHERE path = ?", (to_db(rel),)).fetchone()
    return row[0] if row else None


def walk(
    root: str, on_error: Callable[[str, str], None], *, follow_symlinks: bool = False
) -> Iterable[tuple[str, str, int, int]]:
    """(absolute path, relative path, size, mtime_ns) of every article file under ``root``."""
    from reader.ingest import discover

    base = root if os.path.isdir(root) else os.path.dirname(root)
    prefix = os.path.join(base, "")
    for path in discover(root, on_error=on_error, follow_symlinks=follow_symlinks):
        try:
            st = os.stat(path)
        except OSError as exc:
            on_error(path, exc.strerror or str(exc))
            continue
        # discover() yields paths under root as root + name: slicing is exact and far cheaper
        rel = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, base)
        yield path, rel, st.st_size, st.st_mtime_ns


def refresh(
    conn: sqlite3.Connection,
    root: str,
    progress: Callable[[int, int], None] | None,
    notices: list[str],
    workers: int | None = None,
    *,
    follow_symlinks: bool = False,
) -> RefreshCounts:
    """Bring the cache at ``conn`` in line with the files under ``root``; a problem with a folder or
    a link not followed becomes a notice (once, not again on every refresh)."""
    known = {from_db(p): (s, m) for p, s, m in conn.execute("SELECT path, size, mtime_ns FROM docs")}

    prefix = os.path.join(root, "")

    def folder_error(path: str, reason: str) -> None:
        rel = path[len(prefix) :] if path.startswith(prefix) else path
        note = f"{escaped(rel)}: {reason}"
        if note not in notices:
            notices.append(note)

    seen: set[str] = set()
    jobs: list[Job] = []
    for abs_path, rel, size, mtime in walk(root, folder_error, follow_symlinks=follow_symlinks):
        seen.add(rel)
        old = known.get(rel)
        if old is not None and old[0] == size and old[1] == mtime:
            continue
        jobs.append(Job(abs_path, rel, size, mtime, _hash(conn, rel) if old else None))
    gone = [p for p in known if p not in seen]
    moved = _moves(conn, jobs, gone, known)
    if gone:
        conn.execute("BEGIN IMMEDIATE")
        try:
            bump(conn)
            for rel in gone:
                row = conn.execute("SELECT id FROM docs WHERE path = ?", (to_db(rel),)).fetchone()
                if row is not None:
                    delete_doc(conn, row[0], notices)
            copies.regroup(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    added = changed = failed = same = 0
    total = len(jobs)
    if progress:
        progress(0, total)
    nworkers = workers if workers is not None else min(2, os.cpu_count() or 1)
    batch: list[Result] = []
    last = saved_at = time.monotonic()
    done = 0

    def flush() -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            texts: dict[int, copies.Text] = {}  # the new rows' texts, as the workers found them
            for r in batch:
                write_result(conn, r, notices, texts)
            copies.regroup(conn, texts)  # in the same transaction: a reader never sees a copy listed twice
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        batch.clear()

    for res in results(jobs, nworkers):
        done += 1
        batch.append(res)
        if res.same:
            same += 1
        elif res.record is None:
            failed += 1
        elif res.job.old_hash is None and res.job.rel not in known:
            added += 1
        else:
            changed += 1
        now = time.monotonic()
        if now - last >= BATCH_SECONDS or len(batch) >= 2000:
            flush()
            last = now
            if progress:
                progress(done, total)
            if now - saved_at >= VOCAB_SECONDS:
                save_vocabulary(conn)  # searches during a long first index learn the new words
                saved_at = time.monotonic()
    if batch:
        flush()
    if done >= OPTIMIZE_AFTER:
        conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")  # one b-tree: faster queries
    if gone or done:
        save_vocabulary(conn)
    if progress and total:
        progress(done, total)
    unchanged = len(seen) - total + same
    return RefreshCounts(added=added, changed=changed, removed=len(gone), failed=failed, unchanged=unchanged,
                         moved=tuple(moved))


def _moves(conn: sqlite3.Connection, jobs: list[Job], gone: list[str],
           known: dict[str, tuple[int, int]]) -> list[tuple[str, str]]:
    """Files renamed or moved inside the collection: a new path whose bytes hash as a vanished
    path's did, so that the reading state can follow it.  The new path is analysed as any new file
    (its folder may give it another source).  Only new files of a vanished file's size are read
    here, so an ordinary refresh reads nothing more."""
    from reader.config import max_bytes
    from reader.ingest import Failed, guarded, read_regular

    if not gone:
        return []
    by_size: dict[int, list[str]] = {}
    for rel in gone:
        by_size.setdefault(known[rel][0], []).append(rel)
    hashes = {rel: _hash(conn, rel) for rels in by_size.values() for rel in rels}
    cap = max_bytes()
    out: list[tuple[str, str]] = []
    taken: set[str] = set()
    for job in jobs:
        if job.rel in known or job.size not in by_size:
            continue
        data = guarded(partial(read_regular, job.abs_path, cap))
        if isinstance(data, Failed):
            continue
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        old = next((r for r in by_size[job.size] if r not in taken and hashes[r] == digest), None)
        if old is None:
            continue
        taken.add(old)
        out.append((old, job.rel))
    return out
