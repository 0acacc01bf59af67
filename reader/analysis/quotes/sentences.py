"""Sentences of a block with its quotes masked out, and the person named nearest a quote."""

from __future__ import annotations

import bisect
import re

from reader.analysis.lexicon import SENTENCE_ABBREVIATIONS
from reader.analysis.quotes.attribution import MASK
from reader.analysis.quotes.resolve import Resolver
from reader.model import Block

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[A-Z\"“‘(\x01])")
_AFTER_QUOTE = re.compile(r"\s+(?=[A-Z\x01])")
_AFTER = 300  # how far after a quote with no clause a person named may be taken as its speaker


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    parts = []
    at = 0
    for s, e in spans:
        parts.append(text[at:s])
        parts.append(MASK * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def quote_ends(masked: str, text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where a sentence may start after a quote ending in '.' ('"... Report." Later: "..."').

    Only a later quote's look-back stops here: after '?"' the clause may go on ('" Vitter asked')."""
    out = []
    for _, e in spans:
        m = _AFTER_QUOTE.match(masked, e)
        if m and text[e - 2 : e - 1] in (".", "!", "?"):
            out.append(m.end())
    return out


def boundaries(masked: str) -> list[int]:
    """Sentence starts in a block."""
    out = []
    for m in _BOUNDARY.finditer(masked):
        j = m.start()
        k = masked.rfind(" ", 0, j) + 1
        tok = masked[k:j].lower()
        if tok in SENTENCE_ABBREVIATIONS or (len(tok) == 1 and tok.isalpha()) or "." in tok:
            continue
        out.append(m.end())
    if "\n" in masked:  # a line break ends a sentence too
        out.extend(m.end() for m in re.finditer(r"\n\s*", masked))
    return sorted(set(out))


def near(res: Resolver, b: Block, spans: list[tuple[int, int]], start: int, end: int) -> str | None:
    """For a quote no clause attributes: the person named last before it in the paragraph, else
    the one named first within ``_AFTER`` characters after it; names inside quotes never count
    (measured on polnear_train, issue 14)."""
    base = b.span.start
    inside = [(base + s, base + e) for s, e in spans]

    def quoted(at: int) -> bool:
        k = bisect.bisect_right(inside, (at, len(res.source))) - 1
        return k >= 0 and inside[k][0] <= at < inside[k][1]

    ms, starts = res.idx.ms, res.idx.starts
    i = bisect.bisect_left(starts, start) - 1
    while i >= 0 and starts[i] >= base:
        if not quoted(starts[i]):
            return ms[i][2]
        i -= 1
    hi = min(base + len(b.text), end + _AFTER)
    i = bisect.bisect_left(starts, end)
    while i < len(starts) and starts[i] < hi:
        if not quoted(starts[i]):
            return ms[i][2]
        i += 1
    return None
