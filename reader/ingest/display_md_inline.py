"""Where markdown-it's inline tokens sit in the source: the parser that records it, and the walk.

Every inline rule but plain text is wrapped so that the tokens it pushes record where in the
inline source they began and ended (``Token.meta``); text tokens, which are literal, fill the
gaps in order.  The table rule is wrapped to record where each of its lines' content begins, so
that cells are cut from their line as the rule cuts them (:func:`split_row`).  Used by
:mod:`reader.ingest.display_md`.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.token import Token

from reader.ingest.display import RunBuilder

__all__ = ["POS", "Inline", "Mismatch", "parser", "split_row"]

POS = "reader.pos"  # Token.meta key: (start, end, index among the tokens of one rule call)
_EM = {"em_open": ("em", 1), "em_close": ("em", -1),
       "strong_open": ("strong", 1), "strong_close": ("strong", -1)}
_PARSER: MarkdownIt | None = None
_STYLE_NAMES = ("em", "strong", "code", "link", "image")
_STYLE_OF: dict[tuple[bool, ...], frozenset[str]] = {}


class Mismatch(Exception):
    """The tokens do not line up with the source text (the block is then shown literally)."""


def _placed(rule: Any, newline: bool = False) -> Any:
    def wrapped(state: Any, silent: bool) -> bool:
        if silent:
            return bool(rule(state, silent))
        if not newline and state.pending:
            state.pushPending()  # its text token is not this rule's (newline reads pending)
        start, n = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        pushed = state.tokens[-1:] if newline else state.tokens[n:]
        for k, tok in enumerate(pushed):
            tok.meta.setdefault(POS, (start, state.pos, k))
        return True
    return wrapped


def _table_lines(rule: Any) -> Any:
    def wrapped(state: Any, start: int, end: int, silent: bool) -> bool:
        n = len(state.tokens)
        ok = bool(rule(state, start, end, silent))
        if ok and not silent:
            tok = state.tokens[n]
            tok.meta[POS] = [state.bMarks[i] + state.tShift[i] for i in range(tok.map[0], tok.map[1])]
        return ok
    return wrapped


def parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        md = MarkdownIt("commonmark").enable("table").disable("text_join")
        for rule in md.inline.ruler.__rules__:
            if rule.name != "text":
                md.inline.ruler.at(rule.name, _placed(rule.fn, rule.name == "newline"))
        for block_rule in md.block.ruler.__rules__:
            if block_rule.name == "table":
                md.block.ruler.at("table", _table_lines(block_rule.fn), {"alt": list(block_rule.alt)})
        _PARSER = md
    return _PARSER



def split_row(src: str, s: int, e: int) -> list[list[int]]:
    """The source indices of each cell's content, as the table rule splits a row."""
    while s < e and src[s] in MD_TRIM_CHARS:
        s += 1
    while e > s and src[e - 1] in MD_TRIM_CHARS:
        e -= 1
    cols: list[list[int]] = []
    cur: list[int] = []
    escaped = False
    for p in range(s, e):
        ch = src[p]
        if ch == "|" and not escaped:
            cols.append(cur)
            cur = []
        else:
            if ch == "|":
                cur.pop()  # an escaped pipe: the backslash goes
            cur.append(p)
        escaped = ch == "\\"
    cols.append(cur)
    if cols and not cols[0]:
        cols.pop(0)
    if cols and not cols[-1]:
        cols.pop()
    for k, col in enumerate(cols):
        i, j = 0, len(col)
        while i < j and src[col[i]] in MD_TRIM_CHARS:
            i += 1
        while j > i and src[col[j - 1]] in MD_TRIM_CHARS:
            j -= 1
        cols[k] = col[i:j]
    return cols


class Inline:
    """Places the children of one inline token: ``text`` is its content, ``cmap`` the source
    index of each of its characters."""

    def __init__(self, text: str, cmap: list[int], out: RunBuilder) -> None:
        self.text, self.cmap, self.out = text, cmap, out
        self.open = {"em": 0, "strong": 0}
        self.hrefs: list[str] = []
        self.src: str | None = None

    def put(self, shown: str, c: int, code: bool = False) -> None:
        """Show ``shown`` for the content characters from ``c`` on, one for one."""
        n = len(shown)
        if not n:
            return
        if c < 0 or c + n > len(self.cmap):
            raise Mismatch
        key = (self.open["em"] > 0, self.open["strong"] > 0, code, bool(self.hrefs), self.src is not None)
        style = _STYLE_OF.get(key)
        if style is None:
            style = _STYLE_OF[key] = frozenset(name for name, on in zip(_STYLE_NAMES, key, strict=True) if on)
        href = self.hrefs[-1] if self.hrefs else None
        first = self.cmap[c]
        if self.cmap[c + n - 1] - first == n - 1:
            self.out.add(shown, first, style, href, self.src)
        else:
            for k, ch in enumerate(shown):
                self.out.add(ch, self.cmap[c + k], style, href, self.src)

    def walk(self, children: list[Token], base: int) -> None:
        """Place ``children``, whose recorded positions count from content index ``base``."""
        cursor = base
        auto = False
        text = self.text
        for tok in children:
            t = tok.type
            if t == "text":
                s = tok.content
                if s and not auto:
                    c = cursor if text.startswith(s, cursor) else text.find(s, cursor)
                    if c < 0:
                        raise Mismatch
                    self.put(s, c)
                    cursor = c + len(s)
                continue
            pos = tok.meta.get(POS)
            if pos is None:
                raise Mismatch
            start, end = base + pos[0], base + pos[1]
            if t == "softbreak":
                self.put(" ", start)
            elif t == "hardbreak":
                self.put("\n", text.find("\n", start, end))
            elif t == "text_special":  # an escape shows the escaped character, an entity its value
                lead = len(tok.markup) - len(tok.content) if tok.info == "escape" else 0
                self.put(tok.content, start + lead)
            elif t == "code_inline":
                m = len(tok.markup)
                self.put(tok.content, start + m + (end - start - 2 * m - len(tok.content)) // 2, code=True)
            elif t in _EM:
                name, step = _EM[t]
                self.open[name] += step
                end = start + pos[2] + (1 if step > 0 else len(tok.markup))
            elif t == "link_open":
                self.hrefs.append(str(tok.attrGet("href") or ""))
                if tok.markup == "autolink":
                    self.put(text[start + 1:end - 1], start + 1)
                    auto = True
                else:
                    end = start + 1
            elif t == "link_close":
                if not self.hrefs:
                    raise Mismatch
                self.hrefs.pop()
                auto = False
            elif t == "image":
                outer, self.src = self.src, str(tok.attrGet("src") or "")
                self.walk(tok.children or [], start + 2)
                self.src = outer
            elif t == "html_inline":
                self.put(text[start:end], start)
            else:
                raise Mismatch
            cursor = max(cursor, end)
