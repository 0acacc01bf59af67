"""What of a saved HTML page is furniture: kinds and hidden reasons from the loader's hints.

The HTML loader (:mod:`reader.ingest.html`) hands over the page's text in page order as
segments: the parts the article finder kept (``Origin.ARTICLE``), the page blocks it left out
(``PAGE``, ``REPEAT``, ``EXTRA``) and a byline from the metadata (``META``), each with the hints
of its markup (:class:`reader.ingest.Hints`: tag, furniture cue, caption/byline hint, length,
link share, container).  Here each becomes a block: article parts stay what the finder made of
them unless a short page block of the same text is a caption, a byline or sure furniture;
left-out page blocks are captions, bylines or hidden furniture, unless they are more of the
article's own prose.  Neighbouring furniture with one reason is one block, and a body block
holding a stock phrase (:mod:`.cues`) is hidden too.
"""

from __future__ import annotations

import re

from reader.analysis.boilerplate.cues import in_article_cue
from reader.ingest import Document, Hints, Origin, Segment
from reader.ingest.html_blocks import FURNITURE_CUES
from reader.model import Block, BlockKind, Span

__all__ = ["html_page_blocks"]

#: Captions and bylines longer than this are more likely body text or furniture (chosen on the
#: boilerplate dev set: longer ones were article paragraphs in a caption-classed wrapper).
MAX_CAPTION = 600
MAX_BYLINE = 200
#: A page block this long in the article's container is more of the article (shorter ones
#: there were teasers and labels) ...
MIN_PROMOTE = 100
#: ... and has less than this share of its text in links.
MAX_LINK_SHARE = 0.3
_PROSE = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
#: Cues sure enough to take a short part out of the article finder's text.
_SURE_FURNITURE = frozenset({"tags", "share buttons"})
#: Labels of buttons and widgets, found inside caption and byline elements; never one.
_UI_LABELS = frozenset({
    "advertisement", "by", "caption", "close", "enlarge", "enlarge image", "expand", "hide caption",
    "image", "image caption", "more", "photo", "share", "toggle caption", "video", "view gallery",
})

_Decision = tuple[BlockKind, str]
_WORD = re.compile(r"\w+")


def html_page_blocks(doc: Document) -> list[Block]:
    """The blocks of an HTML Document from its segments, furniture hidden with a reason."""
    src = doc.source
    segs = doc.segments or ()
    texts = [src[s.start:s.end] for s in segs]
    decided: list[_Decision | None] = [_article(seg, text) if seg.origin is Origin.ARTICLE else None
                                       for seg, text in zip(segs, texts, strict=True)]
    found = any(d is not None and d[0] in (BlockKind.BODY, BlockKind.HEADING) for d in decided)
    bylines = any(d is not None and d[0] is BlockKind.BYLINE for d in decided)
    for i, seg in enumerate(segs):
        if decided[i] is None and seg.origin is not Origin.META:
            decided[i] = _page_block(seg, texts[i], found)
            bylines = bylines or decided[i] == (BlockKind.BYLINE, "")
    for i, seg in enumerate(segs):
        if seg.origin is Origin.META:
            decided[i] = (BlockKind.BOILERPLATE, "byline already on the page") if bylines else (seg.kind, "")
    blocks: list[Block] = []
    for seg, decision in zip(segs, decided, strict=True):
        assert decision is not None
        kind, reason = decision
        last = blocks[-1] if blocks else None
        if (last is not None and kind is BlockKind.BOILERPLATE and last.kind is kind
                and last.reason == reason):
            blocks[-1] = _block(src, kind, last.span.start, seg.end, reason)
        else:
            blocks.append(_block(src, kind, seg.start, seg.end, reason))
    return _repeated_title([_stock_phrase(b) for b in blocks])


def _repeated_title(blocks: list[Block]) -> list[Block]:
    """A body line or heading that repeats the headline word for word (a teaser of the article
    itself, a print header) is hidden, as a text dump's repeated headline is."""
    title = next((b for b in blocks if b.kind is BlockKind.TITLE), None)
    if title is None:
        return blocks
    key = _words(title.text)
    if not key:
        return blocks
    return [Block(BlockKind.BOILERPLATE, b.span, b.text, hidden=True, reason="repeated title")
            if b.kind in (BlockKind.BODY, BlockKind.HEADING) and _words(b.text) == key
            else b for b in blocks]


def _words(text: str) -> list[str]:
    """The words of a text, case folded: a headline repeated with other quotation marks, dashes
    or spacing is the same headline."""
    return _WORD.findall(text.casefold())


def _block(src: str, kind: BlockKind, start: int, end: int, reason: str) -> Block:
    return Block(kind, Span(start, end), src[start:end], hidden=kind is BlockKind.BOILERPLATE, reason=reason)


def _stock_phrase(block: Block) -> Block:
    """A body block that holds one of the stock phrases (an appeal, a sign-up line) is hidden."""
    if block.kind is BlockKind.BODY:
        why = in_article_cue(block.text)
        if why:
            return Block(BlockKind.BOILERPLATE, block.span, block.text, hidden=True, reason=why)
    return block


def _furniture_kind(hints: Hints, text: str) -> BlockKind:
    """What a page block is on its own: a caption, a byline, or furniture."""
    if hints.cue in FURNITURE_CUES or " ".join(text.split()).casefold() in _UI_LABELS:
        return BlockKind.BOILERPLATE
    if hints.hint == "caption" and hints.length <= MAX_CAPTION:
        return BlockKind.CAPTION
    if hints.hint == "byline" and hints.length <= MAX_BYLINE:
        return BlockKind.BYLINE
    return BlockKind.BOILERPLATE


def _article(seg: Segment, text: str) -> _Decision:
    """A part the article finder kept: what it made of it, unless its page block says otherwise."""
    hints = seg.hints
    kind = BlockKind(seg.kind)
    if hints.twin and kind in (BlockKind.BODY, BlockKind.HEADING) and hints.length <= MAX_BYLINE:
        page = _furniture_kind(hints, text)
        if page is not BlockKind.BOILERPLATE:
            return page, ""
        if hints.cue in _SURE_FURNITURE:
            return BlockKind.BOILERPLATE, hints.cue
    if hints.unseen and kind in (BlockKind.BODY, BlockKind.HEADING):
        return BlockKind.BOILERPLATE, "not shown on the page"
    return kind, ""


def _page_block(seg: Segment, text: str, found: bool) -> _Decision:
    """A page block the article finder left out: caption, byline, furniture or more article."""
    hints = seg.hints
    if seg.origin is Origin.REPEAT:
        return BlockKind.BOILERPLATE, "repeated text"
    if seg.origin is Origin.EXTRA:
        return BlockKind.BOILERPLATE, hints.cue or "page furniture"
    kind = _furniture_kind(hints, text)
    if kind is BlockKind.BYLINE and found and hints.late:
        kind = BlockKind.BOILERPLATE  # an author box after the article, not its byline
    more = (hints.main and hints.tag in _PROSE and hints.length >= MIN_PROMOTE
            and hints.link_share < MAX_LINK_SHARE)
    if kind is BlockKind.BOILERPLATE and hints.cue not in FURNITURE_CUES and (not found or more):
        return BlockKind(seg.kind), ""  # no article found, or more of the article's own text: show it
    return kind, (hints.cue or "page furniture") if kind is BlockKind.BOILERPLATE else ""
