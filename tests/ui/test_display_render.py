"""Rendered blocks as display lines: no Markdown syntax, every shown character back at its source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from reader.ingest.display_md import markdown_blocks
from reader.ui.display_render import BlockGroup, DLine, number_links
from reader.ui.render import MarkIndex

CLIP = """# Harvest notes

Some *emphasis by Ana Ruiz*, **strong**, `code` and [the study](https://example.org/s).

- first item
- second item
  - nested item

1. one
2. two

> "We keep going," said Tom Berg.

```python
def very_long_function_name_that_does_not_fit(argument_one, argument_two, argument_three):
    return 1
```

| Town | Rain (mm) |
| --- | --- |
| Vallejo | 12 |
| Almendra | 140 |

![A dry channel](channel.jpg)

---
"""


def render(text: str, width: int = 60) -> tuple[list[str], list[DLine]]:
    blocks = markdown_blocks(text)
    refs, _ = number_links(blocks)
    lines = BlockGroup(blocks, refs).measure(width)
    return ["".join(c.text for c in ln.chunks).rstrip() for ln in lines], lines


def test_every_block_type_renders_without_markup() -> None:
    shown, _ = render(CLIP)
    text = "\n".join(shown)
    assert shown[0] == "Harvest notes"
    assert "Some emphasis by Ana Ruiz, strong, code and the study¹." in text
    assert "• first item" in shown and "• second item" in shown and "  ◦ nested item" in shown
    assert "1. one" in shown and "2. two" in shown
    assert shown[shown.index("1. one") - 1] == ""  # a new list starts apart from the one before
    assert '│ "We keep going," said Tom Berg.' in shown
    assert any(s.startswith("  def very_long_function_name") and s.endswith("…") for s in shown)
    assert "      return 1" in shown
    table = [s for s in shown if "│" in s and not s.startswith("│")]
    assert table[0].index("│") == table[1].index("│") == table[2].index("│")  # aligned columns
    assert any("─┼─" in s for s in shown)
    assert "▣ image: A dry channel" in shown
    assert any(set(s) == {"─"} for s in shown)
    for marker in ("**", "`", "](", "![", "```", "| ---", "# "):
        assert marker not in text, marker


def test_code_is_never_rewrapped_and_tables_keep_their_frame_when_narrow() -> None:
    shown, _ = render(CLIP, width=24)
    assert all(len(s) <= 24 for s in shown)
    assert "  def very_long_functio…" in shown
    rows = [s for s in shown if " │ " in s]
    assert rows and all(len(s) <= 24 for s in rows)


def test_shown_characters_map_back_to_the_source() -> None:
    _, lines = render(CLIP)
    for line in lines:
        for chunk in line.chunks:
            if chunk.src is not None:
                assert CLIP[chunk.src:chunk.src + len(chunk.text)] == chunk.text
    name = CLIP.index("Ana Ruiz")  # inside emphasis
    link = CLIP.index("the study")
    item = CLIP.index("second item")
    quote = CLIP.index("Tom Berg")
    spans = [(name, name + 8, "person"), (link, link + 9, "person"), (item, item + 6, "person"),
             (quote, quote + 8, "person")]
    group = BlockGroup(markdown_blocks(CLIP), number_links(markdown_blocks(CLIP))[0])
    red = Style(color="red")
    marked: list[str] = []
    for line in group.measure(60):
        text = group.line(line, [MarkIndex(spans)], {"person": red})
        marked += [text.plain[s.start:s.end] for s in text.spans if s.style == red]
    assert marked == ["Ana Ruiz", "the study", "second", "Tom Berg"]


def test_links_are_numbered_in_reading_order() -> None:
    _, links = number_links(markdown_blocks("[a](https://a.org) and [b c](https://b.org)\n\n[a](https://a.org)\n"))
    assert [(n.number, n.text, n.href) for n in links] == [
        (1, "a", "https://a.org"), (2, "b c", "https://b.org"), (3, "a", "https://a.org")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab *_`[]()#\n!<>\\|-:1.>\t&;é漢", max_size=120), st.integers(1, 50))
def test_any_markdown_renders_and_maps_inside_its_block(text: str, width: int) -> None:
    blocks = markdown_blocks(text)
    refs, _ = number_links(blocks)
    for block in blocks:
        last = -1
        for line in BlockGroup([block], refs).measure(width):
            assert line.start >= last
            last = line.start
            for chunk in line.chunks:
                if chunk.src is not None:
                    assert block.span.start <= chunk.src and chunk.src + len(chunk.text) <= block.span.end


def test_an_html_figure_shows_its_alt_text_and_its_caption_under_it() -> None:
    from reader.ingest import load_bytes

    page = ("<html><body><article><h1>Harbour</h1><p>" + "The council met on Tuesday. " * 12 +
            "</p><figure><img src='b.jpg' alt='The old bridge at dusk'><figcaption>The bridge in 1920."
            "</figcaption></figure><p>" + "Works start in May, the mayor said. " * 10 +
            "</p></article></body></html>")
    doc = load_bytes("p.html", page.encode(), "html")
    assert doc.display is not None
    images = [b for b in doc.display if b.kind.value == "image"]
    assert images
    shown = ["".join(c.text for c in ln.chunks).rstrip() for ln in BlockGroup(images, {}).measure(60)]
    assert shown[0] == "▣ image: The old bridge at dusk"
    assert "  The bridge in 1920." in shown


def test_an_image_inside_a_paragraph_gets_its_own_line() -> None:
    shown, lines = render("![A dry channel](c.jpg) *The channel in May.* Photo: R. Soto\n")
    assert shown == ["▣ image: A dry channel", "The channel in May. Photo: R. Soto"]
    assert all(c.text != "\n" for ln in lines for c in ln.chunks)
