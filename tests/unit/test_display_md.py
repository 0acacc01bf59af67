"""Markdown as display blocks: what each block shows, and that every shown character maps back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest import display_md
from reader.ingest.display import DisplayBlock, DisplayKind, display_index, displayed_text, source_offset
from reader.ingest.display_md import markdown_blocks
from reader.ingest.markdown import parse_front_matter

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKUP = ("**", "](", "![", "```", "| --- |", "# ")


def one(src: str, kind: DisplayKind | None = None) -> DisplayBlock:
    blocks = markdown_blocks(src)
    assert len(blocks) == 1, blocks
    assert kind is None or blocks[0].kind is kind
    return blocks[0]


def where(src: str, block: DisplayBlock, word: str) -> int:
    """The source offset of ``word`` as shown in ``block``, checked against the source."""
    i = displayed_text(block).index(word)
    offset = source_offset(block, i)
    assert src[offset:offset + len(word)] == word
    assert all(source_offset(block, i + k) == offset + k for k in range(len(word)))
    return offset


def test_heading() -> None:
    src = "## A *fine* title ##"
    b = one(src, DisplayKind.HEADING)
    assert b.level == 2 and displayed_text(b) == "A fine title"
    assert where(src, b, "fine") == src.index("fine")
    assert [r.styles for r in b.runs] == [frozenset(), frozenset({"em"}), frozenset()]
    setext = markdown_blocks("Big\n===\n\nsmall\n---")
    assert [(x.level, displayed_text(x)) for x in setext] == [(1, "Big"), (2, "small")]


def test_paragraph_inline_styles() -> None:
    src = "Plain **strong** and _em_ and `x = 1` and [the *link*](http://e.com \"T\") &amp; \\* end"
    b = one(src, DisplayKind.PARAGRAPH)
    text = displayed_text(b)
    assert text == "Plain strong and em and x = 1 and the link & * end"
    assert not any(m in text for m in MARKUP)
    assert where(src, b, "strong") == src.index("strong")
    assert where(src, b, "x = 1") == src.index("x = 1")
    link = where(src, b, "link")
    assert src[link - 1] == "*"
    styled = {r.text: (r.styles, r.href) for r in b.runs}
    assert styled["strong"] == (frozenset({"strong"}), None)
    assert styled["x = 1"] == (frozenset({"code"}), None)
    assert styled["link"] == (frozenset({"link", "em"}), "http://e.com")
    assert src[source_offset(b, text.index("&"))] == "&"
    assert src[source_offset(b, text.index("* end"))] == "*"


def test_breaks_and_autolinks() -> None:
    src = "one\n  two  \nthree\\\nfour <http://a.b/c>"
    b = one(src)
    assert displayed_text(b) == "one two\nthree\nfour http://a.b/c"
    assert source_offset(b, 3) == 3  # the soft break is shown as a space, mapped to the newline
    assert where(src, b, "two") == 6 and where(src, b, "four") == src.index("four")
    assert where(src, b, "http://a.b/c") == src.index("http")
    assert b.runs[-1].href == "http://a.b/c"


def test_lists() -> None:
    src = "- one\n- two *x*\n  - deep\n\n3. three\n4. four\n"
    blocks = markdown_blocks(src)
    assert [(b.kind, b.depth, b.ordered, b.number, displayed_text(b)) for b in blocks] == [
        (DisplayKind.LIST_ITEM, 1, False, None, "one"),
        (DisplayKind.LIST_ITEM, 1, False, None, "two x"),
        (DisplayKind.LIST_ITEM, 2, False, None, "deep"),
        (DisplayKind.LIST_ITEM, 1, True, 3, "three"),
        (DisplayKind.LIST_ITEM, 1, True, 4, "four"),
    ]
    assert where(src, blocks[2], "deep") == src.index("deep")
    assert where(src, blocks[1], "x") == src.index("x")


def test_list_item_without_a_paragraph_keeps_its_marker() -> None:
    src = "- # head\n- ```\n  code\n  ```\n-\n\n  later paragraph"
    blocks = markdown_blocks(src)
    kinds = [(b.kind, b.depth, displayed_text(b)) for b in blocks]
    assert kinds == [
        (DisplayKind.LIST_ITEM, 1, ""), (DisplayKind.HEADING, 1, "head"),
        (DisplayKind.LIST_ITEM, 1, ""), (DisplayKind.CODE, 1, "code"),
        (DisplayKind.LIST_ITEM, 1, ""), (DisplayKind.PARAGRAPH, 0, "later paragraph"),
    ]
    assert src[blocks[0].span.start:blocks[0].span.end] == "-"


def test_block_quote() -> None:
    src = "> quoted *words*\nlazy line\n>\n> > deeper\n> - item in quote"
    blocks = markdown_blocks(src)
    assert [(b.kind, b.quote, displayed_text(b)) for b in blocks] == [
        (DisplayKind.QUOTE, 1, "quoted words lazy line"),
        (DisplayKind.QUOTE, 2, "deeper"),
        (DisplayKind.LIST_ITEM, 1, "item in quote"),
    ]
    assert where(src, blocks[0], "words") == src.index("words")
    assert where(src, blocks[0], "lazy") == src.index("lazy")
    assert where(src, blocks[1], "deeper") == src.index("deeper")


def test_code_is_shown_exactly() -> None:
    src = "```python title\ndef f(x):\n    return *x*\n```\n\n    indented\n      more\n"
    fence, indented = markdown_blocks(src)
    assert fence.kind is DisplayKind.CODE and fence.language == "python"
    assert displayed_text(fence) == "def f(x):\n    return *x*"
    assert len(fence.runs) == 1 and fence.runs[0].text == src[fence.runs[0].start:fence.runs[0].end]
    assert indented.language is None and displayed_text(indented) == "indented\n  more"
    assert where(src, indented, "more") == src.index("more")
    quoted = one("> ```\n> a\n>  b\n> ```")
    assert displayed_text(quoted) == "a\n b" and quoted.quote == 1


def test_table() -> None:
    src = "| Name | Note \\| more |\n| --- | :-: |\n| *Ana* | [site](http://x) |\n| short |\n"
    b = one(src, DisplayKind.TABLE)
    cells = [["".join(r.text for r in cell) for cell in row] for row in b.rows]
    assert cells == [["Name", "Note | more"], ["Ana", "site"], ["short", ""]]
    assert b.header and not any(m in displayed_text(b) for m in MARKUP)
    assert where(src, b, "Ana") == src.index("Ana")
    assert where(src, b, "site") == src.index("site")
    assert src[source_offset(b, displayed_text(b).index("| more"))] == "|"
    assert b.rows[1][1][0].href == "http://x"
    nested = markdown_blocks("> | a | b |\n> |---|---|\n> | c | d |")
    assert nested[0].kind is DisplayKind.TABLE and nested[0].quote == 1
    assert where("> | a | b |\n> |---|---|\n> | c | d |", nested[0], "d") == 32


def test_images() -> None:
    src = "![A *small* cat](cat.png \"The cat\")\n\n[![alt](i.png)](http://to)\n\nText ![pic](p.png) after"
    alone, linked, inline = markdown_blocks(src)
    assert (alone.kind, alone.alt, alone.src, alone.caption, alone.href) == (
        DisplayKind.IMAGE, "A small cat", "cat.png", "The cat", None)
    assert where(src, alone, "small") == src.index("small")
    assert (linked.kind, linked.src, linked.href) == (DisplayKind.IMAGE, "i.png", "http://to")
    assert inline.kind is DisplayKind.PARAGRAPH and displayed_text(inline) == "Text pic after"
    pic = next(r for r in inline.runs if r.text == "pic")
    assert pic.styles == {"image"} and pic.src == "p.png"
    assert not any("![" in displayed_text(b) for b in (alone, linked, inline))


def test_rule_and_html() -> None:
    src = "a\n\n***\n\n<div>\n  <b>x</b>\n</div>\n\nb <span>y</span>"
    blocks = markdown_blocks(src)
    assert [(b.kind, displayed_text(b)) for b in blocks] == [
        (DisplayKind.PARAGRAPH, "a"), (DisplayKind.RULE, ""),
        (DisplayKind.PARAGRAPH, "<div>\n  <b>x</b>\n</div>"), (DisplayKind.PARAGRAPH, "b <span>y</span>")]
    assert blocks[1].span.start == 3 and blocks[1].span.end == 6


def test_front_matter_and_line_ends() -> None:
    src = "---\ntitle: T\n---\n# Head\r\n\r\nbody *text*\rnext\0line\r\n"
    _, body = parse_front_matter(src)
    blocks = markdown_blocks(src, body)
    assert [displayed_text(b) for b in blocks] == ["Head", "body text next\ufffdline"]
    assert where(src, blocks[1], "text") == src.index("text")
    assert where(src, blocks[1], "next") == src.index("next")
    assert all(b.span.start >= body for b in blocks)


def test_display_index_inside_markup() -> None:
    src = "# Title\n\nsee **bold**"
    blocks = markdown_blocks(src)
    assert display_index(blocks, 0) == (0, 0)
    assert display_index(blocks, src.index("**")) == (1, 4)  # the first "*": next shown is "b"
    assert display_index(blocks, src.index("bold") + 1) == (1, 5)
    assert display_index(blocks, len(src)) == (1, len("see bold"))


def test_unplaceable_tokens_show_the_literal_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise display_md.Mismatch

    monkeypatch.setattr(display_md.Inline, "walk", refuse)
    src = "# Head *x*\n\n- item **b**\n\n> | a |\n> |---|\n\n![i](j)\n\n```\ncode\n```"
    blocks = markdown_blocks(src)
    assert [(b.kind, displayed_text(b)) for b in blocks] == [
        (DisplayKind.HEADING, "# Head *x*"), (DisplayKind.LIST_ITEM, "- item **b**"),
        (DisplayKind.QUOTE, "> | a |\n> |---|"), (DisplayKind.PARAGRAPH, "![i](j)"),
        (DisplayKind.CODE, "code")]
    check(src, blocks)


# -- properties ----------------------------------------------------------------------------------

SYNTAX = ["**", "*", "_", "`", "``", "```\n", "~~~", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">",
          "| a | b |\n| --- | --- |\n", "|", "\\|", "[x](http://e)", "[x][r]", "[r]: /u\n", "![a](b)", "![",
          "](", "<http://a>", "<b>", "</b>", "<div>\n", "&amp;", "&#x41;", "&bogus;", "\\", "\n", "\n\n",
          "  \n", "\r\n", "\r", "\t", "    ", " ", "word", "é", "\0", "---\n", "===\n", "***", "=", "-"]
markdown = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=4)), max_size=40).map("".join),
)


def check(src: str, blocks: tuple[DisplayBlock, ...], start: int = 0) -> None:
    last = start
    for b in blocks:
        assert last <= b.span.start <= b.span.end <= len(src)
        prev = b.span.start - 1
        for i in range(len(b)):
            offset = source_offset(b, i)
            assert b.span.start <= offset < b.span.end
            assert offset > prev
            prev = offset
        # shown as in the source but for the substitutions: entity, NUL, a line break as a space
        for run in b.runs:
            for ch, was in zip(run.text, src[run.start:run.end], strict=True):
                line_break = ch in " \n" and was in "\r\n"
                assert ch == was or was == "&" or (ch, was) == ("\ufffd", "\0") or line_break, (ch, was)
        last = b.span.end


@SETTINGS
@given(markdown, st.integers(0, 3))
def test_property_never_raises_and_maps_inside(src: str, start: int) -> None:
    start = min(start, len(src))
    blocks = markdown_blocks(src, start)
    check(src, blocks, start)
    assert markdown_blocks(src, start) == blocks


class _Never(Exception):
    pass


@SETTINGS
@given(markdown)
def test_property_tokens_always_line_up(src: str) -> None:
    """No block falls back to its literal lines: every token was placed in the source."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(display_md, "Mismatch", _Never)
        blocks = markdown_blocks(src)
    check(src, blocks)
