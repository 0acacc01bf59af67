"""The shortcuts people detection takes give what the plain regular expressions give."""

from __future__ import annotations

import random
import re

import pytest

from reader.analysis.people import find_people, judge, tagger, tokens
from reader.analysis.people.find import _run_parts_all, _run_tags_all, judge_runs, run_features_all
from reader.analysis.people.tokens import tok
from reader.model import Block, BlockKind, Span

_PIECES = [*"ab Z1.)\n\u00a0,é_²\t", "said ", "of ", "for ", "the ", "wife of ", ", ", "12. ", "\n3) ",
           "Of ", "Minister ", "according to ", "by\u00a0", "Secretary "]


def _texts(seed: int, n: int = 20000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 9))) for _ in range(n)]


def test_before_said_is_the_anchored_search() -> None:
    plain = re.compile(r"(?:said|says|told|according to|asked|by|married|son of|daughter of|wife of)"
                       r"[ \u00a0]$")
    for s in _texts(1):
        assert s.endswith(judge._BEFORE_SAID) == (plain.search(s) is not None), s


def test_rank_and_word_before_are_the_searches() -> None:
    for s in _texts(2):
        assert judge._rank_before(s) == (judge._RANK_BEFORE.search(s) is not None), s
        m = judge._BEFORE_WORD.search(s)
        assert judge._before_word(s) == (m.group(1) if m else ""), s


def test_role_searches_skipped_only_where_they_cannot_match() -> None:
    for s in _texts(5):
        if judge._ROLE_COMMA.search(s):
            assert s.endswith((", ", ", \n")), s
        if judge._ROLE_OF.search(s, max(0, len(s) - 40), len(s)):
            end = len(s) - 1 if s.endswith("\n") else len(s)
            tail = s[max(0, len(s) - 40, end - 3):end]
            assert tail[-1:] in (" ", "\u00a0") and tail[:2] in ("of", "or", "he"), s


def test_previous_word_is_the_search() -> None:
    plain = re.compile(r"(\S+)\s*$")
    for s in _texts(3):
        m = plain.search(s)
        last = s.rsplit(None, 1)
        assert (last[-1] if last else None) == (m.group(1) if m else None), s


def test_capitals_line_counts_letters_like_str_methods() -> None:
    rnd = random.Random(4)
    for _ in range(3000):
        s = "".join(rnd.choice("AAAAZZBb c1.,\nÉéß’ǅ") for _ in range(rnd.randint(0, 450)))
        head = s[:400]
        up = sum(map(str.isupper, head))
        caps = up > 0.8 * (up + sum(map(str.islower, head))) and up > 8
        assert tagger.line_of(s, headline=False, caption=False, byline=False).caps == caps


def test_word_flags_cached_per_text() -> None:
    a, b = tok("Frédéric", 0, 8), tok("Frédéric", 10, 18)
    assert (a.low, a.is_initial, a.is_caps) == (b.low, b.is_initial, b.is_caps) == ("frederic", False, False)
    assert (b.start, b.end) == (10, 18)
    assert tok("H.", 0, 2).is_initial and tok("NATO", 0, 4).is_caps


_TEXT = """Defense Minister Anna Kowalczyk said on Monday that talks with Ben Hale had stalled.
Kowalczyk, 54, told reporters in Warsaw that Hale's offer, made by President Tom Reyes and
Dr. Lena Ortiz, fell short. "We want more," said Ortiz. Later Reyes said the Warsaw Tigers won.
THE LEAGUE TABLE: 1. Ann Lee 7:31, 2. Mo Farah 7:35"""


def _blocks(text: str) -> list[Block]:
    blocks = []
    pos = 0
    for line in text.split("\n"):
        blocks.append(Block(BlockKind.BODY, Span(pos, pos + len(line)), line))
        pos += len(line) + 1
    return blocks


def test_run_tags_are_decode_of_the_joined_features() -> None:
    blocks = _blocks(_TEXT)
    j = judge_runs(_TEXT, blocks)
    weights = tagger.model()
    feats = run_features_all(_TEXT, j)
    parts = _run_parts_all(_TEXT, j)
    assert sum(map(len, feats)) > 20
    for _ in range(2):  # the second time from the cached sums
        for f, p, tags in zip(feats, parts, _run_tags_all(_TEXT, j), strict=True):
            assert [[*base, *rest] for base, rest in p] == f
            assert tags == tagger.decode(weights, f)
    got = {p.name for p in find_people(_TEXT, blocks)}
    assert {"Anna Kowalczyk", "Ben Hale", "Tom Reyes", "Lena Ortiz"} <= got


def test_people_the_same_with_the_word_caches_emptied_all_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(_TEXT)
    want = find_people(_TEXT, blocks)
    monkeypatch.setattr(tagger, "_STATIC_MAX", 2)
    monkeypatch.setattr(tagger, "_STATIC", {})
    monkeypatch.setattr(tagger, "_VEC", {})
    assert find_people(_TEXT, blocks) == want
    longest = max(len(r.toks) for r in judge_runs(_TEXT, blocks).runs)
    assert len(tagger._VEC) <= 2 + longest  # (cleared before a run, when past the bound)


def test_tied_sums_are_decoded_the_float_way(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks(_TEXT)
    j = judge_runs(_TEXT, blocks)
    want = [tagger.decode(tagger.model(), f) for f in run_features_all(_TEXT, j)]
    monkeypatch.setattr(tagger, "_packed", lambda: {})  # every sum 0: every word a tie
    monkeypatch.setattr(tagger, "_VEC", {})
    assert _run_tags_all(_TEXT, j) == want


def test_packed_weights_stay_inside_their_fields() -> None:
    # a word's sums take one weight per feature at most: all of them together fit a field
    total = sum(max(map(abs, v)) for v in tagger._raw()["weights"].values())
    assert total < tagger._HALF


def test_possessive_found_only_after_its_endings() -> None:
    rnd = random.Random(6)
    for _ in range(20000):
        s = "".join(rnd.choice("ab's’'s") for _ in range(rnd.randint(0, 6)))
        if tokens.possessive_at(s) >= 0:
            assert s.endswith(tokens._POSSESSIVE_ENDS), s


def test_word_shape_is_the_template_substitution() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        s = "".join(rnd.choice("AAbb11..\n-’é") for _ in range(rnd.randint(0, 12)))
        assert tagger._shape(s) == tagger._SQUEEZE.sub(r"\1", s.translate(tagger._SHAPE_MAP)), s
