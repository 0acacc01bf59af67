"""Markdown analysis by structure (issue 12): one analysis Block per rendered block; structure is not
boilerplate; a web clip hides only stock furniture; the front-matter title wins."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import analyse_file
from reader.analysis import analyse
from reader.analysis.boilerplate import blocks
from reader.errors import ArticleError
from reader.ingest import load_bytes
from reader.ingest.display import DisplayKind
from reader.ingest.display_md import markdown_blocks
from reader.model import Article, Block, BlockKind
from tests.conftest import SAMPLES
from tests.unit.test_boilerplate import CLIPPED_MD

K = BlockKind

STEPS = """\
Our allotment society agreed last spring to fit every plot with a water butt, and this note
explains what we bought, what it cost and how to connect one to a shed roof.

The volunteers on the north side tested the kit first and said that it took them an afternoon.
"""

# Short Title Case list items before the prose and a table and code after it: read line by line
# as a text dump, all of them were folded away as navigation.
CLIP = """\
---
title: Water butts for every plot
url: https://example.org/allotments/water-butts
clipped: 2024-05-03
---

# Water butts for every plot

Allotment news

- Fit The Diverter Kit
- Level The Breeze Blocks
- Stand The Butt On Them
- Connect The Overflow Hose

{steps}
## Prices

| Item | Price |
| --- | --- |
| Butt | £45 |
| Diverter | £12 |
| Blocks | £6 |

```
depth = reading * 0.42
```
"""

APPEAL = "If you value our newsletter, please make a donation to keep it free for every member."


def md(text: str) -> Article:
    return analyse(load_bytes("clip.md", text.encode("utf-8"), "markdown"))


def containing(art: Article, words: str) -> Block:
    found = [b for b in art.blocks if words in b.text]
    assert len(found) == 1, (words, found)
    return found[0]


def test_olive_growers_shows_its_standfirst_and_photo() -> None:
    art = analyse_file(str(SAMPLES / "clips" / "drought-olive-growers.md"))
    standfirst = containing(art, "Smallholders in the Vallejo basin")
    assert not standfirst.hidden and standfirst.kind is K.BODY
    photo = containing(art, "![Dry irrigation channel")
    assert not photo.hidden
    assert containing(art, "Why olive oil costs").reason == "related links"
    assert containing(art, "Subscribe to the Field Report").reason == "newsletter"
    assert art.title == "Olive growers dig deeper as third dry winter bites"


def test_a_clip_hides_no_list_table_code_or_heading() -> None:
    art = md(CLIP.format(steps=STEPS))
    assert not any(b.hidden for b in art.blocks), [b for b in art.blocks if b.hidden]
    table = containing(art, "| Butt | £45 |")
    assert table.text.startswith("| Item | Price |") and table.text.endswith("| Blocks | £6 |")
    assert containing(art, "depth = reading").text.startswith("```")
    assert containing(art, "Prices").kind is K.HEADING
    assert containing(art, "Level The Breeze Blocks").text == "- Level The Breeze Blocks"
    # a hard-wrapped paragraph is one block
    assert "\n" in containing(art, "Our allotment society").text


def test_a_page_dump_keeps_its_structure_inside_the_article() -> None:
    body = CLIP.format(steps=STEPS).split("---\n", 2)[2]  # no front matter: read as a raw page
    art = md("[Home](/) | [Garden](/garden) | [Shop](/shop)\n\n" + body + "\n" + APPEAL + "\n")
    assert containing(art, "[Home](/)").hidden
    assert containing(art, APPEAL).reason == "donation appeal"
    for words in ("Level The Breeze Blocks", "| Butt | £45 |", "depth = reading", "Prices"):
        assert not containing(art, words).hidden, words


def test_a_page_dump_still_hides_its_furniture() -> None:
    art = md(CLIPPED_MD)
    kinds = {b.text: (b.kind, b.reason) for b in art.blocks}
    assert kinds["The harbour bridge will close for a year of repairs"][0] is K.TITLE
    assert kinds["*By [Jane Doe](https://example.org/jane), 12 March 2024*"][0] is K.BYLINE
    assert kinds["1. closing the bridge to all traffic"][0] is K.BODY
    assert kinds["* [Home](https://example.org/)"][0] is K.BOILERPLATE
    assert kinds["Related stories"] == (K.BOILERPLATE, "related links")
    assert kinds["* [Council elections set for May](https://example.org/b)"][0] is K.BOILERPLATE
    assert kinds["© 2024 Example News. All rights reserved."] == (K.BOILERPLATE, "legal")
    assert kinds["Share on [Twitter](https://twitter.com/share) | [Facebook](https://facebook.com/share)"] \
        == (K.BOILERPLATE, "share buttons")


def test_a_page_dump_shows_the_standfirst_and_photo_under_its_headline() -> None:
    text = (SAMPLES / "clips" / "drought-olive-growers.md").read_text(encoding="utf-8")
    art = md(text.split("---\n", 2)[2])  # without its front matter: not a clip
    assert containing(art, "Olive growers dig deeper").kind is K.TITLE
    assert not containing(art, "Smallholders in the Vallejo basin").hidden
    assert not containing(art, "![Dry irrigation channel").hidden
    assert containing(art, "Subscribe to the Field Report").reason == "newsletter"


def test_a_clip_with_an_appeal_hides_only_the_appeal() -> None:
    art = md(CLIP.format(steps=STEPS) + "\n" + APPEAL + "\n")
    hidden = [b for b in art.blocks if b.hidden]
    assert [(b.text, b.reason) for b in hidden] == [(APPEAL, "donation appeal")]


def test_prose_in_a_clip_is_not_furniture_for_a_word() -> None:
    line = "Search teams found the missing boat on Tuesday, two miles off the harbour wall."
    art = md("---\nsource: Example\n---\n# Boat found\n\n" + line + "\n\n" + STEPS)
    assert not containing(art, "Search teams").hidden


def test_a_note_with_a_photo_is_clean() -> None:
    art = md("# Pruning the pear tree\n\nGarden diary\n\n![The pear tree](pear.jpg)\n\n"
             "- Cut The Dead Wood\n- Open The Centre\n\n" + STEPS.split("\n\n")[0] + "\n")
    assert not any(b.hidden for b in art.blocks), [b for b in art.blocks if b.hidden]


def test_front_matter_title_wins_over_a_different_first_heading() -> None:
    art = md("---\ntitle: Water butts for every plot\n---\n\n# Notes from the allotment\n\n" + STEPS)
    assert art.title == "Water butts for every plot"
    heading = containing(art, "Notes from the allotment")
    assert heading.kind is K.HEADING and not heading.hidden
    assert heading.text == "Notes from the allotment"  # the span starts after the marks
    assert not any(b.kind is K.TITLE for b in art.blocks)


def test_a_first_heading_equal_to_the_front_matter_title_is_the_title() -> None:
    art = md("---\ntitle: \"Water butts for  every plot\"\n---\n\n# Water butts for every *plot*\n\n" + STEPS)
    title = containing(art, "Water butts")
    assert title.kind is K.TITLE and title.text == "Water butts for every *plot*"
    assert art.title == "Water butts for  every plot"


def test_a_title_line_equal_to_the_front_matter_title_stays_the_title() -> None:
    art = md("---\ntitle: Water butts for every plot\n---\n\n**Water butts for every plot**\n\n" + STEPS)
    assert containing(art, "Water butts").kind is K.TITLE


def test_without_front_matter_the_first_heading_is_the_title() -> None:
    art = md("# Notes from the allotment\n\n" + STEPS)
    assert art.title == "Notes from the allotment"
    assert containing(art, "Notes from").kind is K.TITLE


def test_a_rule_goes_with_the_furniture_next_to_it() -> None:
    art = md(CLIP.format(steps=STEPS) + "\n---\n\n" + APPEAL + "\n")
    rule = next(b for b in art.blocks if b.text == "---")
    assert rule.hidden and rule.reason == "donation appeal"
    art = md("# Notes\n\n" + STEPS + "\n---\n\n" + STEPS.replace("north", "south"))
    assert not next(b for b in art.blocks if b.text == "---").hidden


def test_bare_links_under_a_related_heading_go_with_it() -> None:
    related = ("## Related stories\n\n- [New bus lanes](https://example.org/a)\n"
               "- [Council elections](https://example.org/b)\n- A list item in words.\n\n"
               "## Sources\n\n- [The minutes](https://example.org/minutes)\n")
    art = md(CLIP.format(steps=STEPS) + "\n" + related)
    assert [b.text for b in art.blocks if b.hidden] == [
        "Related stories", "- [New bus lanes](https://example.org/a)",
        "- [Council elections](https://example.org/b)"]
    assert {b.reason for b in art.blocks if b.hidden} == {"related links"}


def test_a_heading_block_is_its_words() -> None:
    art = md("Allotment notes\n===============\n\n" + STEPS + "\n## Costs ##\n\nThe butts cost £45 each.\n")
    assert art.title == "Allotment notes"
    assert containing(art, "Allotment notes").text == "Allotment notes"
    assert containing(art, "Costs").text == "Costs"


def test_markdown_too_long_to_render_is_classified_by_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocks, "MAX_MARKDOWN", 100)
    art = md(CLIP.format(steps=STEPS))
    assert containing(art, "| Butt | £45 |").text == "| Butt | £45 |"  # one block per line


# -- property: every rendered block lies inside exactly one analysis Block ------------------------

SYNTAX = ["**", "*", "_", "`", "```\n", "~~~\n", "# ", "## ", "- ", "* ", "1. ", "> ",
          "| a | b |\n| --- | --- |\n", "| c | d |\n", "[x](http://e)", "![a](b)", "<div>\n", "&amp;",
          "\n", "\n\n", "  ", "    ", "\t", "\r\n", "---\n", "===\n", "title: T\n", "url: u\n",
          "Subscribe to our newsletter", "Share on Twitter", "Read more: ", "By Ana Ruiz", "Photo: AFP",
          "The council voted on Tuesday to close the bridge. ", "word ", "é", "\0"]
markdown_text = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=4)), max_size=50).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_property_display_blocks_lie_inside_one_block(text: str) -> None:
    try:
        doc = load_bytes("x.md", text.encode("utf-8", "surrogatepass"), "markdown")
    except ArticleError:
        return  # refused as binary
    art = analyse(doc)
    last = doc.body_start
    for b in art.blocks:
        assert last <= b.span.start < b.span.end
        last = b.span.end
    for d in markdown_blocks(doc.source, doc.body_start):
        if not d.runs:
            continue
        first, end = d.runs[0].start, d.runs[-1].end
        holding = [b for b in art.blocks if b.span.start < end and first < b.span.end]
        assert len(holding) <= 1, (d, holding)
        assert all(b.span.start <= first and end <= b.span.end for b in holding), (d, holding)
        if d.kind is not DisplayKind.RULE:
            assert holding, d  # every block with text is analysed
