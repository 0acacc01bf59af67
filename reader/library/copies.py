"""Copies of one article (the .txt and .html saves of one page, one file saved twice) as one group.

Two files are copies when the words they show as the article are nearly the same: the body and
heading blocks that are not folded away, lower-cased and without accents (the title, byline,
captions and furniture are left out, since the saves of one page differ most there).  Those words
are cut into overlapping runs of :data:`SHINGLE` words, each hashed; a file's *marks* are the
:data:`MARKS` smallest hashes (a bottom-k sketch), kept in the ``marks`` table.  Files that share
a mark are candidates, and a candidate is a copy only when the shorter text's runs are nearly all
in the longer one (:data:`CONTAINS`) and it is not much shorter (:data:`LENGTH`), so a shared
template, a headline or a quoted paragraph alone never makes two articles one.  Most candidates
are ruled out without their texts, from each row's *sketch* (its :data:`SKETCH` smallest run
hashes, a superset of its marks, with its run count and shown words, in the ``sketches`` table):
see :func:`unlikely`.  A short text
(:data:`SHORT`) must have the same title as well: two notes may share their one sentence.

Each group is listed once, as its best copy (``docs.lead`` holds that copy's id, ``docs.copies``
the group's size); see :func:`best`.  A row not grouped yet has ``lead`` NULL and is listed on its
own until :func:`regroup` runs (in the same transaction as the writes that made it so).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.ingest.discover import format_of
from reader.ingest.names import from_db
from reader.model import Article, BlockKind, Format
from reader.search.fold import WORD, fold

#: words in one run (shingle)
SHINGLE = 5
#: smallest run hashes kept per file, each a way to find its copies
MARKS = 8
#: two files are copies when at least this share of the shorter one's runs are in the other...
#: (the .txt, .md and .html saves of one page score 0.90-1.00 in both halves of a test collection,
#: a short one lower when a furniture line stays shown in one save; different articles in the BBC
#: set score at most 0.79: bench/bench_copies.py)
CONTAINS = 0.85
#: ...and the shorter one has at least this share of the longer one's runs
LENGTH = 0.5
#: a text of fewer shown words than this is a copy of another only when their titles are the same
#: too (short notes and briefs share whole sentences more often than long articles do)
SHORT = 40
#: a mark more files than this share is some common phrase: it proposes no candidates
COMMON = 50
#: a copy with at least this share of the longest copy's words may be the one shown
FULL = 0.8
#: smallest run hashes kept per file in its sketch (512 bytes), to rule candidates out unread
SKETCH = 64
#: a candidate is read and compared only when at least this share of the shorter text's sketched
#: runs that the longer one's sketch can answer for are in it (true copies share 0.85 or more)...
LIKELY = 0.5
#: ...once at least this many can be answered for; with fewer it is always read and compared
ANSWERED = 16
#: which save of a page is shown first: the one with links and structure
FORMAT_RANK = {Format.HTML: 0, Format.MARKDOWN: 1, Format.TEXT: 2}

_KINDS = frozenset({BlockKind.BODY.value, BlockKind.HEADING.value})


def words_of(source: str, blocks: Iterable[tuple[str, int, int, bool]]) -> list[str]:
    """The folded words of the shown body and heading blocks ``(kind, start, end, hidden)``."""
    out: list[str] = []
    for kind, start, end, hidden in blocks:
        if not hidden and kind in _KINDS:
            out.extend(WORD.findall(fold(source[start:end])))
    return out


def article_words(article: Article) -> list[str]:
    return words_of(
        article.source, ((b.kind.value, b.span.start, b.span.end, b.hidden) for b in article.blocks)
    )


def shingles(words: Sequence[str]) -> frozenset[int]:
    """Hashes of every run of SHINGLE words (the whole text as one run when it is shorter).

    Each word is a CRC-32 of its UTF-8 and a run the hash of the tuple of its words' CRCs: a
    CPython tuple of ints hashes the same in every process (no per-process seed, unlike a str),
    and both steps run in C, about ten times faster than one blake2b per run.  The value depends
    on the interpreter's hash, which is why the cache's schema names it (reader.library.cache)."""
    if not words:
        return frozenset()
    c = [zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words]
    if len(c) <= SHINGLE:
        return frozenset({hash(tuple(c))})
    return frozenset(map(hash, zip(*(c[i:] for i in range(SHINGLE)), strict=False)))


@dataclass(frozen=True, slots=True)
class Sketch:
    """What ruling a candidate out needs of a text: how many runs it has, its shown words and its
    SKETCH smallest run hashes, ascending (all of them when it has fewer)."""

    runs: int
    shown: int
    low: array[int]  # ascending
    have: frozenset[int]  # the same hashes, to look up


def sketch_bytes(runs: frozenset[int]) -> bytes:
    """The SKETCH smallest of ``runs``, ascending, packed as stored (cut in the worker, not the writer)."""
    return array("q", sorted(runs)[:SKETCH]).tobytes()


def unpacked(runs: int, shown: int, low: bytes) -> Sketch:
    values = array("q")
    values.frombytes(low)
    return Sketch(runs, shown, values, frozenset(values))


def sketch_of(runs: frozenset[int], shown: int) -> Sketch:
    return unpacked(len(runs), shown, sketch_bytes(runs))


def unlikely(a: Sketch | None, b: Sketch | None) -> bool:
    """Whether two texts cannot be copies (no text, or :func:`same_article`'s length test), or almost
    surely are not: of the shorter text's sketched runs no larger than the longer one's largest
    sketched hash (for those, being in the longer text and being in its sketch are the same thing;
    all of them when its sketch holds all its runs), fewer than LIKELY are in the longer one.
    Those runs are a sample of the shorter text's runs drawn by hash, so the share estimates how
    much of it the longer one contains: a true copy (0.85 or more) comes out under LIKELY with
    ANSWERED runs less than twice in ten thousand, and a text that shares one quoted paragraph
    (0.1-0.3 of it) at least 93 times in a hundred (more with more runs answered).  A pair let
    through is only read and compared: the sketches never decide that two texts are copies."""
    if a is None or b is None or not a.runs or not b.runs:
        return True
    small, big = (a, b) if a.runs <= b.runs else (b, a)
    if small.runs < LENGTH * big.runs:
        return True
    answered = small.low if big.runs <= SKETCH else small.low[: bisect_right(small.low, big.low[-1])]
    if len(answered) < ANSWERED:
        return False
    return len(big.have.intersection(answered)) < LIKELY * len(answered)


def same_article(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether two texts (their run hashes) are copies of one article."""
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < LENGTH * len(big):
        return False
    return len(small & big) >= CONTAINS * len(small)


@dataclass(frozen=True, slots=True)
class Text:
    """What deciding on copies needs of one file: its path, title, run hashes and shown words."""

    path: str
    title: str
    runs: frozenset[int]
    words: int


def copies_of(a: Text, b: Text) -> bool:
    """Whether two files hold the same article: their texts (:func:`same_article`), and for a
    short text their titles too (nearly all the shorter title's words in the other)."""
    if min(a.words, b.words) < SHORT:
        ta, tb = set(WORD.findall(fold(a.title))), set(WORD.findall(fold(b.title)))
        small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        if len(small & big) < CONTAINS * max(1, len(small)):
            return False
    return same_article(a.runs, b.runs)


def best(members: Sequence[tuple[int, str, int]]) -> int:
    """The id of the copy to show, from ``(id, path, shown words)``: among the copies with at least
    FULL of the longest one's words, HTML before Markdown before a text dump, then the longer,
    then the first path."""
    most = max(w for _i, _p, w in members)

    def key(m: tuple[int, str, int]) -> tuple[bool, int, int, str]:
        _doc_id, path, words = m
        fmt = format_of(path) or Format.TEXT
        return (words < FULL * most, FORMAT_RANK.get(fmt, 3), -words, path)

    return min(members, key=key)[0]


def release(conn: sqlite3.Connection, doc_id: int) -> None:
    """Before ``doc_id`` is deleted: its group is grouped again by the next :func:`regroup`."""
    row = conn.execute("SELECT lead FROM docs WHERE id = ?", (doc_id,)).fetchone()
    if row is not None and row[0] is not None:
        conn.execute("UPDATE docs SET lead = NULL WHERE lead = ?", (row[0],))
    conn.execute("DELETE FROM marks WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM sketches WHERE doc_id = ?", (doc_id,))


def add_marks(conn: sqlite3.Connection, doc_id: int, runs: int, shown: int, low: bytes) -> None:
    """Store a new row's marks and sketch: its run count, shown words and :func:`sketch_bytes`."""
    hashes = array("q")
    hashes.frombytes(low)
    conn.executemany("INSERT INTO marks (mark, doc_id) VALUES (?, ?)", [(m, doc_id) for m in hashes[:MARKS]])
    conn.execute(
        "INSERT INTO sketches (doc_id, runs, shown, low) VALUES (?, ?, ?, ?)", (doc_id, runs, shown, low)
    )


def _sketches(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Sketch]:
    out: dict[int, Sketch] = {}
    for chunk in _chunks(sorted(ids)):
        q = ",".join("?" * len(chunk))
        for doc_id, runs, shown, low in conn.execute(
            f"SELECT doc_id, runs, shown, low FROM sketches WHERE doc_id IN ({q})", chunk
        ):
            out[int(doc_id)] = unpacked(int(runs), int(shown), low)
    return out


def _members(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """id -> (path, shown words), what :func:`best` needs, without reading the texts."""
    out: dict[int, tuple[str, int]] = {}
    for chunk in _chunks(sorted(ids)):
        q = ",".join("?" * len(chunk))
        for doc_id, path, shown in conn.execute(
            f"SELECT d.id, d.path, coalesce(s.shown, 0) FROM docs d LEFT JOIN sketches s ON s.doc_id = d.id "
            f"WHERE d.id IN ({q})",
            chunk,
        ):
            out[int(doc_id)] = (from_db(path), int(shown))
    return out


def _chunks(ids: Sequence[int], n: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), n):
        yield list(ids[i : i + n])


def _candidates(conn: sqlite3.Connection, ids: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs (a, b), a in ``ids``, that share a mark few files share."""
    pairs: set[tuple[int, int]] = set()
    for chunk in _chunks(ids):
        q = ",".join("?" * len(chunk))
        for a, b in conn.execute(
            f"SELECT a.doc_id, b.doc_id FROM marks a JOIN marks b ON b.mark = a.mark "
            f"WHERE a.doc_id IN ({q}) AND b.doc_id <> a.doc_id "
            f"AND (SELECT count(*) FROM marks c WHERE c.mark = a.mark) <= {COMMON}",
            chunk,
        ):
            pairs.add((int(a), int(b)))
    return pairs


def _texts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Text]:
    """id -> its Text, from the stored title, source and analysis."""
    out: dict[int, Text] = {}
    for chunk in _chunks(ids):
        q = ",".join("?" * len(chunk))
        for doc_id, path, title, src, analysis in conn.execute(
            f"SELECT id, path, title, src, analysis FROM docs WHERE id IN ({q})", chunk
        ):
            words: list[str] = []
            try:
                source = zlib.decompress(src).decode("utf-8", "surrogatepass")
                rows = json.loads(zlib.decompress(analysis))["b"]
                words = words_of(source, ((str(k), int(s), int(e), bool(h)) for k, s, e, h, *_r in rows))
            except (zlib.error, ValueError, KeyError, TypeError):
                pass  # a damaged row (or a failed file): copies of nothing
            out[int(doc_id)] = Text(from_db(path), str(title), shingles(words), len(words))
    return out


def _known_texts(
    conn: sqlite3.Connection, ids: set[int], known: Mapping[int, Text] | None
) -> dict[int, Text]:
    """The texts of ``ids``: from ``known`` where it has them, else read from their rows."""
    texts = {i: known[i] for i in ids if i in known} if known else {}
    texts.update(_texts(conn, sorted(ids - texts.keys())))
    return texts


def regroup(conn: sqlite3.Connection, known: Mapping[int, Text] | None = None) -> int:
    """Group every row not grouped yet with its copies (inside the caller's transaction); returns
    how many rows were looked at.

    Groups already made stay as they are and only grow: a row that changed or went away has left
    its group (:func:`release` ungroups the rest of it), so the rows to decide are the ungrouped
    ones.  Only their pairs with a candidate are looked at, a pair that its sketches rule out
    (:func:`unlikely`) without reading either text; a candidate's group joins whole, and only
    groups that gained a row are written.  ``known`` holds texts the caller already has (the rows
    it has just written, as the workers found them), which are not read back and cut again."""
    dirty = [int(r[0]) for r in conn.execute("SELECT id FROM docs WHERE lead IS NULL")]
    if not dirty:
        return 0
    fresh = set(dirty)
    pairs = {(min(a, b), max(a, b)) for a, b in _candidates(conn, dirty)}
    near = {i for p in pairs for i in p}
    lead_of: dict[int, int] = {}
    for chunk in _chunks(sorted(near - fresh)):
        q = ",".join("?" * len(chunk))
        for doc_id, lead in conn.execute(f"SELECT id, lead FROM docs WHERE id IN ({q})", chunk):
            lead_of[int(doc_id)] = int(lead)
    sketches = _sketches(conn, near)
    likely = [
        (a, b) for a, b in sorted(pairs)
        if (a in fresh or b in fresh) and not unlikely(sketches.get(a), sketches.get(b))
    ]
    texts = _known_texts(conn, {i for p in likely for i in p}, known)
    parent = {i: i for i in fresh | near}
    for i, lead in lead_of.items():  # a grouped candidate stands for its whole group
        parent.setdefault(lead, lead)
        parent[i] = lead

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in likely:
        if find(a) != find(b) and copies_of(texts[a], texts[b]):
            parent[find(a)] = find(b)
    grown: dict[int, set[int]] = {}
    for i in fresh:
        grown.setdefault(find(i), set()).add(i)
    joined = sorted({lead for lead in set(lead_of.values()) if find(lead) in grown})
    for chunk in _chunks(joined):  # the rows of every old group that gained one
        q = ",".join("?" * len(chunk))
        for doc_id, lead in conn.execute(f"SELECT id, lead FROM docs WHERE lead IN ({q})", chunk):
            grown[find(int(lead))].add(int(doc_id))
    several = [m for m in grown.values() if len(m) > 1]
    info = _members(conn, {i for m in several for i in m})
    updates: list[tuple[int, int, int]] = []
    for members in grown.values():
        if len(members) == 1:
            (only,) = members
            updates.append((only, 1, only))
            continue
        lead = best([(i, *info[i]) for i in sorted(members)])
        updates.extend((lead, len(members), i) for i in members)
    conn.executemany("UPDATE docs SET lead = ?, copies = ? WHERE id = ?", updates)
    return len(fresh | near)
