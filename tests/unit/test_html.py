"""The HTML loader and the HTML boilerplate decisions: article parts, captions and bylines apart,
page furniture kept hidden."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyse
from reader.analysis.boilerplate import make_blocks
from reader.errors import ArticleError
from reader.ingest import Document, load
from reader.ingest.html import load_html

PARAGRAPHS = [
    "The river rose overnight and by morning the old mill road was under a metre of brown water, "
    "which left the farms on the east bank cut off from the village for the first time in years.",
    "Volunteers from the fire station loaded sandbags into a tractor trailer and drove them along "
    "the ridge track, the only way still open, while the school turned its hall into a shelter.",
    "By the afternoon the level had begun to fall, but the council warned that more rain was on its "
    "way and asked everyone living near the bridge to keep their belongings upstairs for now.",
    "Engineers will inspect the bridge piers on Monday before any heavy vehicles are allowed to cross "
    "again, and the bus company has promised a shuttle service in the meantime for commuters.",
]

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Flood cuts off east bank farms | The Valley Courier</title>
<link rel="canonical" href="https://example.org/news/flood-east-bank">
<meta name="description" content="Farms on the east bank were cut off by the flood.">
<meta name="author" content="Ann Weaver">
<script>var tracking = "SECRET-SCRIPT-TEXT";</script>
<style>.x {{ color: red; }} STYLE-TEXT</style>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Flood cuts off east bank farms</h1>
<p class="byline">By Ann Weaver, 3 March 2021</p>
<figure><img src="flood.jpg" alt="">
<figcaption>The mill road under water on Tuesday. Photo: Tom Reed</figcaption></figure>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<h2>What happens next</h2>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
</article></main>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>Stay safe everyone, the ridge track is slippery after dark.</p></div></section>
<footer class="site-footer"><p>Copyright 2021 The Valley Courier. All rights reserved.</p></footer>
</body></html>"""


def blocks_of(doc: Document) -> list[tuple[str, str, str]]:
    """(kind, text, reason) of each block analysis makes of the loader's segments."""
    assert doc.segments is not None
    return [(b.kind, b.text, b.reason) for b in make_blocks(doc)]


def check_spans(doc: Document) -> None:
    assert doc.segments is not None
    pos = 0
    for seg in doc.segments:
        assert pos <= seg.start < seg.end <= len(doc.source)
        assert doc.source[seg.start:seg.end].strip()
        pos = seg.end
    article = analyse(doc)
    for block in article.blocks:
        assert doc.source[block.span.start:block.span.end] == block.text


def test_article_parts_kinds_and_order() -> None:
    doc = load_html("page.html", PAGE)
    check_spans(doc)
    blocks = blocks_of(doc)
    kinds = [k for k, _, _ in blocks]
    texts = {t: k for k, t, _ in blocks}
    assert texts["Flood cuts off east bank farms"] == "title"
    for para in PARAGRAPHS:
        assert texts[para] == "body"
    assert texts["What happens next"] == "heading"
    assert texts["The mill road under water on Tuesday. Photo: Tom Reed"] == "caption"
    assert any(k == "byline" and "Ann Weaver" in t for k, t, _ in blocks)
    # page order: navigation first, then the article, then comments and footer
    assert kinds[0] == "boilerplate" and kinds[-1] == "boilerplate"
    first_body = kinds.index("body")
    assert kinds.index("title") < first_body
    assert [t for k, t, _ in blocks if k == "body"] == PARAGRAPHS


def test_furniture_is_kept_hidden_with_reasons() -> None:
    doc = load_html("page.html", PAGE)
    furniture = [(t, r) for k, t, r in blocks_of(doc) if k == "boilerplate"]
    joined = "\n".join(t for t, _ in furniture)
    for text in ("Home", "Sport", "Stay safe everyone", "Copyright 2021"):
        assert text in joined
    reasons = {r for _, r in furniture}
    assert {"navigation", "comments", "footer"} <= reasons
    assert all(r for _, r in furniture)
    article = analyse(doc)
    assert all(b.hidden for b in article.blocks if b.kind == "boilerplate")
    assert not any(b.hidden for b in article.blocks if b.kind != "boilerplate")


def test_script_and_style_never_shown() -> None:
    doc = load_html("page.html", PAGE)
    assert "SECRET-SCRIPT-TEXT" not in doc.source
    assert "STYLE-TEXT" not in doc.source
    assert "color: red" not in doc.source


def test_meta() -> None:
    doc = load_html("page.html", PAGE)
    assert doc.meta["url"] == "https://example.org/news/flood-east-bank"
    assert doc.meta["description"] == "Farms on the east bank were cut off by the flood."
    assert doc.meta["title"] == "Flood cuts off east bank farms"
    assert "Ann Weaver" in doc.meta["author"]


def test_og_url_when_no_canonical() -> None:
    page = PAGE.replace('<link rel="canonical" href="https://example.org/news/flood-east-bank">',
                        '<meta property="og:url" content="https://example.org/og">')
    assert load_html("p.html", page).meta["url"] == "https://example.org/og"


def test_rich_markup_kept_literally() -> None:
    page = PAGE.replace(PARAGRAPHS[1], PARAGRAPHS[1] + " [bold red]not a style[/bold red]")
    doc = load_html("p.html", page)
    assert "[bold red]not a style[/bold red]" in doc.source
    check_spans(doc)


@pytest.mark.parametrize("text", ["", "   \n", "<html></html>", "<html><body></body></html>",
                                  "<!-- only a comment -->", "<script>x()</script>"])
def test_empty_pages(text: str) -> None:
    doc = load_html("e.html", text)
    check_spans(doc)
    assert "x()" not in doc.source
    assert doc.notices and not doc.source


def test_page_without_article_keeps_its_text() -> None:
    page = ("<html><body><nav><a href='/a'>Alpha</a> <a href='/b'>Beta</a></nav>"
            "<div><p>Welcome to our shop.</p><p>Opening hours: 9 to 5.</p></div></body></html>")
    doc = load_html("n.html", page)
    check_spans(doc)
    for text in ("Alpha", "Welcome to our shop.", "Opening hours: 9 to 5."):
        assert text in doc.source


def test_deep_nesting_falls_back_to_flat_text() -> None:
    depth = 100_000
    page = ("<html><body>" + "<div>" * depth + "deep words here" + "</div>" * depth
            + "<p>after</p></body></html>")
    doc = load_html("deep.html", page)
    check_spans(doc)
    assert "deep words here" in doc.source and "after" in doc.source
    assert any("plain text" in n for n in doc.notices)


def test_broken_markup() -> None:
    page = ("<html><body><div><p>Unclosed paragraph <b>bold <i>both</div> stray < sign & amp"
            "<table><tr><td>cell</p></body>" + "".join(f"<p>{p}" for p in PARAGRAPHS))
    doc = load_html("b.html", page)
    check_spans(doc)
    assert "Unclosed paragraph" in doc.source
    assert PARAGRAPHS[3] in doc.source


def test_xml_declaration_and_control_characters() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + PAGE.replace("Volunteers", "Volun\x00teers\x0b")
    doc = load_html("x.html", page)
    check_spans(doc)
    assert "sandbags" in doc.source


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<nav>", "<figure>", "<figcaption>",
                                 "<a href='x'>", "</a>", "<script>", "</script>", "<br>", "<h2>",
                                 "text words", " more text.", "&amp;", "<", ">", "\x00", "é"]),
                max_size=40))
def test_never_raises_and_spans_hold(pieces: list[str]) -> None:
    try:
        doc = load_html("h.html", "".join(pieces))
    except ArticleError:
        return
    check_spans(doc)


def test_load_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load(str(path))
    assert doc.format == "html"
    assert PARAGRAPHS[0] in doc.source


def test_text_path_never_imports_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nSome words of an article.\n", encoding="utf-8")
    code = ("import sys; from reader.ingest import load; from reader.analysis import analyse; "
            f"analyse(load({str(path)!r})); print('trafilatura' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "div", "nav", "footer", "aside", "li", "h2", "figcaption",
                                           "span", "a", "td", "section class='comments'"]),
                          st.integers(1, 30)), min_size=1, max_size=25))
def test_no_visible_word_is_lost(elements: list[tuple[str, int]]) -> None:
    html_parts, words = [], []
    for n, (tag, length) in enumerate(elements):
        tokens = [f"w{n}x{i}" for i in range(length)]
        words.extend(tokens)
        name = tag.split()[0]
        html_parts.append(f"<{tag}>{' '.join(tokens)}</{name}>")
    page = "<html><body><script>hidden()</script>" + "\n".join(html_parts) + "</body></html>"
    doc = load_html("w.html", page)
    check_spans(doc)
    missing = [w for w in words if w not in doc.source]
    assert not missing
    assert "hidden()" not in doc.source


def test_table_rows_and_repeated_paragraphs() -> None:
    rows = "".join(f"<tr><td>row {i}</td><td>value {i * 7}</td></tr>" for i in range(300))
    page = PAGE.replace("<h2>What happens next</h2>", f"<table>{rows}</table><h2>What happens next</h2>")
    page = page.replace(f"<p>{PARAGRAPHS[3]}</p>", f"<p>{PARAGRAPHS[3]}</p>" * 3)
    doc = load_html("t.html", page)
    check_spans(doc)
    for i in (0, 150, 299):
        assert f"value {i * 7}" in doc.source
    assert doc.source.count(PARAGRAPHS[3]) == 3
    shown = [t for k, t, _ in blocks_of(doc) if k == "body"]
    assert shown.count(PARAGRAPHS[3]) >= 1


def test_page_too_large_for_the_article_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.ingest.html as html_module

    monkeypatch.setattr(html_module, "MAX_ELEMENTS", 10)
    doc = load_html("big.html", PAGE)
    check_spans(doc)
    assert any("too large" in n for n in doc.notices)
    kinds = {t: k for k, t, _ in blocks_of(doc)}
    assert kinds[PARAGRAPHS[0]] == "body"
    assert "Stay safe everyone" in doc.source


def test_meta_charset_does_not_re_decode_text() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Volunteers from", "Café volunteers — naïve “quoted” from")
    doc = load_html("c.html", page)
    assert "Café volunteers — naïve “quoted” from" in doc.source


def test_page_title_loses_the_site_name() -> None:
    from reader.ingest.html_meta import strip_site

    assert strip_site("Port strike enters third week - Harbour Courier", "Harbour Courier") == \
        "Port strike enters third week"
    assert strip_site("Harbour Courier | Port strike enters third week", "Harbour Courier") == \
        "Port strike enters third week"
    assert strip_site("Port strike enters its third week as talks stall | Courier", "") == \
        "Port strike enters its third week as talks stall"
    # a dash inside a headline stays when what follows is not a short site name
    assert strip_site("Review - a slow start, then a glorious second half of the season", "") == \
        "Review - a slow start, then a glorious second half of the season"


def test_a_site_named_by_its_address_is_stripped_from_either_end() -> None:
    from reader.ingest.html_meta import headline, host, strip_site

    assert host("https://www.harbourcourier.com/news/a.html") == "harbourcourier.com"
    assert strip_site("harbourcourier.com -- Port strike enters third week") == \
        "Port strike enters third week"
    assert strip_site("Harbour Courier :: Port strike enters third week", "harbourcourier.com") == \
        "Port strike enters third week"
    assert strip_site("Port strike enters third week » Local » The Harbour Courier", "Harbour Courier") == \
        "Port strike enters third week » Local"
    # an <h1> in the page header is the headline when the titles agree with it, not the logo
    heads = [("Harbour Courier", "header"), ("Port strike enters third week", "header")]
    got = headline("Port strike enters third week", "Harbour Courier: Port strike enters third week", heads,
                   "https://harbourcourier.com/a")
    assert got == "Port strike enters third week"
    assert headline("Port strike", "Port strike", [("Port strike news", "navigation")]) == "Port strike"
    # a page without any title: its first <h1> outside the furniture, not the logo
    heads = [("Harbour Courier", "header"), ("Port strike enters third week", "header")]
    assert headline("", "", heads, "https://harbourcourier.com/a") == "Port strike enters third week"


def test_the_headline_is_the_h1_the_page_titles_agree_with() -> None:
    # og:title carries a shorter social variant and <title> the site's name: the <h1> is what
    # the reader sees (and what a text dump of the page holds)
    old_title = "<title>Flood cuts off east bank farms | The Valley Courier</title>"
    old_h1 = "<h1>Flood cuts off east bank farms</h1>"
    og = '<meta property="og:title" content="East bank farms cut off">'
    page = PAGE.replace(old_title, "<title>Flood cuts off east bank farms for the first time | The Valley "
                        f"Courier</title>{og}")
    page = page.replace(old_h1, "<h1>Flood cuts off east bank farms for the first time</h1>")
    assert load_html("h.html", page).meta["title"] == "Flood cuts off east bank farms for the first time"
    # an <h1> holding the site's logo text is no headline: the meta title stays
    logo = PAGE.replace(old_title, '<title>Flood cuts off east bank farms - Valley News</title>'
                        '<meta property="og:title" content="Flood cuts off east bank farms">').replace(
        old_h1, "<h1>Valley News</h1><h2>Flood cuts off east bank farms</h2>")
    assert load_html("l.html", logo).meta["title"] == "Flood cuts off east bank farms"


def test_a_paragraph_repeating_the_headline_is_hidden_as_a_text_dump_does() -> None:
    page = PAGE.replace('<p class="byline">', "<p>Flood cuts off east bank farms</p><p class=\"byline\">")
    out = blocks_of(load_html("r.html", page))
    repeats = [(kind, reason) for kind, text, reason in out if text == "Flood cuts off east bank farms"]
    assert repeats == [("title", ""), ("boilerplate", "repeated title")]


def test_permalink_signs_after_headings_are_no_text() -> None:
    anchor = '<a class="headerlink" href="#top">¶</a>'
    page = PAGE.replace("farms</h1>", f"farms{anchor}</h1>")
    page = page.replace("<h2>What happens next</h2>", '<h2>What happens next <a href="#next">#</a></h2>')
    doc = load_html("p.html", page)
    assert "¶" not in doc.source and "next #" not in doc.source
    assert doc.meta["title"] == "Flood cuts off east bank farms"
    assert ("heading", "What happens next", "") in blocks_of(doc)


def test_json_ld_gives_author_and_date_for_the_byline() -> None:
    from reader.ingest import load_bytes

    page = ('<html><head><title>Harbour news</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ada Lind"}], '
            '"datePublished": "2024-03-05T10:00:00Z"}</script></head><body><article>'
            + "<p>The harbour bridge will close for repairs next month, the council said on Monday.</p>" * 6
            + "</article></body></html>")
    doc = load_bytes("p.html", page.encode(), "html")
    assert doc.meta.get("author") == "Ada Lind"
    assert doc.meta.get("date") == "2024-03-05"


def test_the_headline_repeated_with_other_quotation_marks_is_hidden_too() -> None:
    from reader.analysis.boilerplate.html import _repeated_title
    from reader.model import Block, BlockKind, Span

    def block(kind: BlockKind, text: str) -> Block:
        return Block(kind, Span(0, len(text)), text)

    title = block(BlockKind.TITLE, 'Flood "cuts off" east bank farms')
    again = block(BlockKind.HEADING, "Flood “cuts off” east  bank farms")
    other = block(BlockKind.BODY, "Flood cuts off the west bank")
    out = _repeated_title([title, again, other])
    assert [(b.kind, b.reason) for b in out] == [
        (BlockKind.TITLE, ""), (BlockKind.BOILERPLATE, "repeated title"), (BlockKind.BODY, "")
    ]
