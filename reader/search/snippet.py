"""Find where a query matched in a text: spans to highlight and the best passage as a snippet."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.search.fold import fold

WIDTH = 200
LEAD = 60
_SPACE = re.compile(r"\s")


class _GroupLike(Protocol):
    @property
    def variants(self) -> dict[str, float]: ...

    @property
    def prefixes(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Pattern:
    """One regex over folded text; each named alternative is one query word or phrase."""

    regex: re.Pattern[str] | None

    @staticmethod
    def build(groups: Sequence[_GroupLike], phrases: Iterable[tuple[str, ...]]) -> Pattern:
        alts = []
        for i, g in enumerate(groups):
            words = sorted(g.variants, key=len, reverse=True)
            body = "|".join(re.escape(w) for w in words)
            pre = "|".join(re.escape(p) + r"[^\W_]*" for p in g.prefixes)
            inner = "|".join(x for x in (pre, body) if x)
            alts.append(f"(?P<g{i}>(?<![^\\W_])(?:{inner})(?![^\\W_]))")
        for j, ph in enumerate(phrases):
            inner = r"[\W_]+".join(re.escape(w) for w in ph)
            alts.append(f"(?P<p{j}>(?<![^\\W_]){inner}(?![^\\W_]))")
        return Pattern(re.compile("|".join(alts)) if alts else None)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, group name) of every match in ``text``."""
        if self.regex is None:
            return []
        return [(m.start(), m.end(), m.lastgroup or "") for m in self.regex.finditer(fold(text))]

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        return tuple((s, e) for s, e, _ in self.find(text))


def snippet(source: str, pattern: Pattern) -> tuple[str, tuple[tuple[int, int], ...], int | None]:
    """(snippet, spans in it, offset of the best match in ``source``).

    The best passage holds the most different query words; a match on the
    first line (usually the title) is used only when nothing else matched.
    """
    matches = pattern.find(source)
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
    # strip outer blanks without moving offsets of what remains: trim, then shift spans
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    spans = tuple((max(s, a) - a - lead, min(e, b) - a - lead)
                  for s, e, _g in matches if s < b and e > a and max(s, a) - a - lead >= 0)
    spans = tuple((s, min(e, len(text))) for s, e in spans if s < len(text))
    return text, spans, pos
