"""The main content of a page, found with trafilatura, as a list of typed parts.

trafilatura is imported here only, so only loading an HTML page pays for it.
Its XML-like body keeps the structure: ``head`` becomes a heading, ``p``,
list ``item`` and table ``row`` become body paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lxml import etree

from reader.model import BlockKind

_SPACE = re.compile(r"[^\S\n]+")


@dataclass(slots=True)
class Extracted:
    """What trafilatura found: typed parts in reading order (page metadata: html_meta)."""

    parts: list[tuple[BlockKind, str]] = field(default_factory=list)


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text(el: etree._Element) -> str:
    """Text of an element (``lb`` line breaks already carry a newline in their tail)."""
    return _clean("".join(el.itertext()))


#: trafilatura's elements that are paragraphs of their own (a list item holding one is split at it).
_BLOCK_PARTS = frozenset({"head", "p", "list", "quote", "table"})


def _holds_blocks(node: etree._Element) -> bool:
    """True when a list item holds a heading, paragraph, list, quote or table: its text is then
    several parts (joined, "Title" and "Text" of a card would read as one word)."""
    return any(child.tag in _BLOCK_PARTS for child in node)


def _walk(body: etree._Element, out: list[tuple[BlockKind, str]]) -> None:
    """Append the parts of trafilatura's body (iterative, so any depth is safe)."""
    todo: list[etree._Element | str] = [body]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            text = _clean(node)
            if text:
                out.append((BlockKind.BODY, text))
            continue
        tag = node.tag
        if node.tail and node is not body:
            todo.append(node.tail)
        wraps = tag in ("body", "list", "quote", "table", "div") or (tag == "item" and _holds_blocks(node))
        if wraps and len(node):
            todo.extend(reversed(list(node)))
            if node.text:
                todo.append(node.text)
        elif tag == "row":
            cells = (_text(c).replace("\n", " ") for c in node)
            todo.append(" | ".join(c for c in cells if c))
        elif tag != "graphic":
            text = _text(node)
            if text:
                out.append((BlockKind.HEADING if tag == "head" else BlockKind.BODY, text))


def extract_in(element: etree._Element) -> Extracted:
    """The quick pass over one region of a page: a copy of ``element`` alone in a page of its
    own (the page is not modified).  Cheaper than the whole page, and blind to its furniture."""
    from copy import deepcopy

    from lxml import html

    page = html.Element("html")
    body = html.Element("body")
    page.append(body)
    body.append(deepcopy(element))
    body[0].tail = None
    return extract(page)


@cache
def _options(fast: bool) -> Any:
    """trafilatura's settings for :func:`extract`, built once per process: building them reads
    its configuration anew each time, a third of a millisecond per call.  trafilatura never
    changes the settings it is given (a retry in recall mode works on a copy)."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python", comments=False, tables=True, images=False, with_metadata=False,
        precision=False, recall=False, fast=fast,
    )


def extract(tree: Any, fast: bool = True) -> Extracted:
    """Run trafilatura on a parsed page (the tree is not modified).

    ``fast`` skips trafilatura's comparison with its readability and jusText
    fallbacks: it is faster, and better when the caller checks the result.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(tree, options=_options(fast))
    out = Extracted()
    if doc is None:
        return out
    body = getattr(doc, "body", None)
    if body is not None:
        for lb in body.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        _walk(body, out.parts)
    return out
