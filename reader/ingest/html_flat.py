"""A flat text extraction for pages the parser cannot take (nested too deeply, broken).

Regular expressions only, linear in the size of the page: invisible elements
(script, style...) and comments are dropped, block-level tags end a paragraph,
entities are decoded.
"""

from __future__ import annotations

import html
import re

_INVISIBLE = re.compile(
    r"<(script|style|noscript|template|head|svg|iframe|object)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.I | re.S,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|"
    r"blockquote|pre|figure|figcaption|dd|dt|dl|main|form|hr|body|html|title)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[^\S\n]+")


def flat_blocks(markup: str) -> list[str]:
    """Visible text paragraphs of ``markup``, whitespace-collapsed, in order."""
    text = _INVISIBLE.sub(" ", markup)
    # an unclosed <script> or <style> hides everything after it in a browser too
    text = re.sub(r"<(script|style)\b.*", " ", text, flags=re.I | re.S)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    out = []
    for line in text.split("\n"):
        line = _SPACE.sub(" ", line).strip()
        if line:
            out.append(line)
    return out
