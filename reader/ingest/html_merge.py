"""Put the article parts and the rest of the page's visible blocks in one reading order.

The article parts (from trafilatura) are matched to the page's visible blocks by
their text; a block no part covers keeps its place in the page and becomes a
caption, a byline, or hidden page furniture with a reason.  So nothing visible
is lost, and the furniture sits before, between or after the article text as in
the page.
"""

from __future__ import annotations

import re

from reader.ingest.html_blocks import TextBlock

_SPACE = re.compile(r"\s+")
#: Shorter texts must match a part exactly to count as part of the article.
MIN_SUBSTRING = 20
#: Captions and bylines longer than this are more likely body text or furniture.
MAX_CAPTION = 600
MAX_BYLINE = 200
_NOT_ARTICLE = frozenset({"comments", "related links", "navigation", "footer", "sign-up",
                          "cookie notice", "advertising", "share buttons", "tags", "form", "pop-up",
                          "search"})

Part = tuple[str, str, str]  # kind, text, reason


def norm(text: str) -> str:
    """Whitespace collapsed, for matching texts from the two extractions."""
    return _SPACE.sub(" ", text).strip()


def _covers(block: str, part: str) -> bool:
    if block == part:
        return True
    if len(block) >= MIN_SUBSTRING and block in part:
        return True
    return len(part) >= MIN_SUBSTRING and part in block


def _find(block: str, nparts: list[str], start: int) -> int:
    """Index of the first part at or after ``start`` that covers ``block``, else -1."""
    for k in range(max(start, 0), len(nparts)):
        if _covers(block, nparts[k]):
            return k
    return -1


def _furniture_kind(block: TextBlock) -> str:
    if block.reason in _NOT_ARTICLE:
        return "boilerplate"
    if block.hint == "caption" and len(block.text) <= MAX_CAPTION:
        return "caption"
    if block.hint == "byline" and len(block.text) <= MAX_BYLINE:
        return "byline"
    return "boilerplate"


def merge(parts: list[tuple[str, str]], blocks: list[TextBlock]) -> list[Part]:
    """Article parts and uncovered blocks, in page order; consecutive furniture joined."""
    nparts = [norm(text) for _, text in parts]
    kinds = [kind for kind, _ in parts]
    whole = "\n".join(nparts)
    out: list[Part] = []
    j = 0  # next article part to emit
    for block in blocks:
        k = _find(block.text, nparts, j - 1) if nparts else -1
        if k >= j:
            # a page block that equals a body part but is marked as a caption or byline is one
            if block.text == nparts[k] and kinds[k] == "body" and block.reason not in _NOT_ARTICLE:
                kind = _furniture_kind(block)
                if kind != "boilerplate":
                    kinds[k] = kind
            while k + 1 < len(nparts) and _covers(block.text, nparts[k + 1]) and block.text != nparts[k]:
                k += 1
            out.extend((kinds[i], parts[i][1], "") for i in range(j, k + 1))
            j = k + 1
            continue
        if k >= 0 or (len(block.text) >= MIN_SUBSTRING and block.text in whole):
            continue  # already shown as part of the article
        kind = _furniture_kind(block)
        if kind == "byline" and parts and j > len(parts) // 2:
            kind = "boilerplate"  # an author box after the article, not its byline
        if not parts and kind == "boilerplate" and block.reason not in _NOT_ARTICLE:
            # no article found: show the ordinary text of the page rather than hide it all
            kind = "heading" if block.tag in ("h2", "h3", "h4", "h5", "h6") else "body"
        out.append((kind, block.text, (block.reason or "page furniture") if kind == "boilerplate" else ""))
    out.extend((kinds[i], parts[i][1], "") for i in range(j, len(parts)))
    return _join_furniture(out)


def _join_furniture(items: list[Part]) -> list[Part]:
    joined: list[Part] = []
    for kind, text, reason in items:
        if joined and kind == "boilerplate" and joined[-1][0] == "boilerplate" and joined[-1][2] == reason:
            joined[-1] = (kind, joined[-1][1] + "\n" + text, reason)
        else:
            joined.append((kind, text, reason))
    return joined
