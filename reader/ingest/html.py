"""Saved HTML pages: the article and the rest of the page's text, in page order, with hints.

The source of an HTML article is the text built here (title, byline, captions,
headings, body paragraphs and the page's other visible text, blank lines
between), so spans point into that text, not into the markup.  The page is parsed
once; one lxml walk finds every visible block (:mod:`reader.ingest.html_blocks`), a
density scorer over those blocks finds where the article lies
(:mod:`reader.ingest.html_density`), trafilatura's quick pass reads the article out of
that region only (:mod:`reader.ingest.html_article`; the whole page when the scorer is
unsure or the region gives a doubtful result, its fallbacks only when that is doubtful
too), and :mod:`reader.ingest.html_merge` puts them in page order, each segment with
what the page says of it (what is hidden is decided in
:mod:`reader.analysis.boilerplate.html`).  A page the parser cannot take (nested too
deeply, broken) is read as flat text (:mod:`reader.ingest.html_flat`) with a notice.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from reader.errors import ArticleError
from reader.ingest import Document, Hints, Origin, Segment
from reader.ingest.display_html import html_display
from reader.ingest.html_blocks import FURNITURE_CUES
from reader.ingest.html_density import MIN_SCORED
from reader.ingest.html_flat import flat_blocks
from reader.ingest.html_merge import Item, norm
from reader.model import BlockKind, Format

if TYPE_CHECKING:
    from reader.ingest.html_article import Extracted
    from reader.ingest.html_blocks import Nodes, TextBlock
    from reader.ingest.html_density import Found
    from reader.ingest.html_structure import PageStructure

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_SEP = "\n\n"
_WORD = re.compile(r"\w+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FIGURES = frozenset({"figure", "figcaption"})
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
#: A quick extraction shorter than this, or holding more than this share of text from
#: navigation, footers, comments..., is redone: on the whole page when it came from the density
#: scorer's region, with trafilatura's fallbacks when it came from the whole page.
MIN_ARTICLE = 250
MAX_FURNITURE_SHARE = 0.25
#: The quick pass reads only the density scorer's region when the scorer's article holds at
#: least this share of the page's prose and scores this many times its best rival (chosen on
#: both dev sets by halves: a region alone lost articles spread over rival containers).
MIN_REGION_SHARE = 0.5
MIN_REGION_LEAD = 1.5
#: A list or table scoring best is a gallery, a teaser list or a data table, not an article:
#: the scorer is unsure then.
_LISTS = frozenset({"ul", "ol", "li", "dl", "dd", "table", "tbody", "tr"})
#: trafilatura's fallbacks (jusText) are quadratic in nesting depth: deeper pages keep the quick pass.
MAX_FALLBACK_DEPTH = 400
#: Pages with more elements than this skip trafilatura (it would take many seconds).
MAX_ELEMENTS = 100_000
#: Share of the words of the density scorer's article and of trafilatura's that must be in the
#: other for the two to be one article: 0.5, 0.6 and 0.7 scored alike on the readability dev set's
#: even half, 0.8 lower; 0.7, the strictest of them, loses least on the AEB dev set's odd half.
MIN_AGREEMENT = 0.7
#: Most share of its text in links a block added between two parts may have.
MAX_BETWEEN_LINKED = 0.3
#: Furniture cues of layout boxes that may hold a side note of the article.
_SIDE_CUES = frozenset({"related links", "navigation"})


class _Unparsable(Exception):
    """The page cannot be read through its structure; use the flat text."""


def load_html(path: str, text: str) -> Document:
    """Build the Document of one saved page; only ArticleError ever escapes."""
    if not text.strip():
        return Document(
            path=path, format=Format.HTML, source="", segments=(), notices=("empty page: no text to show",)
        )
    try:
        return _load_structured(path, text)
    except ArticleError:
        raise
    except (_Unparsable, RecursionError, MemoryError) as exc:
        reason = str(exc) or "page structure could not be read"
    except Exception as exc:  # third-party extraction failed: fall back, and say so
        reason = f"page structure could not be read ({type(exc).__name__})"
    try:
        parts: list[Item] = [(BlockKind.BODY, line, Origin.ARTICLE, Hints()) for line in flat_blocks(text)]
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ArticleError(path, f"cannot read this page: {type(exc).__name__}") from None
    return _document(path, parts, {}, (f"{reason}; shown as plain text",))


def _parse(text: str) -> Any:
    from lxml import etree, html

    parser = html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise _Unparsable(f"page could not be parsed ({exc})") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise _Unparsable("page nested too deeply to read its structure")
    return root


def _load_structured(path: str, text: str) -> Document:
    from reader.ingest.html_article import Extracted
    from reader.ingest.html_blocks import Nodes, visible_blocks
    from reader.ingest.html_merge import merge
    from reader.ingest.html_meta import page_meta
    from reader.ingest.html_structure import StructureWalk

    root = _parse(text)
    _drop_permalinks(root)
    meta = page_meta(root)
    body = root.find("body")
    walk = StructureWalk()
    nodes = Nodes()
    blocks = visible_blocks(body if body is not None else root, walk, nodes)
    page = walk.result()
    notices: tuple[str, ...] = ()
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        found = Extracted()  # too big for the article finder: show all of its ordinary text
        notices = ("page too large to find its article: all of its text is shown",)
        dense: frozenset[int] = frozenset()
        between: frozenset[int] = frozenset()
    else:
        found, dense, between = _find_article(root, blocks, nodes)
    el = root.find(".//title")
    page_title = el.text_content() if el is not None else ""
    head = _headline(meta.get("title", ""), page_title, blocks, meta.get("url", ""))
    parts = _with_title(found.parts, head, blocks)
    items = merge(parts, blocks, dense, between)
    author, date = meta.get("author", ""), meta.get("date", "")
    if author or date:  # analysis hides it when the page shows a byline of its own
        at = next((i + 1 for i, item in enumerate(items) if item[0] is BlockKind.TITLE), 0)
        items.insert(at, (BlockKind.BYLINE, " · ".join(p for p in (author, date) if p), Origin.META, Hints()))
    title = next((t for kind, t, _, _ in items if kind is BlockKind.TITLE), "")
    if title:
        meta["title"] = norm(title)
    return _document(path, items, meta, notices, page)


_PERMALINK_SIGNS = frozenset("¶#§🔗")


def _drop_permalinks(root: Any) -> None:
    """Take out the anchors that documentation pages put after each heading ("¶", "#", "§",
    shown on hover in a browser): they are no text of the heading, in the title, the reading
    pane or the extract."""
    for a in list(root.iter("a")):
        if len(a) == 0 and (a.text or "").strip() in _PERMALINK_SIGNS and a.get("href", "").startswith("#"):
            a.drop_tree()


def _find_article(
    root: Any, blocks: list[TextBlock], nodes: Nodes
) -> tuple[Extracted, frozenset[int], frozenset[int]]:
    """The article's parts, the blocks the density scorer adds to them and those it adds only
    where they sit between two of them (see :func:`_agreed`).

    The parts are trafilatura's quick pass in the density scorer's region when the scorer is
    sure, else (or when that is doubtful) on the whole page, then its fallbacks; when the scorer
    is sure, without the page blocks outside its article that trafilatura read on into past the
    article's end (:func:`_without_tail`).  So each pass checks the other: trafilatura's text
    is kept where the two agree, and either one alone adds or drops only what the other's
    article bounds."""
    from reader.ingest.html_density import density_article

    found = density_article(blocks, nodes)
    parts = _trafilatura(root, blocks, nodes, found)
    if _sure(found, nodes):
        parts = _without_tail(parts, blocks, found)
    dense, between = _agreed(parts, blocks, found)
    return parts, dense, between


def _sure(found: Found, nodes: Nodes) -> bool:
    """True when the density scorer's article is most of the page's prose and far ahead of any
    rival, in a container that is no list or table."""
    return (
        found.region >= 0
        and found.share >= MIN_REGION_SHARE
        and found.lead >= MIN_REGION_LEAD
        and nodes.tag[found.top] not in _LISTS
    )


def _without_tail(parts: Extracted, blocks: list[TextBlock], found: Found) -> Extracted:
    """trafilatura's parts without those after its last part in the density scorer's article
    that are page blocks outside that article (topics, teasers, a gallery, a comment prompt read
    on past the article's end), when the scorer is sure and enough is left.  The parts before
    its first one stay (there, a lead and a headline's deck sit outside the container)."""
    from reader.ingest.html_article import Extracted

    inner = {blocks[k].text for k in found.blocks}
    keys = [norm(t) for _, t in parts.parts]
    last = max((i for i, key in enumerate(keys) if key in inner), default=-1)
    if last < 0:
        return parts
    outer = {b.text for b in blocks} - inner
    kept = [part for i, part in enumerate(parts.parts) if i <= last or keys[i] not in outer]
    if len(kept) == len(parts.parts) or sum(len(t) for _, t in kept) < MIN_ARTICLE:
        return parts
    return Extracted(kept)


def _trafilatura(root: Any, blocks: list[TextBlock], nodes: Nodes, found: Found) -> Extracted:
    from reader.ingest.html_article import extract, extract_in

    if _sure(found, nodes):
        region = nodes.element[found.region]
        if region.tag not in ("html", "body"):
            part = extract_in(region)
            if not _doubtful(part.parts, blocks):
                return part
    whole = extract(root)
    if _doubtful(whole.parts, blocks) and _depth(root) <= MAX_FALLBACK_DEPTH:
        return extract(root, fast=False)
    return whole


def _agreed(
    parts: Extracted, blocks: list[TextBlock], found: Found
) -> tuple[frozenset[int], frozenset[int]]:
    """Blocks of the density scorer's article that the merge may add to trafilatura's, when the
    two passes found one article (:data:`MIN_AGREEMENT` of the words of each are in the other):
    a heading, list item, formula or loose paragraph trafilatura left out between its parts is
    the article's then, by the agreement of the two on where the article lies.  Only ordinary
    text: no furniture cue, no caption or byline hint, no figure; a heading, or a sentence at
    least :data:`MIN_SCORED` long (labels, credits and chart ticks are left out).

    The second set holds the other plain text of the scorer's container (at least
    :data:`MIN_SCORED` long, mostly unlinked, no cue or hint: a formula, a short loose line):
    the merge adds one only where it sits alone between two consecutive parts."""
    texts = {norm(t) for _, t in parts.parts}
    extra = frozenset(k for k in found.blocks if blocks[k].text not in texts and _ordinary(blocks[k]))
    between = frozenset(
        k
        for k in (*found.blocks, *found.loose)
        if k not in extra and blocks[k].text not in texts and _plain(blocks[k])
    ) | frozenset(k for k, b in enumerate(blocks) if b.text not in texts and _set_apart(b))
    if not extra and not between:  # nothing to add (the common case): spare the word counts
        return extra, between
    mine = Counter(w for _, t in parts.parts for w in _WORD.findall(t))
    theirs = Counter(w for k in found.blocks for w in _WORD.findall(blocks[k].text))
    both = sum((mine & theirs).values())
    if both < MIN_AGREEMENT * max(sum(mine.values()), sum(theirs.values())):
        return frozenset(), frozenset()
    return extra, between


def _set_apart(block: TextBlock) -> bool:
    """Unlinked prose in a box of the layout (an aside, a "related" or navigation box): between
    two consecutive parts of the article it is a pull quote or a side note of the article.
    Appeals, sign-ups, notices and adverts are no side note, wherever they sit."""
    return block.cue in _SIDE_CUES and _unlinked_text(block)


def _plain(block: TextBlock) -> bool:
    """Text of no furniture, caption or byline kind, mostly unlinked and not a short label."""
    return _unmarked(block) and _unlinked_text(block)


def _unlinked_text(block: TextBlock) -> bool:
    """At least :data:`MIN_SCORED` long and mostly not links."""
    return len(block.text) >= MIN_SCORED and block.link_share < MAX_BETWEEN_LINKED


def _unmarked(block: TextBlock) -> bool:
    """No furniture cue, no caption or byline hint, no figure."""
    return not block.cue and not block.hint and block.tag not in _FIGURES


def _ordinary(block: TextBlock) -> bool:
    if not _unmarked(block):
        return False
    if block.tag in _HEADINGS:
        return True
    return len(block.text) >= MIN_SCORED and _SENTENCE_END.search(block.text) is not None


def _depth(root: Any) -> int:
    """How deeply the page's elements nest (linear: one walk over start and end events)."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _doubtful(parts: list[tuple[BlockKind, str]], blocks: list[Any]) -> bool:
    """True when the quick extraction found little, or took in much of the page furniture."""
    from reader.ingest.html_merge import SEARCH_BUDGET

    text = "\n".join(norm(t) for _, t in parts)
    if len(text) < MIN_ARTICLE:
        return True
    lines = {norm(line) for _, t in parts for line in t.split("\n")}
    search = len(text) * len(blocks) <= SEARCH_BUDGET  # substring checks only when cheap
    furniture = sum(
        len(b.text)
        for b in blocks
        if b.cue in FURNITURE_CUES and (b.text in lines or (search and len(b.text) >= 20 and b.text in text))
    )
    return furniture > MAX_FURNITURE_SHARE * len(text)


def _headline(title: str, page_title: str, blocks: list[Any], url: str) -> str:
    """The headline the page shows (:func:`reader.ingest.html_meta.headline`)."""
    from reader.ingest.html_meta import headline

    return headline(title, page_title, [(b.text, b.cue) for b in blocks if b.tag == "h1"], url)


def _with_title(
    parts: list[tuple[BlockKind, str]], title: str, blocks: list[Any]
) -> list[tuple[BlockKind, str]]:
    """The parts with the headline first, as the page shows it when it can be found."""
    key = norm(title).casefold()
    for i, (kind, text) in enumerate(parts[:4]):
        if kind is BlockKind.HEADING and key and norm(text).casefold() == key:
            return [(BlockKind.TITLE, text), *parts[:i], *parts[i + 1 :]]
    for block in blocks:
        if block.tag == "h1" and not block.cue and (not key or block.text.casefold() == key):
            return [(BlockKind.TITLE, block.text), *parts]
    return ([(BlockKind.TITLE, title)] if title else []) + parts


def _document(
    path: str,
    items: list[Item],
    meta: dict[str, str],
    notices: tuple[str, ...],
    page: PageStructure | None = None,
) -> Document:
    """The Document of the items, their text joined by blank lines; ``page`` gives the display
    its structure (without it, a paragraph or heading per segment)."""
    if not any(chunk for _, chunk, _, _ in items):
        notices += ("no visible text on this page",)
    pieces: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for kind, chunk, origin, hints in items:
        if not chunk:
            continue
        if pieces:
            pieces.append(_SEP)
            pos += len(_SEP)
        segments.append(Segment(kind, pos, pos + len(chunk), origin, hints))
        pieces.append(chunk)
        pos += len(chunk)
    source = "".join(pieces)
    display, segs = html_display(source, segments, page)
    return Document(
        path=path,
        format=Format.HTML,
        source=source,
        meta=meta,
        segments=segs,
        notices=notices,
        display=display,
    )
