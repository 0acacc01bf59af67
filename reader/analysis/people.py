"""People: names found in the shown text, mentions of one person grouped by surname.

First version: runs of capitalised words; a later single surname joins the full name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block, Mention, Person, Span

_NAME = re.compile(r"\b([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){1,2})\b")
_STOP = {"The", "A", "An", "In", "On", "At", "But", "And", "For", "Russia", "Russian", "Moscow", "Defense",
         "Minister", "Secretary", "Foreign", "Western", "Chief", "Staff", "Prosecutor", "General"}


def find_people(source: str, blocks: Sequence[Block]) -> list[Person]:
    found: dict[str, list[Mention]] = {}
    for b in blocks:
        for m in _NAME.finditer(b.text):
            words = m.group(1).split()
            while words and words[0] in _STOP:
                words = words[1:]
            if len(words) < 2 or any(w in _STOP for w in words):
                continue
            name = " ".join(words)
            s = b.span.start + m.end() - len(name)
            found.setdefault(name, []).append(Mention(Span(s, s + len(name)), name))
    surnames = {n.split()[-1]: n for n in found}
    for b in blocks:
        for sur, full in surnames.items():
            for m in re.finditer(r"\b" + re.escape(sur) + r"\b", b.text):
                s = b.span.start + m.start()
                if not any(x.span.start <= s < x.span.end for x in found[full]):
                    found[full].append(Mention(Span(s, s + len(sur)), sur))
    return [Person(n, tuple(sorted(ms, key=lambda x: x.span.start))) for n, ms in found.items()]
