"""What a search needs of each candidate article, kept between keystrokes.

Typing one more letter mostly re-ranks the same candidates, so their fields
(folded and split into words once) and their sources for snippets are kept
in memory, bounded, and dropped whenever the cache changes.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from reader.ingest.names import from_db
from reader.model import BlockKind
from reader.search.fold import WORD, fold

V = TypeVar("V")


@dataclass(frozen=True)
class Shown:
    """An article's source as a snippet may quote it: only its shown blocks (not the title).

    ``folded`` is the folded source with everything outside a shown block blanked (same
    length, so offsets still point into ``source``); ``blocks`` are the shown blocks' spans.
    """

    source: str
    folded: str
    blocks: tuple[tuple[int, int], ...]


def shown_text(source: str, folded: str, blocks: list[tuple[int, int]]) -> Shown:
    """``folded`` with only ``blocks`` (spans into ``source``) left, the rest blanked."""
    out: list[str] = []
    pos = 0
    kept: list[tuple[int, int]] = []
    for s, e in sorted(blocks):
        s, e = max(s, pos), min(e, len(folded))
        if e <= s:
            continue
        out.append(" " * (s - pos))
        out.append(folded[s:e])
        kept.append((s, e))
        pos = e
    out.append(" " * (len(folded) - pos))
    return Shown(source, "".join(out), tuple(kept))


@dataclass(frozen=True)
class DocFields:
    path: str
    title: str
    folded_title: str
    title_words: frozenset[str]
    people_words: frozenset[str]
    speaker_words: frozenset[str]


def _fetch(conn: sqlite3.Connection, sql: str, ids: list[int]) -> Iterable[tuple[object, ...]]:
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk)


_KINDS = frozenset(k.value for k in BlockKind)


def _recent(cache: OrderedDict[int, V], ids: list[int], limit: int) -> dict[int, V]:
    """The cached values of ``ids`` (those present), marked as just used; the least recently used
    entries beyond ``limit`` are dropped."""
    out = {}
    for i in ids:
        if i in cache:
            cache.move_to_end(i)
            out[i] = cache[i]
    while len(cache) > limit:
        cache.popitem(last=False)
    return out


def _shown_blocks(analysis: object, n: int) -> list[tuple[int, int]] | None:
    """Spans of the shown blocks (not the title: the row shows it) in a stored analysis, or None
    when it does not decode into blocks that fit a source of ``n`` characters."""
    if not isinstance(analysis, bytes):
        return None
    try:
        rows = json.loads(zlib.decompress(analysis))["b"]
        blocks = [(str(b[0]), int(b[1]), int(b[2]), bool(b[3])) for b in rows]
    except (zlib.error, ValueError, KeyError, TypeError, IndexError):
        return None
    if any(k not in _KINDS or not 0 <= s <= e <= n for k, s, e, _h in blocks):
        return None
    return [(s, e) for k, s, e, hidden in blocks if not hidden and k != BlockKind.TITLE.value]


class DocCache:
    """Bounded memory of candidate fields and article sources, for one cache generation."""

    def __init__(self, fields: int = 5000, sources: int = 200) -> None:
        self._max_fields, self._max_sources = fields, sources
        self._fields: dict[int, DocFields] = {}
        self._sources: OrderedDict[int, tuple[str, str]] = OrderedDict()
        self._shown: OrderedDict[int, Shown] = OrderedDict()
        self._generation: str | None = None

    def check(self, generation: str) -> None:
        """Forget everything when the cache has changed since the last call."""
        if generation != self._generation:
            self._fields.clear()
            self._sources.clear()
            self._shown.clear()
            self._generation = generation

    def fields(self, conn: sqlite3.Connection, ids: list[int]) -> dict[int, DocFields]:
        missing = [i for i in ids if i not in self._fields]
        if len(self._fields) + len(missing) > self._max_fields:
            self._fields.clear()
            missing = ids
        sql = "SELECT id, path, title, people, speakers FROM docs WHERE id IN ({})"
        for doc_id, path, title, people, speakers in _fetch(conn, sql, missing):
            t = str(title)
            ft = fold(t)
            self._fields[int(str(doc_id))] = DocFields(
                from_db(path), t, ft, frozenset(WORD.findall(ft)),
                frozenset(WORD.findall(fold(str(people)))), frozenset(WORD.findall(fold(str(speakers)))))
        return {i: self._fields[i] for i in ids if i in self._fields}

    def sources(self, conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
        """doc id -> (source, folded source)."""
        missing = [i for i in ids if i not in self._sources]
        for doc_id, src in _fetch(conn, "SELECT id, src FROM docs WHERE id IN ({})", missing):
            text = zlib.decompress(src).decode("utf-8", "surrogatepass") if isinstance(src, bytes) else ""
            self._sources[int(str(doc_id))] = (text, fold(text))
        return _recent(self._sources, ids, self._max_sources)

    def shown(self, conn: sqlite3.Connection, ids: list[int]) -> dict[int, Shown]:
        """doc id -> its source with only the shown blocks searchable (for snippets)."""
        missing = [i for i in ids if i not in self._shown]
        for doc_id, src, analysis in _fetch(conn, "SELECT id, src, analysis FROM docs WHERE id IN ({})",
                                            missing):
            text = zlib.decompress(src).decode("utf-8", "surrogatepass") if isinstance(src, bytes) else ""
            folded = fold(text)
            blocks = _shown_blocks(analysis, len(text))
            # a stored analysis that does not decode (it is redone when the article is opened):
            # the snippet may then come from anywhere in the source, as before
            self._shown[int(str(doc_id))] = shown_text(text, folded, blocks) if blocks is not None \
                else Shown(text, folded, ())
        return _recent(self._shown, ids, self._max_sources)
