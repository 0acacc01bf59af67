"""Texts that quote with single marks, the British way ('Yes,' she said), with "inner" quotes in
double marks: the single marks are the quotes (made-up texts)."""

from __future__ import annotations

from reader.analysis.quotes import find_quotes
from reader.analysis.quotes.filters import all_spans
from reader.analysis.quotes.marks import pair_marks
from reader.model import Block
from tests.unit.test_quotes import _blocks as _lines
from tests.unit.test_quotes import _people

BRITISH = (
    "Harbour talks stall\n"
    "The union leader, Maya Lund, said the offer fell short. ‘We were told it was “final”, "
    "but nobody believes that,’ she said on Tuesday.\n"
    "‘The dockers have waited two years,’ Ms Lund added. ‘They will not wait another.’\n"
    "Tom Baird, for the port, called the claim ‘unrealistic’.\n"
    "‘We have made a fair offer,’ Mr Baird said.\n"
)


def _blocks(text: str) -> list[Block]:
    return _lines(text, title=True)


def test_single_marks_pair_around_inner_double_marks() -> None:
    text = "‘We were told it was “final”, but nobody believes that,’ she said."
    assert [text[s:e] for s, e in pair_marks(text, False, single_first=True)] == [
        "‘We were told it was “final”, but nobody believes that,’"
    ]
    # paired the usual way, only the inner phrase is found
    assert [text[s:e] for s, e in pair_marks(text, False)] == ["“final”"]


def test_apostrophes_stay_apostrophes_in_single_first_pairing() -> None:
    text = "‘We won’t wait for ’90s pay,’ Lund said, ‘not again.’"
    assert [text[s:e] for s, e in pair_marks(text, False, single_first=True)] == [
        "‘We won’t wait for ’90s pay,’",
        "‘not again.’",
    ]


def test_style_is_told_by_the_body_not_the_headline() -> None:
    us = "Mayor: ‘Not Now’\nThe mayor said, “We will wait,” and left. “Maybe next year.”\n"
    _, single = all_spans(_blocks(us))
    assert not single
    _, single = all_spans(_blocks(BRITISH))
    assert single


def test_a_lone_single_mark_does_not_turn_the_style() -> None:
    text = "Report\nScotland's Susan Deacon stole\n's thunder in the final.\n"
    _, single = all_spans(_blocks(text))
    assert not single


def test_korean_emphasis_marks_are_not_british_quotes() -> None:
    text = "제목\n그는 ‘가택침입’이나 ‘데이트 폭력’이라고 했다. “그만해”라고 말했다.\n"
    _, single = all_spans(_blocks(text))
    assert not single


def test_british_quotes_keep_their_speakers() -> None:
    quotes = find_quotes(BRITISH, _blocks(BRITISH), _people(BRITISH, "Maya Lund", "Tom Baird"))
    got = [(q.text, q.speaker) for q in quotes]
    assert ("‘We were told it was “final”, but nobody believes that,’", "Maya Lund") in got
    assert ("‘The dockers have waited two years,’", "Maya Lund") in got
    assert ("‘They will not wait another.’", "Maya Lund") in got
    assert ("‘We have made a fair offer,’", "Tom Baird") in got
    assert all(q.text != "“final”" for q in quotes)


def test_a_speech_over_paragraphs_in_single_marks() -> None:
    text = (
        "Speech\n"
        "Lund spoke for an hour. ‘We came here to bargain in good faith and we still do.\n"
        "‘But the port must move too,’ Lund said.\n"
        "‘Nobody wants a strike,’ she added, ‘least of all us.’\n"
    )
    quotes = find_quotes(text, _blocks(text), _people(text, "Maya Lund"))
    assert [q.text for q in quotes][:2] == [
        "‘We came here to bargain in good faith and we still do.",
        "‘But the port must move too,’",
    ]
    assert all(q.speaker == "Maya Lund" for q in quotes)


def test_closing_single_mark_after_a_spaced_inner_double_mark() -> None:
    text = "‘I never liked the word “outreach,” ’ Lund told the group."
    assert [text[s:e] for s, e in pair_marks(text, False, single_first=True)] == [
        "‘I never liked the word “outreach,” ’"
    ]
