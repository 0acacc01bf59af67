"""Turn an analysed Article into compact cache columns and back again.

The source is stored zlib-compressed; the analysis as compact JSON of spans
only (block and mention texts are slices of the source, so they are rebuilt,
not stored).  :func:`fts_fields` derives the full-text columns from the same
data, so a row can be removed from the contentless FTS index exactly.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from dataclasses import dataclass
from typing import Any

from reader.library import copies
from reader.model import (
    Article,
    Block,
    BlockKind,
    DisplayBlock,
    DisplayKind,
    Format,
    Mention,
    Person,
    Quote,
    Run,
    Span,
)
from reader.sanitize import storable

_INDEXED = (BlockKind.BODY, BlockKind.HEADING, BlockKind.CAPTION)


@dataclass(frozen=True)
class Record:
    """One analysed file as the cache stores it."""

    title: str
    source_name: str
    tags: str  # front-matter tags, folded, comma-separated: 'drought,farming'
    date: str | None
    words: int
    people: tuple[str, ...]
    quotes: tuple[tuple[str | None, str], ...]  # (speaker, text)
    src: bytes  # zlib(source)
    analysis: bytes  # zlib(json)
    body: str  # the full-text body column (not stored; rebuilt by fts_fields for deletion)
    #: its run hashes and shown words: the writer stores its marks and sketch from them and regroups
    #: with them (reader.library.copies); the hashes themselves are not stored
    runs: frozenset[int] = frozenset()
    shown: int = 0
    low: bytes = b""  # its sketch, as stored (copies.sketch_bytes)


def encode(article: Article, rel: str) -> Record:
    """Pack an Article (``rel`` is its path relative to the collection root)."""
    data: dict[str, Any] = {
        "f": article.format,
        "t": article.title,
        "b": [[b.kind.value, b.span.start, b.span.end, int(b.hidden), b.reason] for b in article.blocks],
        "p": [[p.name, p.role, [[m.span.start, m.span.end] for m in p.mentions], int(p.listed)]
              for p in article.people],
        "q": [[q.span.start, q.span.end, q.speaker, int(q.speaker_is_org)] for q in article.quotes],
        "m": article.meta,
        "n": list(article.notices),
        "x": int(article.spans_exact),
    }
    if article.display is not None:
        data["d"] = [_display_row(d, article.source) for d in article.display]
    source = article.source
    shown = copies.article_words(article)
    runs = copies.shingles(shown)
    title = _clean_title(article.title or "") or _stem(rel)
    return Record(
        title=title,
        source_name=_source_name(article.meta, rel),
        tags=_tags(article.meta),
        date=article.meta.get("date") or None,
        words=article.word_count,
        people=tuple(p.name for p in article.people if p.listed),  # the collection's list
        quotes=tuple((q.speaker, q.text) for q in article.quotes),
        src=zlib.compress(source.encode("utf-8", "surrogatepass"), 6),
        analysis=zlib.compress(_JSON.encode(data).encode("utf-8"), 6),
        body=_body(source, data["b"]),
        runs=runs,
        shown=len(shown),
        low=copies.sketch_bytes(runs),
    )


#: Compact JSON; the analysis holds no cycles, so they are not looked for (the text is the same).
_JSON = json.JSONEncoder(separators=(",", ":"), check_circular=False)


class Damaged(Exception):
    """A stored row does not decode (bad zlib, JSON, spans, kinds...): the article is analysed again."""


def decode_source(src: bytes) -> str:
    return zlib.decompress(src).decode("utf-8", "surrogatepass")


def decode(path: str, src: bytes, analysis: bytes) -> Article:
    """Rebuild the Article stored by :func:`encode`; ``path`` becomes Article.path.

    Raises Damaged when the stored bytes are not what :func:`encode` wrote."""
    try:
        return _decode(path, src, analysis)
    except Exception as exc:  # any way the bytes can be wrong; the caller redoes the analysis
        raise Damaged(f"{type(exc).__name__}: {exc}") from None


def _decode(path: str, src: bytes, analysis: bytes) -> Article:
    source = decode_source(src)
    d = json.loads(zlib.decompress(analysis))
    blocks = tuple(Block(BlockKind(k), Span(s, e), source[s:e], bool(h), r) for k, s, e, h, r in d["b"])
    people = tuple(
        Person(name, tuple(Mention(Span(s, e), source[s:e]) for s, e in ms), role, bool(listed))
        for name, role, ms, listed in d["p"]
    )
    quotes = tuple(Quote(Span(s, e), source[s:e], sp, bool(org)) for s, e, sp, org in d["q"])
    return Article(path=path, format=Format(d["f"]), source=source, title=d["t"], blocks=blocks,
                   people=people, quotes=quotes, meta=dict(d["m"]), notices=tuple(d["n"]),
                   spans_exact=bool(d["x"]),
                   display=None if "d" not in d else tuple(_display_block(r, source) for r in d["d"]))


def _run_row(run: Run, source: str) -> list[Any]:
    """A run as ``[start, text or its length when it is the source slice, styles, href, src]``."""
    same = source.startswith(run.text, run.start)
    styles = _SORTED.get(run.styles)
    if styles is None:  # a handful of style sets recur: each is sorted once
        styles = _SORTED[run.styles] = sorted(run.styles)
    return [run.start, len(run.text) if same else run.text, styles, run.href, run.src]


_SORTED: dict[frozenset[str], list[str]] = {}


def _run(row: list[Any], source: str) -> Run:
    start, text, styles, href, src = row
    if isinstance(text, int):
        text = source[start:start + text]
    return Run(text, start, frozenset(styles), href, src)


def _display_row(b: DisplayBlock, source: str) -> list[Any]:
    shape = [[len(cell) for cell in row] for row in b.rows]
    # the kind is a str enum: JSON writes its value
    return [b.kind, b.span.start, b.span.end, [_run_row(r, source) for r in b.runs], b.level,
            b.depth, b.quote, int(b.ordered), b.number, b.language, shape, int(b.header), b.alt, b.src,
            b.caption, b.href]


def _display_block(row: list[Any], source: str) -> DisplayBlock:
    (kind, s, e, runs_row, level, depth, quote, ordered, number, language, shape, header, alt, src,
     caption, href) = row
    runs = tuple(_run(r, source) for r in runs_row)
    rows, i = [], 0
    for cells in shape:
        out_row = []
        for n in cells:
            out_row.append(runs[i:i + n])
            i += n
        rows.append(tuple(out_row))
    return DisplayBlock(DisplayKind(kind), Span(s, e), runs, level, depth, quote, bool(ordered), number,
                        language, tuple(rows), bool(header), alt, src, caption, href)


def fts_fields(title: str, people: str, speakers: str, src: bytes, analysis: bytes) -> tuple[str, ...]:
    """The four full-text columns (title, people, speakers, body) of a stored row; raises Damaged."""
    try:
        article = _decode("", src, analysis)
        blocks = [[b.kind.value, b.span.start, b.span.end, int(b.hidden), b.reason] for b in article.blocks]
        return (title, people, speakers, _body(article.source, blocks))
    except Exception as exc:  # as in decode
        raise Damaged(f"{type(exc).__name__}: {exc}") from None


_KINDS = frozenset(k.value for k in _INDEXED)


def _body(source: str, blocks: list[list[Any]]) -> str:
    return "\n".join(source[s:e] for k, s, e, h, _r in blocks if not h and k in _KINDS)


_MARKUP = re.compile(r"^(?:#{1,6}\s+)?([*_]{1,3})?(.*?)\1?$")


def _clean_title(title: str) -> str:
    """A title for the list: one line, without Markdown heading marks or emphasis around it."""
    t = " ".join(title.split())
    m = _MARKUP.match(t)
    if m and m.group(2).strip():
        t = m.group(2).strip()
    return t


def _stem(rel: str) -> str:
    return storable(os.path.splitext(os.path.basename(rel))[0])


def _tags(meta: dict[str, str]) -> str:
    from reader.search.fold import fold

    return ",".join(dict.fromkeys(t for t in (fold(x).strip() for x in meta.get("tags", "").split(",")) if t))


def _source_name(meta: dict[str, str], rel: str) -> str:
    for key in ("source", "site", "sitename", "outlet", "publisher"):
        if meta.get(key):
            return meta[key]
    parts = rel.replace(os.sep, "/").split("/")
    return storable(parts[0]) if len(parts) > 1 else ""
