"""Quotes: text between quotation marks, attributed to a nearby person.

First version: paired straight/curly marks within a block; speaker by "X said" /
"said X" / "he said" (last person mentioned).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block, Person, Quote, Span

_QUOTE = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’'\n]+['’]")


def find_quotes(source: str, blocks: Sequence[Block], people: Sequence[Person]) -> list[Quote]:
    mentions = sorted((m.span.start, p.name) for p in people for m in p.mentions)
    out = []
    for b in blocks:
        for m in _QUOTE.finditer(b.text):
            s, e = b.span.start + m.start(), b.span.start + m.end()
            speaker = None
            after = [n for st, n in mentions if e <= st < b.span.end]
            before = [n for st, n in mentions if st < s]
            if after:
                speaker = after[0]
            elif before:
                speaker = before[-1]
            out.append(Quote(Span(s, e), source[s:e], speaker))
    return out
