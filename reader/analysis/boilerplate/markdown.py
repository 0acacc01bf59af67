"""Markdown analysis by structure: one analysis Block per rendered block, judged by its lines.

The rendered blocks (:func:`reader.ingest.display_md.markdown_blocks`) say what is structure; the
line classifier (:func:`.classify.classify_infos`) says, line by line, what is article, title,
byline, caption and furniture.  Each Block covers one rendered block, so a table, a paragraph, a
list item or a code block is shown or hidden whole, by the verdicts of its lines (the verdict of
most of its characters).  A Block of a heading starts after its ``#`` marks, as the heading's
rendered text does.

A document is read in one of two ways:

- *clean*: a web clip (front matter with ``url``, ``source`` or ``clipped``) or a document without
  one stock phrase or line of bare links (images aside).  The tool that saved it has cleaned it
  already, so only certain furniture is hidden: a block that holds a stock phrase of :mod:`.cues`
  (an appeal, a sign-up, share buttons, "Related:"), with that phrase's reason, and the bare links
  under a heading hidden so.  Tables and code never are.
- *raw*: a page dump.  The lines of tables, code blocks and lists of text are neutral when the
  article run is looked for (as lists after a colon are), and structure inside the article (from
  its title to the end of its run: headings, lists, quotes, tables, code, photos) is hidden only
  for a stock phrase, never for its shape.

A front-matter title is the article's title: a level-1 heading equal to it is the TITLE block,
and a title the classifier found that differs from it is a heading (or text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.boilerplate.article_run import DATA_SCORE
from reader.analysis.boilerplate.classify import BULK_UNITS, classify_infos
from reader.analysis.boilerplate.cues import in_article_cue, is_byline, is_credit
from reader.analysis.boilerplate.lines import Info, split_lines, text_cue
from reader.ingest import Document
from reader.ingest.display import DisplayBlock, DisplayKind, displayed_text
from reader.model import Block, BlockKind, Span

__all__ = ["markdown_analysis_blocks"]

#: Front-matter keys that web clippers write (Obsidian, MarkDownload, Joplin): the page was cleaned.
CLIPPER_KEYS = frozenset({"url", "source", "clipped"})
#: Rendered blocks that are structure: never hidden for their shape inside the article.
_STRUCTURE = frozenset({DisplayKind.HEADING, DisplayKind.LIST_ITEM, DisplayKind.QUOTE, DisplayKind.CODE,
                        DisplayKind.TABLE, DisplayKind.IMAGE})
#: Never hidden in a clean document, whatever they hold (code and data are no furniture).
_NEVER_HIDDEN = frozenset({DisplayKind.CODE, DisplayKind.TABLE})
# Words from which a sentence is prose whose stock phrase is no proof of furniture unless the
# phrase opens a page section (appeal, sign-up, legal notice): the classifier's own bound
# (lines._PROSE_WORDS, by hand, commit b62a54e).
_PROSE_WORDS = 8
_LINK_GLUE = " \t\n|·•,/-"
_SPACE = re.compile(r"\s+")
_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_SHOWN = (BlockKind.TITLE, BlockKind.BODY, BlockKind.BYLINE, BlockKind.CAPTION)


@dataclass(slots=True)
class _Group:
    """The source range of one analysis Block and the rendered block it shows."""

    display: DisplayBlock
    start: int
    end: int
    units: list[int]
    kind: BlockKind = BlockKind.BODY
    hidden: bool = False
    reason: str = ""


def markdown_analysis_blocks(doc: Document) -> list[Block]:
    """The analysis Blocks of a Markdown document: one per rendered block (see the module doc)."""
    src = doc.source
    from reader.ingest.display_md import markdown_blocks  # markdown-it: only when Markdown comes

    groups = _groups(src, markdown_blocks(src, doc.body_start))
    spans = split_lines(src, doc.body_start)
    _attach(groups, spans)
    clipped = bool(CLIPPER_KEYS & doc.meta.keys())
    state: dict[str, bool] = {}

    def prepare(infos: list[Info]) -> None:
        clean = clipped or not any(i.cue and i.cue != "image" for i in infos)  # a photo is no furniture
        state["clean"] = clean
        if not clean:
            _neutral_structure(groups, infos)

    infos, a, b = classify_infos(src, spans[:BULK_UNITS], True, len(spans) > BULK_UNITS, prepare)
    clean = state.get("clean", True)
    title = next((j for j, i in enumerate(infos) if i.kind is BlockKind.TITLE), a)
    certain = [_certain(i) for i in infos]
    for g in groups:
        _judge(g, infos, certain, clean, min(title, a), b)
    _sections(groups)
    _title(groups, doc.meta.get("title", ""))
    _rules(groups)
    out = []
    for g in groups:
        hidden = g.hidden
        kind = BlockKind.BOILERPLATE if hidden else g.kind
        out.append(Block(kind, Span(g.start, g.end), src[g.start:g.end], hidden=hidden,
                         reason=(g.reason or "navigation") if hidden else ""))
    return out


def _groups(src: str, blocks: tuple[DisplayBlock, ...]) -> list[_Group]:
    """One group per rendered block with text, and per rule.  An empty list item (its first block
    is no paragraph: code, a quote, a nested list) joins the block that follows in it, so that the
    bullet is shown with it.  A heading's group is its words: after its ``#`` marks, before closing
    marks or a setext underline."""
    out: list[_Group] = []
    pending: DisplayBlock | None = None
    for d in blocks:
        marker, pending = pending, None
        if not d.runs and d.kind is DisplayKind.LIST_ITEM:
            pending = d
            continue
        if not d.runs and d.kind is not DisplayKind.RULE:
            continue
        heading = d.kind is DisplayKind.HEADING
        start, end = (d.runs[0].start, _heading_end(src, d)) if heading else (d.span.start, d.span.end)
        if marker is not None and not heading and d.depth >= marker.depth:
            start = marker.span.start
        if start < end:
            out.append(_Group(d, start, end, []))
    return out


def _heading_end(src: str, d: DisplayBlock) -> int:
    """Where a heading's words end: its last line without closing ``#`` marks and trailing space."""
    last = d.runs[-1].end
    nl = src.find("\n", last, d.span.end)
    rest = src[last:d.span.end if nl < 0 else nl]
    m = _CLOSING.search(rest)
    return last + (m.start() if m else len(rest))


def _attach(groups: list[_Group], spans: list[tuple[int, int]]) -> None:
    """Give each group the indices of the line units (:func:`split_lines`) that overlap it."""
    k = 0
    for g in groups:
        while k < len(spans) and spans[k][1] <= g.start:
            k += 1
        j = k
        while j < len(spans) and spans[j][0] < g.end:
            g.units.append(j)
            j += 1


def _bare_links(d: DisplayBlock) -> bool:
    """True when all a block shows is links and images (with separators between them)."""
    return all("link" in r.styles or "image" in r.styles or not r.text.strip(_LINK_GLUE) for r in d.runs)


def _neutral_structure(groups: list[_Group], infos: list[Info]) -> None:
    """Lines of tables, code and lists of text (not of bare links) neither make nor break the
    article run: they count as a list after a colon does (a table as a data table)."""
    n = len(infos)
    for g in groups:
        kind = g.display.kind
        if kind not in (DisplayKind.TABLE, DisplayKind.CODE, DisplayKind.LIST_ITEM):
            continue
        if kind is DisplayKind.LIST_ITEM and _bare_links(g.display):
            continue
        floor = DATA_SCORE if kind is DisplayKind.TABLE else 0.0
        for j in g.units:
            if j < n and not _certain(infos[j]):
                infos[j].listed = True
                infos[j].score = max(infos[j].score, floor)


def _certain(i: Info) -> str:
    """The stock phrase that makes a line furniture for certain ("" for none): any on a line
    that is not a sentence of prose, else only one that opens a page section."""
    cue, strong = i.plain_cue
    if not cue or (i.sentence and i.words >= _PROSE_WORDS and not strong):
        return ""
    return cue


def _judge(g: _Group, infos: list[Info], certain: list[str], clean: bool, head: int, end: int) -> None:
    """The kind, hidden state and reason of one group from the verdicts of its lines
    (``certain``: each line's :func:`_certain` phrase; ``[head, end)``: the article's lines)."""
    d = g.display
    units = g.units  # ascending (see _attach)
    known = units if not units or units[-1] < len(infos) else [j for j in units if j < len(infos)]
    # later lines (a huge file) are text in bulk.  In one pass: the characters of the group in
    # each line, and in its lines with a certain cue and its hidden lines, with the largest of each
    total = cued = hidden = 0
    top_cue: tuple[int, str] | None = None
    top_hid: tuple[int, str] | None = None
    for j in known:
        i = infos[j]
        n = min(g.end, i.end) - max(g.start, i.start)
        total += n
        if certain[j]:
            cued += n
            if top_cue is None or (n, certain[j]) > top_cue:
                top_cue = (n, certain[j])
        if i.kind is BlockKind.BOILERPLATE:
            hidden += n
            if top_hid is None or (n, i.reason) > top_hid:
                top_hid = (n, i.reason)
    total = total or 1
    if d.kind is DisplayKind.HEADING:  # its words without the marks, which the lines keep
        cue = text_cue(displayed_text(d))[0]
    else:
        cue = top_cue[1] if top_cue is not None and 2 * cued >= total else ""
    if not cue and d.kind not in (DisplayKind.HEADING, DisplayKind.CODE, DisplayKind.TABLE):
        cue = in_article_cue(displayed_text(d))
    if clean:
        repeated = bool(known) and all(infos[j].kind is BlockKind.BOILERPLATE
                                       and infos[j].reason == "repeated title" for j in known)
        g.hidden = d.kind not in _NEVER_HIDDEN and (bool(cue) or repeated)
        g.reason = cue or "repeated title"
    else:
        g.hidden = 2 * hidden > total
        g.reason = cue or (top_hid[1] if top_hid is not None else "")
        # structure inside the article, or a photo with its caption, is hidden only for a cue
        if g.hidden and not cue and any(head <= j < end for j in known) \
                and (d.kind in _STRUCTURE or any("image" in r.styles for r in d.runs)):
            g.hidden = False
    if not g.hidden:
        g.kind = _shown_kind(g, [infos[j] for j in known])


def _sections(groups: list[_Group]) -> None:
    """Bare links under a heading hidden for its stock phrase ("Related stories", "More from us")
    are that section's furniture, up to the next heading of the same or a higher level."""
    reason, level = "", 0
    for g in groups:
        d = g.display
        if d.kind is DisplayKind.HEADING:
            if g.hidden:
                reason, level = g.reason, d.level
            elif d.level <= level:
                reason, level = "", 0
        elif reason and d.kind in (DisplayKind.LIST_ITEM, DisplayKind.PARAGRAPH) and _bare_links(d):
            g.hidden, g.reason = True, reason


def _shown_kind(g: _Group, infos: list[Info]) -> BlockKind:
    """What a shown group is: its lines' kind where the classifier showed them, else by its text."""
    d = g.display
    kinds = [i.kind for i in infos]
    if d.kind is DisplayKind.HEADING:
        return BlockKind.TITLE if BlockKind.TITLE in kinds else BlockKind.HEADING
    if d.kind is DisplayKind.IMAGE:
        return BlockKind.CAPTION
    first = next((k for k in kinds if k in _SHOWN), None)
    if first is not None and (first is not BlockKind.TITLE or d.kind is DisplayKind.PARAGRAPH):
        return first
    return _text_kind(displayed_text(d))


def _text_kind(text: str) -> BlockKind:
    """Body text, a byline or a credit, by the text alone (for a block the classifier hid)."""
    words = len(text.split())
    if words <= 40 and is_credit(text):
        return BlockKind.CAPTION
    if words <= 12 and is_byline(text.strip().lower()):
        return BlockKind.BYLINE
    return BlockKind.BODY


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().strip("#").strip().casefold()


def _title(groups: list[_Group], front: str) -> None:
    """A front-matter title wins: a level-1 heading equal to it (the first; else the title the
    classifier chose, if equal to it) is the TITLE block; any other title the classifier chose
    becomes a heading, or text.  Without one, a document
    whose first shown block is a level-1 heading has it as its title, if the classifier chose none."""
    if not front.strip():
        first = next((g for g in groups if not g.hidden), None)
        if first is not None and first.display.level == 1 and first.kind is BlockKind.HEADING \
                and not any(g.kind is BlockKind.TITLE for g in groups):
            first.kind = BlockKind.TITLE
        return
    want = _norm(front)
    same = [g for g in groups if _norm(displayed_text(g.display)) == want]
    chosen = next((g for g in same if g.display.kind is DisplayKind.HEADING and g.display.level == 1),
                  next((g for g in same if g.kind is BlockKind.TITLE), None))
    for g in groups:
        if g is chosen:
            g.kind, g.hidden, g.reason = BlockKind.TITLE, False, ""
        elif g.kind is BlockKind.TITLE and not g.hidden:
            heading = g.display.kind is DisplayKind.HEADING
            g.kind = BlockKind.HEADING if heading else _text_kind(displayed_text(g.display))


def _rules(groups: list[_Group]) -> None:
    """A rule (``---``) goes with the furniture next to it: hidden, with its reason, when the block
    before or after it is hidden or missing; shown as a break inside the article."""
    blocks = [g for g in groups if g.display.kind is not DisplayKind.RULE]
    pos = {id(g): n for n, g in enumerate(blocks)}
    k = 0
    for g in groups:
        if g.display.kind is not DisplayKind.RULE:
            k = pos[id(g)] + 1
            continue
        before = blocks[k - 1] if k > 0 else None
        after = blocks[k] if k < len(blocks) else None
        near = [x for x in (after, before) if x is None or x.hidden]
        g.kind = BlockKind.BODY
        g.hidden = bool(near)
        g.reason = next((x.reason for x in near if x is not None), "navigation")
