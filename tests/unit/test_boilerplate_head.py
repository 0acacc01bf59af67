"""The head of a dump: headline, standfirst, bylines, credits and datelines in several styles."""

from __future__ import annotations

from reader.analysis.boilerplate.classify import classify_lines
from reader.model import BlockKind


def _kinds(text: str) -> dict[str, BlockKind]:
    return {text[s:e]: kind for s, e, kind, _ in classify_lines(text)}


BODY = (
    "Mara Quill has run the lighthouse cafe on the north pier for eleven years, and she says this winter "
    "was the hardest she can remember for the small shops along the harbour front.\n\n"
    "\"We had three weeks without a single tour bus,\" Quill said, wiping the counter on a grey morning. "
    "\"You learn to count every coffee.\"\n\n"
    "The council has promised a new parking plan for the spring, but traders say the money will come too "
    "late for some of them, and two bakeries have already closed their doors for good this year.\n\n"
)


def test_headline_above_standfirst_and_photo_credit_line() -> None:
    text = ("The Cafe at the End of the Pier\n\n"
            "A winter without visitors has tested the small traders of the north harbour.\n\n"
            "By Tom Reyes\n\nPhotographs by Lena Ortiz\n\n" + BODY)
    k = _kinds(text)
    assert k["The Cafe at the End of the Pier"] is BlockKind.TITLE
    assert k["A winter without visitors has tested the small traders of the north harbour."] is BlockKind.BODY
    assert k["By Tom Reyes"] is BlockKind.BYLINE
    assert k["Photographs by Lena Ortiz"] is BlockKind.CAPTION


def test_foreign_dateline_and_reading_time_are_not_titles() -> None:
    text = ("Hafen bekommt neue Fähre für die Inseln\n\n"
            "Der Landkreis investiert zwölf Millionen Euro in ein Schiff, das ab Herbst fahren soll.\n\n"
            "Von Anna Berg\n\nKiel, 3. März 2024\n\nLong read | 14 minutes\n\n" + BODY)
    k = _kinds(text)
    assert k["Hafen bekommt neue Fähre für die Inseln"] is BlockKind.TITLE
    assert k["Kiel, 3. März 2024"] is BlockKind.BYLINE
    assert k["Long read | 14 minutes"] is BlockKind.BYLINE


def test_headline_stands_above_the_byline_not_the_score_line() -> None:
    text = ("FIXTURES | RESULTS | TABLES\n\n"
            "Late header sends Harbour Town into the county final\n\n"
            "By Sam Doyle at Mill Park, Saturday 4 May 2024\n\n"
            "Harbour Town 2 Westcliff 1\n\n" + BODY)
    k = _kinds(text)
    assert k["Late header sends Harbour Town into the county final"] is BlockKind.TITLE
    assert k["By Sam Doyle at Mill Park, Saturday 4 May 2024"] is BlockKind.BYLINE


def test_share_line_under_the_headline_does_not_hide_it() -> None:
    text = ("Help keep local news free. Become a member today.\n\nSkip to main content\n\n"
            "Council Approves New Harbour Parking Plan After Long Debate\n\n"
            "By Ann Cole, City Hall Reporter\n\nShare on Facebook  Share on X  Email this story\n\n" + BODY)
    k = _kinds(text)
    assert k["Council Approves New Harbour Parking Plan After Long Debate"] is BlockKind.TITLE
    assert k["Share on Facebook  Share on X  Email this story"] is BlockKind.BOILERPLATE


def test_first_line_without_long_words_does_not_break_the_headline_search() -> None:
    """Found by bench/fuzz.py: a first line with no word of four letters divided by zero."""
    text = "a b c\n\nx\n\nThe Harbour Bridge Will Close For A Year\n\n" + BODY
    assert _kinds(text)["The Harbour Bridge Will Close For A Year"] is BlockKind.TITLE


def test_a_page_title_with_a_question_mark_beats_a_label_above_the_article() -> None:
    # the dump's first line is the page's <title>; its headline asks a question, so the line
    # reads as a sentence, but the site's separator makes it a page title all the same
    menu = "".join(f"{w}\n\n" for w in ("Home", "News", "Sport", "Weather", "Sign in", "Subscribe"))
    head = "Will the pier cafe open in May? Not yet, its owner says. Maybe in June"
    text = f"{head} | Harbour Courier\n\n" + menu + menu + "Closed Till March\n\n" + BODY
    out = {text[s:e]: kind for s, e, kind, _ in classify_lines(text)}
    assert out[head] is BlockKind.TITLE
    assert out["Closed Till March"] is not BlockKind.TITLE


def test_a_label_that_is_a_piece_of_the_page_title_is_not_the_headline() -> None:
    menu = "".join(f"{w}\n\n" for w in ("Home", "News", "Sport", "Weather", "Sign in", "Subscribe"))
    head = "Pier cafe reopens after the longest winter the harbour traders remember"
    text = f"{head} - Harbour Courier\n\n" + menu + menu + "Harbour Traders\n\n" + BODY
    out = {text[s:e]: kind for s, e, kind, _ in classify_lines(text)}
    assert out["Harbour Traders"] is not BlockKind.TITLE
    assert out[head] is BlockKind.TITLE
