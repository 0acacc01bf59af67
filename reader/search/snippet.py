"""Find where a query matched in a text: spans to highlight and the best passage as a snippet.

Matching uses ``str.find`` per query word on the folded text (fast in C) and
checks word boundaries around each find.  A snippet does not scan the whole
article for every word: it finds anchors (the first places of the three
rarest query words), keeps the window holding the most different ones, and
scans only that window for the spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.search.fold import WORD, fold

WIDTH = 200
LEAD = 60
#: Look at no more than this many places per word (a one-letter prefix matches everywhere).
MOST = 40
#: Anchors are looked for with the likeliest spellings of a word only.
ANCHOR_WORDS = 4
_SPACE = re.compile(r"\s")


class _GroupLike(Protocol):
    @property
    def variants(self) -> dict[str, float]: ...

    @property
    def prefixes(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class _Part:
    """One query word (its spellings and prefixes) or one phrase."""

    name: str
    words: tuple[str, ...]
    prefixes: tuple[str, ...]
    phrase: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Pattern:
    """The parts of a query, rarest first, and a word -> part table for scanning windows."""

    parts: tuple[_Part, ...]
    lookup: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    starts: tuple[str, ...]

    @staticmethod
    def build(groups: Sequence[_GroupLike], phrases: Iterable[tuple[str, ...]],
              rarity: Sequence[int] | None = None) -> Pattern:
        """``rarity[i]`` orders the groups (smaller = rarer); phrases count as rarest."""
        parts = [
            _Part(f"p{j}", (ph[0],), (), re.compile(r"[\W_]+".join(re.escape(w) for w in ph)))
            for j, ph in enumerate(phrases) if ph
        ]
        order = sorted(range(len(groups)), key=lambda i: rarity[i] if rarity else i)
        lookup: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        for i in order:
            g = groups[i]
            pre = tuple(p for p in g.prefixes if p)
            # spellings that start with the prefix are found by the prefix already
            words = tuple(w for w in g.variants if w and not any(w.startswith(p) for p in pre))
            parts.append(_Part(f"g{i}", words, pre))
            for w in words:
                lookup.setdefault(w, f"g{i}")
            prefixes.extend((p, f"g{i}") for p in pre)
        return Pattern(tuple(parts), lookup, tuple(prefixes), tuple(p for p, _n in prefixes))

    def find(self, text: str, folded: str | None = None, lo: int = 0, hi: int | None = None
             ) -> list[tuple[int, int, str]]:
        """(start, end, part) of matches starting in ``[lo, hi)``, in order, without overlaps."""
        f = fold(text) if folded is None else folded
        hi = len(f) if hi is None else hi
        found: list[tuple[int, int, str]] = []
        for m in WORD.finditer(f, lo, hi):
            w = m.group()
            name = self.lookup.get(w)
            if name is None and self.prefixes and w.startswith(self.starts):
                name = next(n for p, n in self.prefixes if w.startswith(p))
            if name is not None:
                found.append((m.start(), m.end(), name))
        for part in self.parts:
            if part.phrase is not None:
                found.extend(_part_places(f, part, lo, hi, MOST))
        found.sort(key=lambda x: (x[0], -x[1]))
        out: list[tuple[int, int, str]] = []
        end = -1
        for s, e, g in found:
            if s >= end:
                out.append((s, e, g))
                end = e
        return out

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        return tuple((s, e) for s, e, _ in self.find(text))

    def anchors(self, f: str, lo: int) -> list[tuple[int, str]]:
        """(place, part) where the rarest parts that occur after ``lo`` do: a few of each of three."""
        out: list[tuple[int, str]] = []
        hits = 0
        for part in self.parts:
            got = [(s, n) for s, _e, n in _part_places(f, part, lo, len(f), 3, ANCHOR_WORDS)]
            out.extend(got)
            hits += bool(got)
            if hits >= 3:
                break
        return sorted(set(out))


def _isword(c: str) -> bool:
    return c.isalnum()


def _part_places(f: str, part: _Part, lo: int, hi: int, most: int,
                 words: int | None = None) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(f)
    if part.phrase is not None:
        for i in _places(f, part.words[0], lo, hi, most, whole=False):
            m = part.phrase.match(f, i)
            if m and (m.end() == n or not _isword(f[m.end()])):
                out.append((i, m.end(), part.name))
        return out
    for w in part.words[:words]:
        out.extend((i, i + len(w), part.name) for i in _places(f, w, lo, hi, most, whole=True))
    for p in part.prefixes:
        for i in _places(f, p, lo, hi, most, whole=False):
            j = i + len(p)
            while j < n and _isword(f[j]):
                j += 1
            out.append((i, j, part.name))
    return out


def _places(f: str, word: str, lo: int, hi: int, most: int, *, whole: bool) -> list[int]:
    """Start offsets in ``[lo, hi)`` of ``word`` at a word start (and end, when ``whole``)."""
    out: list[int] = []
    n, k = len(f), len(word)
    i = f.find(word, lo, min(n, hi + k))
    tries = 0
    while 0 <= i < hi and len(out) < most and tries < 4 * most:
        tries += 1
        if (i == 0 or not _isword(f[i - 1])) and (not whole or i + k == n or not _isword(f[i + k])):
            out.append(i)
        i = f.find(word, i + 1, min(n, hi + k))
    return out


def snippet(source: str, pattern: Pattern, folded: str | None = None,
            blocks: Sequence[tuple[int, int]] | None = None
            ) -> tuple[str, tuple[tuple[int, int], ...], int | None]:
    """(snippet, spans in it, offset of the best match in ``source``).

    The best passage holds the most different query words; a match on the
    first line (usually the title) is used only when nothing else matched.
    With ``blocks`` (sorted spans of the shown blocks; ``folded`` blanks the rest)
    the snippet stays inside the block that holds the best match.
    """
    f = fold(source) if folded is None else folded
    body = source.find("\n") + 1
    anchors = pattern.anchors(f, body) or pattern.anchors(f, 0)
    if not anchors:  # the words matched the title or a name only: the opening of the text
        a, b = (blocks[0][0], min(blocks[0][1], blocks[0][0] + WIDTH)) if blocks else (0, WIDTH)
        return _without_link_syntax(_SPACE.sub(" ", source[a:b]).strip(), ())[0], (), None
    # the window holding the most different parts among the anchors, the earliest of equals
    best, best_n = anchors[0][0], 0
    for i, (pos, _n) in enumerate(anchors):
        n = len({name for p, name in anchors[i:] if p < pos + WIDTH - LEAD})
        if n > best_n:
            best, best_n = pos, n
    a, b = _window(source, best)
    if blocks:
        i = bisect.bisect_right(blocks, (best, len(source) + 1)) - 1
        if i >= 0 and blocks[i][0] <= best < blocks[i][1]:
            a, b = max(a, blocks[i][0]), min(b, blocks[i][1])
    matches = pattern.find(source, f, a, b)
    raw = _SPACE.sub(" ", source[a:b])
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    spans = tuple((s - a - lead, min(e, b) - a - lead) for s, e, _n in matches if s - a - lead >= 0)
    spans = tuple((s, min(e, len(text))) for s, e in spans if s < len(text))
    first = next((s for s, _e, _n in matches if s >= best), best)
    text, spans = _without_link_syntax(text, spans)
    return text, spans, first


# A Markdown link or image, "[text](url)" / "![alt](url)", possibly cut by the snippet's end.
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\(([^()\s]{0,500})(?:\)|$)")
_MARKS = frozenset("*`")  # emphasis and code marks


def _without_link_syntax(text: str, spans: tuple[tuple[int, int], ...]
                         ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet as the rendered article reads: Markdown links and images as their text (no
    brackets, no URL), emphasis and code marks (* and `) left out; spans moved with the text."""
    links = "](" in text
    if not links and not _MARKS.intersection(text):
        return text, spans
    keep = [c not in _MARKS for c in text]
    for m in _MD_LINK.finditer(text) if links else ():
        for i in (*range(m.start(), m.start(1)), *range(m.end(1), m.end())):
            keep[i] = False
    new_at = []
    n = 0
    for flag in keep:
        new_at.append(n)
        n += flag
    new_at.append(n)
    out = "".join(c for c, flag in zip(text, keep, strict=True) if flag)
    moved = tuple((new_at[a], new_at[b]) for a, b in spans
                  if 0 <= a < b <= len(text) and new_at[b] > new_at[a])
    return out, moved


def _window(source: str, pos: int) -> tuple[int, int]:
    """About WIDTH characters around ``pos``, starting LEAD before it, cut at spaces."""
    a = max(0, pos - LEAD)
    if a:
        sp = source.rfind(" ", max(0, a - 20), a + 1)  # a space at most 20 before the start
        a = sp + 1 if sp >= 0 and sp + 1 <= pos else a
    b = min(len(source), a + WIDTH)
    if b < len(source):
        sp = source.rfind(" ", max(pos + 1, b - 30), b)
        b = sp if sp > pos else b
    return a, b
