"""``reader export PATH [--format md|txt]``: the cleaned article (shown blocks only), for a pipe or a file.

Markdown (the default) starts with the title as a ``#`` heading and leaves out front matter and
every hidden block (furniture, and the title block already printed); ``txt`` prints the same blocks
as plain text (Markdown clips without their markup).  Nothing is written to the article's file.
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_left

from reader import analysis
from reader.ingest import load
from reader.model import Article, BlockKind, DisplayKind, Format
from reader.sanitize import inert


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a .txt, .md or .html file")
    parser.add_argument("--format", choices=["md", "txt"], default="md",
                        help="Markdown (default) or plain text")


def export(article: Article, fmt: str = "md") -> str:
    """The article's title and shown blocks as Markdown or plain text."""
    plain: dict[int, str] = {}  # display block text by the source index of its first character
    if fmt == "txt" and article.format is Format.MARKDOWN:
        from reader.ingest.display import displayed_text
        from reader.ingest.display_of import display_of

        for d in display_of(article) or ():
            key = d.runs[0].start if d.runs else d.span.start
            text = displayed_text(d)
            if d.kind is DisplayKind.LIST_ITEM:
                marker = f"{d.number}." if d.ordered and d.number is not None else "-"
                text = "  " * (d.depth - 1) + f"{marker} {text}"
            plain[key] = text
    keys = sorted(plain)
    parts: list[str] = []
    if article.title:
        parts.append(("# " if fmt == "md" else "") + " ".join(article.title.split()))
    for block in article.blocks:
        if block.hidden or block.kind is BlockKind.TITLE:
            continue
        text = block.text
        if plain:
            lo, hi = bisect_left(keys, block.span.start), bisect_left(keys, block.span.end)
            text = "\n".join(plain[k] for k in keys[lo:hi])
        elif fmt == "md" and block.kind is BlockKind.HEADING and article.format is not Format.MARKDOWN:
            text = "## " + text
        if text.strip():
            parts.append(text.strip("\n"))
    return "\n\n".join(parts) + "\n"


_SLUG_WORD = re.compile(r"[^\W_]+")
SLUG_MAX = 60


def slug(title: str) -> str:
    """A file name stem from ``title``: its words (letters and digits only) joined by '-', at most
    SLUG_MAX characters, 'article' when none is left.  Never a path separator, a dot or '..'."""
    words = _SLUG_WORD.findall(title.lower())
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > SLUG_MAX:
            break
        out = nxt
    return out or (words[0][:SLUG_MAX] if words else "article")


def run(ns: argparse.Namespace) -> int:
    article = analysis.analyse(load(ns.path))
    sys.stdout.write(inert(export(article, ns.format)))  # newlines and tabs stay; escapes are shown
    return 0
