"""The density scorer finds the article's container from the block walk, and never fails."""

from __future__ import annotations

import pytest
from lxml import html

from reader.ingest.html_blocks import Nodes, TextBlock, visible_blocks
from reader.ingest.html_density import Found, density_article

PROSE = [
    "The ferry company said on Monday that it would add two crossings a day, starting in spring, "
    "after a winter of complaints about queues at the harbour.",
    "Passengers had waited up to three hours, the company admitted, and some missed connecting "
    "trains, buses and, in one case, a wedding.",
    "A spokeswoman said the new timetable, which still needs the port's approval, was the first "
    "change to the schedule in nine years.",
    "Local councillors welcomed the plan but asked for cheaper fares for residents, students and "
    "pensioners, who make up most of the winter traffic.",
]


def _found(markup: str) -> tuple[Found, list[TextBlock]]:
    root = html.document_fromstring(markup)
    nodes = Nodes()
    blocks = visible_blocks(root.find("body"), None, nodes)
    return density_article(blocks, nodes), blocks


def _page(article: str, sidebar: str = "") -> str:
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
    teasers = "".join(
        f'<p><a href="/t{i}">Another story, with a long headline number {i}, '
        f"about something else entirely</a></p>"
        for i in range(6)
    )
    return (
        f"<html><body><nav><ul>{nav}</ul></nav>"
        f"<div class='wrap'>{article}<div class='sidebar'>{teasers}{sidebar}</div></div>"
        "<footer><p>Copyright, all rights reserved, by the example company.</p></footer>"
        "</body></html>"
    )


def test_the_article_container_is_chosen_and_furniture_left_out() -> None:
    body = "".join(f"<p>{t}</p>" for t in PROSE)
    found, blocks = _found(_page(f"<div class='story-body'><h2>Timetable</h2>{body}</div>"))
    texts = [blocks[k].text for k in found.blocks]
    assert texts == ["Timetable", *PROSE]
    assert found.share > 0.9 and found.lead > 1


def test_linked_teasers_beside_the_article_do_not_join_it() -> None:
    body = "".join(f"<p>{t}</p>" for t in PROSE)
    found, blocks = _found(_page(f"<article>{body}</article>"))
    assert all("Another story" not in blocks[k].text for k in found.blocks)
    assert all("Section" not in blocks[k].text for k in found.blocks)


def test_an_article_inside_a_wrapper_named_like_furniture_is_still_found() -> None:
    body = "".join(f"<p>{t}</p>" for t in PROSE)
    markup = f"<html><body><div class='widget-area'><div class='entry'>{body}</div></div></body></html>"
    found, blocks = _found(markup)
    assert [blocks[k].text for k in found.blocks] == PROSE


def test_pages_without_prose_give_an_empty_result() -> None:
    assert density_article([], Nodes()).blocks == []
    found, _ = _found("<html><body><ul><li><a href='/a'>Home</a></li><li>Short</li></ul></body></html>")
    assert found.blocks == [] and found.top == -1


def test_deep_nesting_is_safe() -> None:
    depth = 1500  # deeper than any recursion limit, within what the parser keeps
    markup = "<div>" * depth + f"<p>{PROSE[0]}</p>" + "</div>" * depth
    nodes = Nodes()
    root = html.fragment_fromstring(markup, parser=html.HTMLParser(huge_tree=True))
    blocks = visible_blocks(root, None, nodes)
    found = density_article(blocks, nodes)
    assert [blocks[k].text for k in found.blocks] == [PROSE[0]]


def _article_page() -> str:
    body = "".join(f"<p>{t}</p>" for t in PROSE * 2)
    story = f"<div class='story'><h1>Ferry timetable to change</h1><div class='story-body'>{body}</div></div>"
    return _page(f"<div class='main'><div class='column'>{story}</div></div>")


def test_a_sure_scorer_sends_only_its_region_to_the_quick_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ingest import html_article
    from reader.ingest.html import load_html

    whole: list[object] = []
    quick = html_article.extract

    def counting(tree: object, fast: bool = True) -> html_article.Extracted:
        if tree is not None and getattr(tree, "find", None) and tree.find(".//nav") is not None:
            whole.append(tree)  # the page itself (its navigation is outside the region)
        return quick(tree, fast)

    monkeypatch.setattr(html_article, "extract", counting)
    doc = load_html("a.html", _article_page())
    assert whole == []
    shown = doc.source
    assert all(t in shown for t in PROSE)


def test_an_unsure_scorer_leaves_the_page_to_the_quick_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ingest import html_article
    from reader.ingest.html import load_html

    calls: list[object] = []
    quick = html_article.extract

    def counting(tree: object, fast: bool = True) -> html_article.Extracted:
        calls.append(tree)
        return quick(tree, fast)

    monkeypatch.setattr(html_article, "extract", counting)
    # two containers of prose alike: neither leads the other
    halves = "".join(f"<div class='col'><p>{a}</p><p>{b}</p></div>" for a, b in (PROSE[:2], PROSE[2:]))
    load_html("b.html", f"<html><body>{halves}</body></html>")
    assert calls and calls[0].find(".//body") is not None and len(calls[0].find(".//body")) == 2
