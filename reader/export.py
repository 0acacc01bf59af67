"""JSON lines of an article, exactly as CONTRACT.md (v1) says."""

from __future__ import annotations

import json
from typing import Any

from reader.model import Article


def article_record(article: Article, path: str | None = None) -> dict[str, Any]:
    """The contract's object for one article; spans only where they point into the file."""
    exact = article.spans_exact
    blocks = []
    for b in article.blocks:
        rec: dict[str, Any] = {"kind": b.kind.value, "hidden": b.hidden, "text": b.text}
        if b.reason:
            rec["reason"] = b.reason
        if exact:
            rec["start"], rec["end"] = b.span.start, b.span.end
        blocks.append(rec)
    people = []
    for p in article.people:
        prec: dict[str, Any] = {"name": p.name, "mentions": [[m.span.start, m.span.end] for m in p.mentions]}
        if p.role:
            prec["role"] = p.role
        people.append(prec)
    quotes = []
    for q in article.quotes:
        qrec: dict[str, Any] = {"start": q.span.start, "end": q.span.end}
        qrec.update(speaker=q.speaker, text=q.text)
        if q.speaker_is_org:
            qrec["speaker_kind"] = "organisation"
        quotes.append(qrec)
    rec = {
        "path": path if path is not None else article.path,
        "title": article.title,
        "blocks": blocks,
        "people": people,
        "quotes": quotes,
    }
    if article.notices:
        rec["notices"] = list(article.notices)
    return rec


def to_json_line(article: Article, path: str | None = None) -> str:
    # ensure_ascii keeps lone surrogates from undecodable file names printable
    return json.dumps(article_record(article, path), ensure_ascii=True)
