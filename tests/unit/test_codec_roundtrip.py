"""An article read back from the cache is the article analysed from its file, field by field.

The app shows the cached analysis and ``reader extract`` the fresh one; they must never differ.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyse
from reader.ingest import discover, load, load_bytes
from reader.library import codec
from reader.model import Article
from tests.conftest import SAMPLES


def roundtrip(article: Article) -> Article:
    rec = codec.encode(article, "x/" + Path(article.path).name)
    return codec.decode(article.path, rec.src, rec.analysis)


def assert_same(fresh: Article, cached: Article) -> None:
    for f in dataclasses.fields(Article):
        assert getattr(cached, f.name) == getattr(fresh, f.name), f.name


@pytest.mark.parametrize("path", sorted(discover(str(SAMPLES))), ids=lambda p: Path(p).name)
def test_every_sample_survives_the_cache(path: str) -> None:
    fresh = analyse(load(path))
    assert_same(fresh, roundtrip(fresh))


def test_an_organisation_speaker_survives_the_cache() -> None:
    text = 'Harbour News\n\n"We will appeal the ruling," Reuters reported the company said.\n\n' \
           '"The figures are wrong," the Ministry of Finance said in a statement on Monday.\n'
    fresh = analyse(load_bytes("org.txt", text.encode(), "text"))
    cached = roundtrip(fresh)
    assert [q.speaker_is_org for q in cached.quotes] == [q.speaker_is_org for q in fresh.quotes]
    assert_same(fresh, cached)


WORDS = st.sampled_from([
    "Ana Ruiz", "Ruiz", "said", "\"", "“", "”", "Reuters", "the Ministry", "told", "Read more", "\n",
    "\n\n", "# ", "- ", "Mayor", "Tom Berg", ".", ",", " ", "é", "Subscribe", "©", "x",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=60), st.sampled_from(["text", "markdown"]))
def test_any_article_survives_the_cache(parts: list[str], fmt: str) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        doc = load_bytes(f"gen.{'md' if fmt == 'markdown' else 'txt'}", data, fmt)
    except Exception:  # binary-looking input is refused by design
        return
    fresh = analyse(doc)
    assert_same(fresh, roundtrip(fresh))


def test_display_blocks_survive_the_cache() -> None:
    """HTML articles keep their rendered blocks in the cache; every field of every block comes back."""
    from reader.ingest.display_md import markdown_blocks

    text = ("# Title\n\nSome *em* and [a link](https://example.org/x) &amp; more.\n\n"
            "1. first\n2. second\n\n> quoted **strong**\n\n```py\ncode()\n```\n\n"
            "| a | b |\n| --- | --- |\n| 1 | `2` |\n\n![alt text](pic.png)\n\n---\n")
    fresh = dataclasses.replace(analyse(load_bytes("d.md", text.encode(), "markdown")),
                                display=markdown_blocks(text))
    assert fresh.display and {b.kind.value for b in fresh.display} >= {"table", "code", "list_item", "image"}
    assert_same(fresh, roundtrip(fresh))
