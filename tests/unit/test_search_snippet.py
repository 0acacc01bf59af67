"""Snippets and match spans: in range, on the words asked for, never raising."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from reader.search.fold import fold
from reader.search.snippet import Pattern, snippet


@dataclass
class G:
    variants: dict[str, float]
    prefixes: tuple[str, ...] = ()


def test_whole_words_prefixes_and_phrases() -> None:
    src = "Title line\n\nThe bankers said the bank, banking on it, would close to zero. Close-to-zero!"
    p = Pattern.build([G({"bank": 1.0}), G({}, ("clo",))], [("to", "zero")])
    found = [(src[s:e], g) for s, e, g in p.find(src)]
    assert ("bank", "g0") in found and ("bankers", "g0") not in found
    assert ("close", "g1") in found and ("Close", "g1") in found
    assert ("zero", "p0") not in found and ("to zero", "p0") in found and ("to-zero", "p0") in found
    text, spans, first = snippet(src, p)
    assert first is not None and src[first:first + 4] == "bank"
    assert all(fold(text[s:e]).startswith(("bank", "clo", "to")) for s, e in spans)


def test_no_match_gives_the_start() -> None:
    text, spans, first = snippet("Hello\nworld " * 50, Pattern.build([G({"zzz": 1.0})], []))
    assert text.startswith("Hello world") and spans == () and first is None


words = st.text(alphabet="abcé ", min_size=1, max_size=5).map(str.strip).filter(bool)


@given(st.text(max_size=600), st.lists(words, max_size=3), st.lists(words, max_size=2))
def test_spans_always_in_range(source: str, ws: list[str], prefixes: list[str]) -> None:
    p = Pattern.build([G({w: 1.0}) for w in ws] + [G({}, (x,)) for x in prefixes], [tuple(ws)] if ws else [])
    for s, e, _ in p.find(source):
        assert 0 <= s < e <= len(source)
    text, spans, first = snippet(source, p)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
    assert first is None or 0 <= first < len(source)


def test_a_snippet_shows_a_markdown_link_as_its_text() -> None:
    from reader.search.snippet import _without_link_syntax

    text = "said [the council](https://example.org/council) on Monday, and ![a map](m.png) too"
    council = text.index("council")
    out, spans = _without_link_syntax(text, ((council, council + len("council")),))
    assert out == "said the council on Monday, and a map too"
    assert [out[a:b] for a, b in spans] == ["council"]
    cut, _ = _without_link_syntax("see [the report](https://example.org/rep", ())
    assert cut == "see the report"


def test_a_snippet_leaves_out_emphasis_and_code_marks() -> None:
    from reader.search.snippet import _without_link_syntax

    text = "the **harbour** bridge and `code` here"
    at = text.index("harbour")
    out, spans = _without_link_syntax(text, ((at, at + len("harbour")),))
    assert out == "the harbour bridge and code here"
    assert [out[a:b] for a, b in spans] == ["harbour"]
