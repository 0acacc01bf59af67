"""The HTML path's two article passes combined: blocks of the density scorer's article that
trafilatura left out are shown when the two agree on where the article lies."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.boilerplate import make_blocks
from reader.ingest import Origin
from reader.ingest import html as html_loader
from reader.ingest.html import _agreed, _ordinary, _without_tail, load_html
from reader.ingest.html_article import Extracted
from reader.ingest.html_blocks import TextBlock
from reader.ingest.html_density import Found
from reader.ingest.html_merge import merge
from reader.model import BlockKind

LINES = [
    "The orchard behind the chapel was planted in the spring of the year the railway came, "
    "and most of its pear trees still stand in their crooked rows along the wall.",
    "Every autumn the parish holds a picking day, when families bring ladders and baskets and "
    "the fruit is pressed in the barn before it is sold at the market on Saturday.",
    "This year the press broke down before noon, so the juice was made by hand in two old tubs, "
    "which took until dark but gave, everyone agreed, the best taste in a decade.",
]
FORMULA = (
    "The yield per tree, y = 4 k + 2 where k counts the years since grafting, held for "
    "every row of the orchard that season."
)


def _page(middle: str) -> str:
    return f"""<html><head><title>Picking day</title></head><body>
<div class="site-nav"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="story"><p>{LINES[0]}</p><p>{LINES[1]}</p>{middle}<p>{LINES[2]}</p></div>
<div class="site-footer"><p>All rights reserved by the parish newsletter.</p></div>
</body></html>"""


def _dropping(text: str) -> Any:
    """trafilatura's pass, with the part of ``text`` left out (as it leaves out some formulas,
    headings and lists)."""
    real = html_loader._trafilatura

    def run(*args: Any) -> Extracted:
        found = real(*args)
        return Extracted([(k, t) for k, t in found.parts if t != text])

    return run


def _shown(page: str) -> dict[str, bool]:
    return {b.text: not b.hidden for b in make_blocks(load_html("p.html", page))}


def test_a_paragraph_trafilatura_drops_between_its_parts_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(f"<div>{FORMULA}</div>")
    assert _shown(page)[FORMULA]
    short = "y = 4 k + 2 for every row k"
    loose = _page(f"{short}")
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(short))
    assert _shown(loose)[short]
    monkeypatch.undo()
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(FORMULA))
    shown = _shown(page)
    assert shown[FORMULA]
    assert all(shown[line] for line in LINES)
    assert not shown["All rights reserved by the parish newsletter."]


def test_a_dropped_caption_stays_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    caption = (
        "The old press in the barn, seen from the yard on the morning of the picking day, "
        "with the two tubs beside it, the ladders against the wall and the baskets of pears "
        "waiting by the door for the afternoon."
    )
    page = _page(f'<div class="caption">{caption}</div>')
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(caption))
    blocks = {b.text: b for b in make_blocks(load_html("p.html", page))}
    assert blocks[caption].kind is BlockKind.CAPTION


def _block(text: str, tag: str = "p", cue: str = "", hint: str = "") -> TextBlock:
    return TextBlock(text=text, tag=tag, cue=cue, hint=hint, node=0)


def test_agreed_needs_the_two_articles_to_be_one() -> None:
    blocks = [_block(LINES[0]), _block(FORMULA, "div"), _block(LINES[1]), _block("More rows", "h3")]
    found = Found(blocks=[0, 1, 2, 3])
    same = Extracted([(BlockKind.BODY, LINES[0]), (BlockKind.BODY, LINES[1])])
    # what trafilatura has already is no addition; the formula and the heading are
    assert _agreed(same, blocks, found)[0] == {1, 3}
    other = Extracted([(BlockKind.BODY, LINES[2])])
    assert _agreed(other, blocks, found) == (frozenset(), frozenset())
    assert _agreed(same, blocks, Found()) == (frozenset(), frozenset())


def test_plain_loose_text_of_the_container_may_fill_a_gap() -> None:
    formula = "y = 4 k + 2 for every row k of the orchard"
    blocks = [_block(LINES[0]), _block(formula, "body"), _block(LINES[1]), _block("Next", "div"),
              _block("Photo of the orchard and its rows of pear trees", "div", hint="caption")]
    found = Found(blocks=[0, 2], loose=[1, 3, 4])
    same = Extracted([(BlockKind.BODY, LINES[0]), (BlockKind.BODY, LINES[1])])
    # the short label and the caption are no text to add; the formula may be
    assert _agreed(same, blocks, found) == (frozenset(), {1})
    assert _agreed(Extracted([(BlockKind.BODY, LINES[2])]), blocks, found) == (frozenset(), frozenset())


def test_a_gap_is_filled_only_alone_between_two_parts_after_the_first_body_part() -> None:
    dateline = "Posted on the first of May by the parish clerk"
    formula = "y = 4 k + 2 for every row k of the orchard"
    texts = ["Picking day", dateline, LINES[0], formula, LINES[1], formula + " again", "Home", LINES[2],
             "Written for the parish newsletter by its editor"]
    blocks = [_block(t) for t in texts]
    parts = [(BlockKind.HEADING, "Picking day"), (BlockKind.BODY, LINES[0]), (BlockKind.BODY, LINES[1]),
             (BlockKind.BODY, LINES[2])]
    gaps = frozenset({1, 3, 5, 8})
    origins = {t: o for _, t, o, _ in merge(parts, blocks, frozenset(), gaps)}
    assert origins[formula] is Origin.ARTICLE
    # not before the first body part, not in a run with a block outside the set, not at the end
    assert origins[dateline] is Origin.PAGE
    assert origins[formula + " again"] is Origin.PAGE
    assert origins["Written for the parish newsletter by its editor"] is Origin.PAGE
    assert {t: o for _, t, o, _ in merge(parts, blocks)}[formula] is Origin.PAGE


def test_only_ordinary_text_is_added() -> None:
    blocks = [
        (_block(LINES[0]), True),
        (_block("More rows", "h3"), True),
        (_block("Photo taken on the morning of the picking day by a neighbour.", hint="caption"), False),
        (_block("Read the parish newsletter every week for news of the orchard.", cue="sign-up"), False),
        (
            _block("The tubs, the ladders and the baskets, all in a row by the barn door.", "figcaption"),
            False,
        ),
        (_block("Picking day 2024 in pictures and a video", "div"), False),
        (_block("Next", "p"), False),
    ]
    assert [_ordinary(b) for b, _ in blocks] == [want for _, want in blocks]


def test_merge_adds_an_agreed_block_only_between_the_article_parts() -> None:
    texts = ["Home", LINES[0], FORMULA, LINES[1], "This final note closes the page for good."]
    blocks = [_block(t) for t in texts]
    parts = [(BlockKind.BODY, LINES[0]), (BlockKind.BODY, LINES[1])]
    origins = {t: o for _, t, o, _ in merge(parts, blocks, frozenset({0, 2, 4}))}
    assert origins[FORMULA] is Origin.ARTICLE
    assert origins["Home"] is Origin.PAGE
    assert origins["This final note closes the page for good."] is Origin.PAGE
    plain = {t: o for _, t, o, _ in merge(parts, blocks)}
    assert plain[FORMULA] is Origin.PAGE


def test_parts_read_on_past_the_article_end_are_dropped() -> None:
    deck = "A parish tradition since the railway came to the valley."
    teaser = "Topics: orchards, parish life, markets"
    prompt = "Loading the readers' comments on this story now"
    texts = [deck, *LINES, teaser, prompt]
    blocks = [_block(t) for t in texts]
    found = Found(blocks=[1, 2, 3])
    parts = Extracted([(BlockKind.BODY, t) for t in texts])
    kept = [t for _, t in _without_tail(parts, blocks, found).parts]
    assert kept == [deck, *LINES]
    # a part the page does not show as a block of its own is trafilatura's alone: kept
    unseen = Extracted([*parts.parts, (BlockKind.BODY, "The end of the story, told twice.")])
    assert [t for _, t in _without_tail(unseen, blocks, found).parts][
        -1
    ] == "The end of the story, told twice."
    # too little would be left: nothing is dropped
    short = [_block(t) for t in ("Pears.", teaser, prompt)]
    few = Extracted([(BlockKind.BODY, b.text) for b in short])
    assert _without_tail(few, short, Found(blocks=[0])).parts == few.parts


def test_a_side_note_between_two_parts_is_shown_and_an_appeal_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    note = "The press was older than the barn itself, and had come from a farm across the valley."
    appeal = "Get the parish newsletter every week in your inbox, free of charge for all residents."
    page = _page(f"<aside>{note}</aside>")
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(note))
    assert _shown(page)[note]
    signup = _page(f'<div class="newsletter-box">{appeal}</div>')
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(appeal))
    assert not _shown(signup)[appeal]
    linked = _page(f'<aside><a href="/press">{note}</a></aside>')
    monkeypatch.setattr(html_loader, "_trafilatura", _dropping(note))
    assert not _shown(linked)[note]
