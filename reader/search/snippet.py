"""Find where a query matched in a text: spans to highlight and the best passage as a snippet.

Matching uses ``str.find`` per query word on the folded text (fast in C) and
checks word boundaries around each find, rather than one big regular
expression, which costs several times more on long articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.search.fold import fold

WIDTH = 200
LEAD = 60
#: Look at no more than this many places per word (a one-letter prefix matches everywhere).
MOST = 40
_SPACE = re.compile(r"\s")


class _GroupLike(Protocol):
    @property
    def variants(self) -> dict[str, float]: ...

    @property
    def prefixes(self) -> tuple[str, ...]: ...


def _isword(c: str) -> bool:
    return c.isalnum()


@dataclass(frozen=True)
class Pattern:
    """The words (whole), prefixes and phrases of a query, each tagged with its query part."""

    words: tuple[tuple[str, str], ...]  # (word, part name)
    prefixes: tuple[tuple[str, str], ...]
    phrases: tuple[tuple[re.Pattern[str], str, str], ...]  # (regex, first word, part name)

    @staticmethod
    def build(groups: Sequence[_GroupLike], phrases: Iterable[tuple[str, ...]]) -> Pattern:
        ws = tuple((w, f"g{i}") for i, g in enumerate(groups) for w in g.variants if w)
        ps = tuple((p, f"g{i}") for i, g in enumerate(groups) for p in g.prefixes if p)
        phs = tuple((re.compile(r"[\W_]+".join(re.escape(w) for w in ph)), ph[0], f"p{j}")
                    for j, ph in enumerate(phrases) if ph)
        return Pattern(ws, ps, phs)

    def find(self, text: str, most: int = MOST, folded: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, part) of matches in ``text``, in order, without overlaps."""
        f = fold(text) if folded is None else folded
        n = len(f)
        found: list[tuple[int, int, str]] = []
        for word, name in self.words:
            found.extend((i, i + len(word), name) for i in _places(f, word, most, whole=True))
        for pre, name in self.prefixes:
            for i in _places(f, pre, most, whole=False):
                j = i + len(pre)
                while j < n and _isword(f[j]):
                    j += 1
                found.append((i, j, name))
        for rx, first, name in self.phrases:
            for i in _places(f, first, most, whole=False):
                m = rx.match(f, i)
                if m and (m.end() == n or not _isword(f[m.end()])):
                    found.append((i, m.end(), name))
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


def _places(f: str, word: str, most: int, *, whole: bool) -> list[int]:
    """Start offsets of ``word`` in ``f`` at a word start (and end, when ``whole``)."""
    out: list[int] = []
    i = f.find(word)
    n, k = len(f), len(word)
    while i >= 0 and len(out) < most:
        if (i == 0 or not _isword(f[i - 1])) and (not whole or i + k == n or not _isword(f[i + k])):
            out.append(i)
        i = f.find(word, i + 1)
    return out


def snippet(source: str, pattern: Pattern, folded: str | None = None
            ) -> tuple[str, tuple[tuple[int, int], ...], int | None]:
    """(snippet, spans in it, offset of the best match in ``source``).

    The best passage holds the most different query words; a match on the
    first line (usually the title) is used only when nothing else matched.
    """
    matches = pattern.find(source, MOST, folded)
    if not matches:
        head = source[:WIDTH]
        return _SPACE.sub(" ", head).strip(), (), None
    first_nl = source.find("\n")
    body = [m for m in matches if first_nl < 0 or m[0] > first_nl] or matches
    best_i, best_n = 0, -1
    for i, (s, _e, _g) in enumerate(body):
        names = {g for (s2, _e2, g) in body[i:i + 12] if s2 < s + WIDTH - LEAD}
        if len(names) > best_n:
            best_i, best_n = i, len(names)
    pos = body[best_i][0]
    a = max(0, pos - LEAD)
    if a:
        sp = source.rfind(" ", a - 20 if a > 20 else 0, pos)
        a = sp + 1 if sp >= 0 and sp + 1 <= pos else a
    b = min(len(source), a + WIDTH)
    if b < len(source):
        sp = source.rfind(" ", max(pos + 1, b - 30), b)
        b = sp if sp > pos else b
    text = _SPACE.sub(" ", source[a:b])
    # strip outer blanks, then shift the spans by what was cut at the front
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    spans = tuple((max(s, a) - a - lead, min(e, b) - a - lead)
                  for s, e, _g in matches if s < b and e > a and max(s, a) - a - lead >= 0)
    spans = tuple((s, min(e, len(text))) for s, e in spans if s < len(text))
    return text, spans, pos
