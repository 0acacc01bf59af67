"""Length-preserving folding for search: lower case, accents off, curly quotes straightened.

``fold(text)`` always has the same length as ``text``, so an offset found in
the folded text is an offset into the original.  Words are runs of letters and
digits, as SQLite's unicode61 tokenizer splits them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

WORD = re.compile(r"[^\W_]+")


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x2000):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = base.lower()
        if len(low) == 1 and low != ch.lower():
            table[cp] = low
    for ch in "‘’‚‛′":
        table[ord(ch)] = "'"
    for ch in "“”„‟″«»":
        table[ord(ch)] = '"'
    table[0x130] = "i"  # 'İ'.lower() is two characters
    return table


_TABLE = _table()


def fold(text: str) -> str:
    """Lower-case ``text`` with accents removed, keeping its length."""
    if text.isascii():
        return text.lower()
    out = text.translate(_TABLE).lower()
    if len(out) != len(text):  # rare: a character whose lower case is longer
        out = "".join(c if len(c) == 1 else c[0] for c in (ch.lower() for ch in text.translate(_TABLE)))
    return out


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(folded word, start, end) for every word of ``text``."""
    for m in WORD.finditer(fold(text)):
        yield m.group(), m.start(), m.end()
