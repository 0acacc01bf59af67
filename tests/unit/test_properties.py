"""Hypothesis properties over ingest + analysis: never raises, spans exact, ordered, deterministic."""

from __future__ import annotations

import html as htmllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyse
from reader.errors import ArticleError
from reader.export import article_record
from reader.ingest import load_bytes
from reader.ingest.decode import cut, decode
from reader.model import Article

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: pieces that make analysis work: names, roles, quote marks, cues, Markdown and line structure
TOKENS = [
    "Ana Ruiz", "Dr. Ana Ruiz", "Ruiz", "Ruiz's", "Finance Minister Tom Berg", "Berg", "he said", "said",
    "according to", "The", "Image copyright AFP", "Read more", "Subscribe", "©", "Posted by Kim",
    '"', "“", "”", "‘", "’", "'", "«", "»", "\n", "\n\n", "\r\n", "# ", "## ", "> ", "- ", "* ", "---\n",
    "title: x\n", "[bold]", "[/]", "\x1b[2J", "\u202e", "\u200b", "\t", "  ", ".", ",", " ", "é", "😀",
    "\x00", "\ufeff", "\u2028",
]
nasty_text = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join),
)


def _check(art: Article) -> None:
    src = art.source
    last = 0
    for b in art.blocks:
        assert last <= b.span.start <= b.span.end <= len(src)
        assert src[b.span.start:b.span.end] == b.text
        last = b.span.end
    for p in art.people:
        assert p.name.strip()
        for m in p.mentions:
            assert 0 <= m.span.start <= m.span.end <= len(src)
            assert src[m.span.start:m.span.end] == m.text
    names = {p.name for p in art.people}
    for q in art.quotes:
        assert 0 <= q.span.start <= q.span.end <= len(src)
        assert src[q.span.start:q.span.end] == q.text
        # a person found, an organisation, or a name parsed from the attribution clause
        assert q.speaker is None or q.speaker in names or q.speaker_is_org \
            or " ".join(q.speaker.split()) in " ".join(src.split())


def _run(data: bytes, fmt: str) -> Article | None:
    try:
        doc = load_bytes(f"x.{fmt}", data, fmt)
    except ArticleError:
        return None  # refused as binary: a clean, reported failure
    art = analyse(doc)
    _check(art)
    again = analyse(load_bytes(f"x.{fmt}", data, fmt))
    assert article_record(again) == article_record(art)
    return art


@SETTINGS
@given(nasty_text)
def test_text_properties(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    art = _run(data, "text")
    if art is not None and "\x00" not in text:
        assert art.source == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(nasty_text)
def test_markdown_properties(text: str) -> None:
    art = _run(text.encode("utf-8", "surrogatepass"), "markdown")
    if art is not None:
        assert all(b.span.start >= 0 for b in art.blocks)


TAGS = ["p", "div", "h1", "h2", "figcaption", "nav", "footer", "blockquote", "script", "li", "span",
        "article"]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(TAGS), nasty_text), max_size=12), st.booleans())
def test_html_properties(parts: list[tuple[str, str]], escape: bool) -> None:
    body = "".join(f"<{tag}>{htmllib.escape(t) if escape else t}</{tag}>" for tag, t in parts)
    _run(f"<html><head><title>T</title></head><body>{body}</body></html>".encode("utf-8", "surrogatepass"),
         "html")


@SETTINGS
@given(st.binary(max_size=300), st.integers(min_value=1, max_value=400))
def test_decode_any_bytes(data: bytes, n: int) -> None:
    try:
        text = decode(data)
    except ArticleError:
        return
    assert "\r" not in text
    assert decode(data) == text
    part = cut(data, n)
    assert len(part) <= n and data.startswith(part)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_name_split_by_tab_keeps_source_text(fmt: str) -> None:
    art = analyse(load_bytes(f"x.{fmt}", b"Title\n\nAna\tRuiz said it was fine.\n", fmt))
    _check(art)
