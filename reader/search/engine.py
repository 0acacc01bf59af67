"""Two-stage search over a library cache: candidates from the word index, then ranking.

Stage one expands each query word through the vocabulary (typos, the prefix
being typed) and asks the FTS5 index for articles holding every word, first in
titles and people, then anywhere.  Stage two scores those candidates with field
weights (title > people > body) and rapidfuzz, and cuts a snippet around the
best passage.  Reads the tables the library creates: ``fts`` (title, people,
speakers, body), ``fts_terms`` (its vocabulary) and ``docs``.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.search.fold import fold, words
from reader.search.query import Query, Term, parse
from reader.search.snippet import Pattern, snippet
from reader.search.types import SearchHit
from reader.search.vocab import Vocabulary

STAGE_A = 400
STAGE_B = 300
RELOAD_SECONDS = 2.0
_COLS = {"title": "title", "people": "people", "speakers": "speakers"}


@dataclass(frozen=True)
class Group:
    """A query word and the vocabulary words that stand for it, each with a weight."""

    term: Term
    variants: dict[str, float]
    prefixes: tuple[str, ...]

    def weight(self, tokens: set[str]) -> float:
        best = max((self.variants[t] for t in tokens if t in self.variants), default=0.0)
        if best < 0.9 and self.prefixes and any(t.startswith(p) for t in tokens for p in self.prefixes):
            best = 0.9
        return best


class Searcher:
    """Answers queries against one cache; keeps the vocabulary in memory, reloaded after changes."""

    def __init__(self) -> None:
        self._vocab: Vocabulary | None = None
        self._generation: str | None = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    def vocabulary(self, conn: sqlite3.Connection) -> Vocabulary:
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        gen = row[0] if row else "0"
        with self._lock:
            stale = self._vocab is None or (
                gen != self._generation and time.monotonic() - self._loaded_at >= RELOAD_SECONDS)
            if stale:
                self._vocab = Vocabulary(conn.execute("SELECT term, doc FROM fts_terms"))
                self._generation = gen
                self._loaded_at = time.monotonic()
            assert self._vocab is not None
            return self._vocab

    def groups(self, query: Query, vocab: Vocabulary) -> list[Group]:
        out = []
        for term in query.terms:
            variants = {w: 1.0 - 0.2 * d for w, d in vocab.fuzzy(term.word)}
            prefixes: tuple[str, ...] = ()
            if term.prefix:
                for w in vocab.prefixed(term.word):
                    variants.setdefault(w, 0.9)
                prefixes = (term.word,)
            if not variants:
                variants = {term.word: 1.0}
            out.append(Group(term, variants, prefixes))
        return out

    def search(self, conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
        query = parse(text)
        if query.empty or limit <= 0:
            return []
        vocab = self.vocabulary(conn)
        groups = self.groups(query, vocab)
        found_a = _match(conn, _expression(groups, query, narrow=True), STAGE_A)
        found_b = _match(conn, _expression(groups, query, narrow=False), STAGE_B) \
            if len(found_a) < STAGE_A else []
        ids = list(dict.fromkeys(found_a + found_b))
        if not ids:
            return []
        rows = _fetch(conn, "SELECT id, path, title, people, speakers FROM docs WHERE id IN ({})", ids)
        plain = " ".join(g.term.word for g in groups if g.term.field is None)
        scored: list[tuple[float, str, int, str]] = []
        for doc_id, path, title, people, speakers in rows:
            score = _score(groups, query, title, people, speakers, plain)
            scored.append((score, str(path), int(str(doc_id)), str(title)))
        scored.sort(key=lambda x: (-x[0], x[1]))
        top = scored[:limit]
        fetched = _fetch(conn, "SELECT id, src FROM docs WHERE id IN ({})", [t[2] for t in top])
        srcs = {r[0]: r[1] for r in fetched}
        pattern = Pattern.build(groups, query.phrases)
        hits = []
        for score, path, doc_id, title in top:
            src = srcs.get(doc_id)
            source = zlib.decompress(src).decode("utf-8", "surrogatepass") if isinstance(src, bytes) else ""
            snip, spans, first = snippet(source, pattern)
            hits.append(SearchHit(path=path, title=title, score=round(score, 4), snippet=snip,
                                  snippet_spans=spans, title_spans=pattern.spans(title),
                                  first_hit=first))
        return hits


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _expression(groups: list[Group], query: Query, *, narrow: bool) -> str:
    parts = []
    for g in groups:
        alts = " OR ".join(_quote(w) for w in g.variants)
        if g.term.field:
            parts.append(f"{_COLS[g.term.field]} : ({alts})")
        elif narrow:
            parts.append("{title people} : (" + alts + ")")
        else:
            parts.append(f"({alts})")
    for ph in query.phrases:
        parts.append(_quote(" ".join(ph)))
    expr = " AND ".join(parts)
    for w in query.excluded:
        expr += f" NOT {_quote(w)}"
    return expr


def _match(conn: sqlite3.Connection, expr: str, limit: int) -> list[int]:
    try:
        return [r[0] for r in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?", (expr, limit))]
    except sqlite3.OperationalError:  # an expression FTS5 refuses: treat as no match
        return []


def _fetch(conn: sqlite3.Connection, sql: str, ids: list[int]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.extend(conn.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return out


def _score(groups: list[Group], query: Query, title: object, people: object, speakers: object,
           plain: str) -> float:
    t, p, s = str(title), str(people), str(speakers)
    tt = {w for w, _, _ in words(t)}
    pt = {w for w, _, _ in words(p)}
    st = {w for w, _, _ in words(s)}
    total = 0.0
    for g in groups:
        if g.term.field == "title":
            total += 3 * g.weight(tt)
        elif g.term.field == "people":
            total += 2.5 * g.weight(pt)
        elif g.term.field == "speakers":
            total += 2.5 * g.weight(st)
        else:
            total += max(3 * g.weight(tt), 2 * g.weight(pt), 1.5 * g.weight(st), 0.8)
    ft = fold(t)
    for ph in query.phrases:
        total += 3 if " ".join(ph) in ft else 1.5
    n = len(groups) + len(query.phrases)
    score = total / max(1, n)
    if plain:
        score += 0.5 * fuzz.token_set_ratio(plain, ft) / 100
    return score
