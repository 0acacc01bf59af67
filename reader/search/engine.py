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
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.ingest.names import from_db
from reader.model import Span
from reader.search.docs import DocCache, DocFields
from reader.search.query import Filter, Query, Term, parse
from reader.search.snippet import Pattern, snippet
from reader.search.types import SearchHit
from reader.search.vocab import Vocabulary

STAGE_A = 250
STAGE_B = 200
STAGE_C = 60
#: words at most this many words apart count as near each other (a multi-word query ranks them up)
NEAR_WORDS = 8
_COLS = {"title": "title", "people": "people", "speakers": "speakers"}


@dataclass(frozen=True)
class Group:
    """A query word and the vocabulary words that stand for it, each with a weight.

    ``starts`` holds every vocabulary word beginning with the prefix being typed.
    """

    term: Term
    variants: dict[str, float]
    prefixes: tuple[str, ...]
    starts: frozenset[str] = frozenset()

    def weight(self, tokens: frozenset[str]) -> float:
        common = self.variants.keys() & tokens
        best = max(self.variants[t] for t in common) if common else 0.0
        if best < 0.9 and self.starts and not self.starts.isdisjoint(tokens):
            best = 0.9
        return best


class Searcher:
    """Answers queries against one cache; keeps the vocabulary in memory, reloaded after changes."""

    def __init__(self) -> None:
        self._vocab: Vocabulary | None = None
        self._generation: str | None = None
        self._lock = threading.Lock()
        self._docs = DocCache()

    def vocabulary(self, conn: sqlite3.Connection) -> Vocabulary:
        """The saved vocabulary (reloaded when a refresh saves a new one), else the index's own.

        Until a refresh saves it, a new word is found by its exact spelling (FTS), not
        yet by a typo: scanning the index for its words on a keystroke would stall.
        """
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE '%generation'").fetchall())
        with self._lock:
            self._docs.check(meta.get("generation", "0"))
            saved = meta.get("vocab_generation")
            if self._vocab is None or saved != self._generation:
                sql = "SELECT term, df FROM vocab" if saved else "SELECT term, doc FROM fts_terms"
                self._vocab = Vocabulary(conn.execute(sql))
                self._generation = saved
            assert self._vocab is not None
            return self._vocab

    def groups(self, query: Query, vocab: Vocabulary) -> list[Group]:
        out = []
        for term in query.terms:
            variants = {} if term.exact else {w: 1.0 - 0.2 * d for w, d in vocab.fuzzy(term.word)}
            prefixes: tuple[str, ...] = ()
            starts: frozenset[str] = frozenset()
            if term.prefix:
                for w in vocab.prefixed(term.word):
                    variants.setdefault(w, 0.9)
                prefixes = (term.word,)
                starts = vocab.starting(term.word)
            variants.setdefault(term.word, 1.0)  # unknown to the vocabulary, maybe not to the index
            out.append(Group(term, dict(sorted(variants.items(), key=lambda kv: -kv[1])), prefixes, starts))
        return out

    def count(self, conn: sqlite3.Connection, text: str) -> int:
        """How many articles match ``text``: every word (and phrase), and every filter."""
        query = parse(text)
        if query.empty and not query.filters:
            return 0
        if query.empty:
            where, args = _where(query.filters)
            return int(conn.execute(f"SELECT count(*) FROM docs d WHERE d.failed IS NULL AND {LISTED} "
                                    f"AND {where}", args).fetchone()[0])
        groups = self.groups(query, self.vocabulary(conn))
        expr = _expression(groups, query, narrow=False)
        where, args = _where(query.filters)
        # the copies of one article count once (a plain count when the collection has no copies)
        sql = ("SELECT count(DISTINCT coalesce(d.lead, d.id)) FROM fts JOIN docs d ON d.id = fts.rowid "
               f"WHERE fts MATCH ? AND {where}")
        try:
            if not query.filters:
                return _count_articles(conn, expr)
            return int(conn.execute(sql, [expr, *args]).fetchone()[0])
        except sqlite3.OperationalError:  # an expression FTS5 refuses: nothing matches
            return 0

    def search(self, conn: sqlite3.Connection, text: str, limit: int = 50, *,
               with_matches: bool = False) -> list[SearchHit]:
        """Best hits first; ``with_matches`` also finds every match in each hit's source."""
        query = parse(text)
        if (query.empty and not query.filters) or limit <= 0:
            return []
        if query.empty:
            return _filtered_only(conn, query.filters, limit)
        vocab = self.vocabulary(conn)
        groups = self.groups(query, vocab)
        # every candidate holds every word (each query word matches a word, typos and the
        # prefix being typed allowed): the words side by side first, then near each other
        near = _match(conn, _adjacent(groups), STAGE_C)
        close = _match(conn, _near(groups), STAGE_C)
        found_a = _match(conn, _expression(groups, query, narrow=True), STAGE_A)
        found_b = _match(conn, _expression(groups, query, narrow=False), STAGE_B) \
            if len(found_a) < STAGE_A else []
        ids = list(dict.fromkeys(near + close + found_a + found_b))
        adjacent, nearby = set(near), set(close)
        every = set(ids)
        if query.filters:
            ids = _keep(conn, ids, query.filters)
        if not ids:
            return []
        with self._lock:
            fields = self._docs.fields(conn, ids)
        plain = " ".join(g.term.word for g in groups if g.term.field is None)
        scored: list[tuple[float, str, int, str]] = []
        for doc_id, d in fields.items():
            score = _score(groups, query, d, plain, doc_id in every)
            if doc_id in adjacent:
                score += 1.0
            elif doc_id in nearby:
                score += 0.5
            scored.append((score, d.path, doc_id, d.title))
        scored, copies = _one_per_article(conn, scored)
        top = scored[:limit]
        with self._lock:
            shown = self._docs.shown(conn, [t[2] for t in top])
            srcs = self._docs.sources(conn, [t[2] for t in top]) if with_matches else {}
        pattern = _pattern(groups, query, vocab)
        hits = []
        for score, path, doc_id, title in top:
            seen = shown.get(doc_id)
            # the snippet quotes a shown block only: what is hidden was not searched either
            snip, spans, first = snippet(seen.source, pattern, seen.folded, seen.blocks) \
                if seen is not None else ("", (), None)
            source, folded = srcs.get(doc_id, ("", ""))
            matches = _spans(pattern, source, folded) if with_matches else ()
            hits.append(SearchHit(path=path, title=title, score=round(score, 4), snippet=snip,
                                  snippet_spans=spans, title_spans=pattern.spans(title),
                                  first_hit=first, matches=matches, copies=copies.get(doc_id, 1)))
        return hits

    def matches(self, conn: sqlite3.Connection, text: str, path: str | bytes) -> tuple[Span, ...]:
        """Every place in the source of the article at ``path`` where ``text`` matched, in order.

        The same words a search for ``text`` matched (typos and the prefix being typed
        included, a phrase as a whole, excluded words never), as source offsets.
        """
        query = parse(text)
        row = conn.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
        if query.empty or row is None:
            return ()
        vocab = self.vocabulary(conn)
        groups = self.groups(query, vocab)
        with self._lock:
            source, folded = self._docs.sources(conn, [int(row[0])]).get(int(row[0]), ("", ""))
        return _spans(_pattern(groups, query, vocab), source, folded)


def _pattern(groups: list[Group], query: Query, vocab: Vocabulary) -> Pattern:
    rarity = [sum(vocab.df.get(w, 0) for w in g.variants) for g in groups]
    return Pattern.build(groups, query.phrases, rarity)


def _spans(pattern: Pattern, source: str, folded: str) -> tuple[Span, ...]:
    return tuple(Span(s, e) for s, e, _part in pattern.find(source, folded))


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


def _adjacent(groups: list[Group]) -> str:
    """A phrase of the plain words in the order typed (their likeliest spelling), or ''.

    The word still being typed is left out: a prefix inside a phrase would make
    FTS5 merge the lists of every word it begins.
    """
    toks = []
    for g in groups:
        if g.term.field is not None or g.prefixes:
            break
        toks.append(max(g.variants.items(), key=lambda kv: kv[1])[0])
    return _quote(" ".join(toks)) if len(toks) >= 2 else ""


def _near(groups: list[Group]) -> str:
    """The plain words (their likeliest spellings) within NEAR_WORDS of each other, or ''."""
    toks = [max(g.variants.items(), key=lambda kv: kv[1])[0] for g in groups
            if g.term.field is None and not g.prefixes]
    if len(toks) < 2:
        return ""
    return "NEAR(" + " ".join(_quote(t) for t in toks) + f", {NEAR_WORDS})"


#: the article's day for after:/before: (its date, else the day its file last changed)
_DAY = "coalesce(d.date, date(d.mtime_ns / 1000000000, 'unixepoch'))"
#: the rows the list shows: one per article, its best copy (reader.library.copies), or a row
#: not grouped yet
LISTED = "d.id NOT IN (SELECT id FROM docs WHERE lead <> id)"
#: whether any row is a copy the list does not show (through a partial index: cheap)
HAS_COPIES = "SELECT EXISTS (SELECT 1 FROM docs WHERE lead <> id)"


def copy_state(column: str) -> str:
    """SQL, 1 or 0: the article of the listed row ``docs d`` is read (or starred): in its own file
    or in a copy (the copies are found through the partial index docs_copy; a row that is itself
    a copy not listed has only its own state here, see Library.entry)."""
    return (f"(coalesce((SELECT s2.{column} FROM st.state s2 WHERE s2.path = d.path), 0) = 1 OR "
            f"EXISTS (SELECT 1 FROM docs c JOIN st.state s3 ON s3.path = c.path "
            f"WHERE c.lead = d.id AND c.lead <> c.id AND s3.{column} = 1))")


def _where(filters: tuple[Filter, ...]) -> tuple[str, list[str]]:
    """SQL conditions on ``docs d`` for the query's filters, and their arguments."""
    conds: list[str] = []
    args: list[str] = []
    for f in filters:
        if f.key == "is":
            cond = copy_state("starred") if f.value == "starred" else \
                copy_state("read") if f.value == "read" else f"NOT {copy_state('read')}"
        elif f.key == "tag":
            cond = "(',' || d.tags || ',') LIKE ? ESCAPE '\\'"
            args.append(f"%,{_like(f.value)},%")
        elif f.key == "source":
            cond = "lower(d.source) LIKE ? ESCAPE '\\'"
            args.append(f"%{_like(f.value)}%")
        elif f.key == "after":
            cond = f"{_DAY} >= ?"
            args.append(f.value)
        else:
            cond = f"{_DAY} < ?"
            args.append(f.value)
        conds.append(f"NOT ({cond})" if f.negated else cond)
    return " AND ".join(conds) or "1", args


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _keep(conn: sqlite3.Connection, ids: list[int], filters: tuple[Filter, ...]) -> list[int]:
    """``ids`` (in their order) that pass every filter."""
    where, args = _where(filters)
    kept: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        kept.update(r[0] for r in conn.execute(
            f"SELECT d.id FROM docs d WHERE d.id IN ({marks}) AND {where}", [*chunk, *args]))
    return [i for i in ids if i in kept]


def _filtered_only(conn: sqlite3.Connection, filters: tuple[Filter, ...], limit: int) -> list[SearchHit]:
    """A query of filters alone (``is:unread``): every article that passes, newest first."""
    where, args = _where(filters)
    rows = conn.execute(f"SELECT d.path, d.title, d.copies FROM docs d WHERE d.failed IS NULL AND {LISTED} "
                        f"AND {where} ORDER BY {_DAY} DESC, d.path LIMIT ?", [*args, limit])
    return [SearchHit(path=from_db(p), title=t, score=0.0, snippet="", copies=max(1, int(n or 1)))
            for p, t, n in rows]


def _count_articles(conn: sqlite3.Connection, expr: str) -> int:
    """How many articles hold a match of ``expr``: the files that match, less the copies counted
    twice.  A plain count when the collection has no copies; else the matching ids are read once
    and checked against the copies not listed (few: the partial index docs_copy)."""
    if not conn.execute(HAS_COPIES).fetchone()[0]:
        return int(conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expr,)).fetchone()[0])
    ids = {int(r[0]) for r in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))}
    matched: dict[int, int] = {}  # lead -> how many of its copies (not itself) match
    for doc_id, lead in conn.execute("SELECT id, lead FROM docs WHERE lead <> id"):
        if int(doc_id) in ids:
            matched[int(lead)] = matched.get(int(lead), 0) + 1
    # a group counts once: its matching copies, and its listed copy when that matches, are one
    return len(ids) - sum(n if lead in ids else n - 1 for lead, n in matched.items())


def _one_per_article(conn: sqlite3.Connection, scored: list[tuple[float, str, int, str]]
                     ) -> tuple[list[tuple[float, str, int, str]], dict[int, int]]:
    """``scored`` best first with one hit per article (reader.library.copies): the copy the list
    shows, at the best score of its copies, or the best copy that matched when that one did not;
    and how many copies each kept hit has."""
    group: dict[int, tuple[int, int]] = {}  # id -> (its article's listed copy, copies)
    ids = [t[2] for t in scored]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for doc_id, lead, n in conn.execute(
                f"SELECT id, lead, copies FROM docs WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            group[int(doc_id)] = (int(lead) if lead is not None else int(doc_id), max(1, int(n or 1)))
    kept: dict[int, tuple[float, str, int, str]] = {}
    for item in sorted(scored, key=lambda x: (-x[0], x[1])):
        lead = group.get(item[2], (item[2], 1))[0]
        now = kept.get(lead)
        if now is None:
            kept[lead] = item
        elif item[2] == lead:
            kept[lead] = (now[0], *item[1:])
    out = sorted(kept.values(), key=lambda x: (-x[0], x[1]))
    return out, {t[2]: group.get(t[2], (t[2], 1))[1] for t in out}


def _match(conn: sqlite3.Connection, expr: str, limit: int) -> list[int]:
    if not expr:
        return []
    try:
        return [r[0] for r in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?", (expr, limit))]
    except sqlite3.OperationalError:  # an expression FTS5 refuses: treat as no match
        return []


def _score(groups: list[Group], query: Query, d: DocFields, plain: str, all_words: bool) -> float:
    """Field-weighted match of every query word (title 3, people 2, speaker 1.5, body 0.8)."""
    tt, pt, st = d.title_words, d.people_words, d.speaker_words
    total = 0.0
    for g in groups:
        if g.term.field == "title":
            total += 3 * g.weight(tt)
        elif g.term.field == "people":
            total += 2.5 * g.weight(pt)
        elif g.term.field == "speakers":
            total += 2.5 * g.weight(st)
        else:
            total += max(3 * g.weight(tt), 2 * g.weight(pt) if pt else 0.0,
                         1.5 * g.weight(st) if st else 0.0, 0.8 if all_words else 0.0)
    for ph in query.phrases:
        total += 3 if " ".join(ph) in d.folded_title else 1.5
    n = len(groups) + len(query.phrases)
    score = total / max(1, n)
    if plain:
        score += 0.5 * fuzz.token_set_ratio(plain, d.folded_title) / 100
    return score
