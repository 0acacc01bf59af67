"""A text dump's headline by agreement with its page title (issue 13)."""

from __future__ import annotations

from reader.analysis.boilerplate.classify import classify_lines
from reader.analysis.boilerplate.headline import title_part
from reader.model import BlockKind

BODY = [
    "The orchard cooperative in the valley began picking its late pears this week, two weeks after "
    "the usual date, because a cold spring held the blossom back for most of April.",
    "Members said the crop was smaller than last year but the fruit was larger and sweeter, and that "
    "buyers from the coastal towns had already asked for more than the cooperative could sell.",
    "The chair of the cooperative said the group would hire twenty more pickers from the villages "
    "nearby and keep the packing shed open on Sundays until the end of the month.",
]


def title_of(*lines: str) -> str | None:
    src = "\n\n".join(lines) + "\n"
    got = [src[s:e] for s, e, k, _ in classify_lines(src) if k is BlockKind.TITLE]
    return got[0] if got else None


def part(text: str) -> str:
    s, e = title_part(text)
    return text[s:e]


def test_site_names_and_section_labels_are_stripped() -> None:
    got = part("Opinion | Late pears fill the valley sheds - The Valley Courier")
    assert got == "Late pears fill the valley sheds"
    assert part("Late pears fill the valley sheds") == "Late pears fill the valley sheds"
    assert part("Pears - The Late Harvest") == "Pears - The Late Harvest"


def test_the_page_title_wins_over_a_label_it_does_not_back() -> None:
    title = title_of("Late pears fill the valley sheds | Valley Courier", "Home", "Farming",
                     "Font size small medium large", *BODY)
    assert title == "Late pears fill the valley sheds"


def test_an_in_page_headline_the_page_title_backs_is_kept() -> None:
    title = title_of("Late pears fill the valley sheds | Valley Courier", "Home", "Farming",
                     "Late pears fill the valley sheds, growers say", *BODY)
    assert title == "Late pears fill the valley sheds, growers say"


def test_a_clean_document_keeps_its_first_line() -> None:
    assert title_of(*BODY) is None or title_of(*BODY) not in BODY[1:]


def test_a_short_page_title_repeated_by_the_page_heading_is_the_title() -> None:
    # "Pears - Orchard Wiki": too short a headline part alone, but the page's own heading repeats it
    title = title_of("Pears - Orchard Wiki", "Pears", "From the orchard wiki", "Jump to navigation",
                     *BODY[:2], "2.1 Late picking", *BODY[2:])
    assert title == "Pears"


def test_a_line_naming_part_of_the_story_does_not_agree_with_the_page_title() -> None:
    # the line shares some words with the page title, but most of the page title's are not in it
    title = title_of("Valley growers hire pickers as late pears ripen - Valley Courier", "Home",
                     "Farming", "Valley pears ripen in the sun", *BODY)
    assert title == "Valley growers hire pickers as late pears ripen"


def test_the_author_named_in_the_page_title_is_not_the_headline() -> None:
    title = title_of(
        "Late pears fill the valley sheds | by Annabel Orchardson | Valley Courier",
        "Sign in",
        "Late pears fill the valley sheds, growers say",
        "Annabel Orchardson",
        "Follow",
        *BODY,
    )
    assert title == "Late pears fill the valley sheds, growers say"


def test_a_wire_headline_with_a_stop_heads_its_dateline_and_the_dateline_is_no_title() -> None:
    lines = ("Harbour pickers strike over late pay.", "HARBOUR 2024-05-04", *BODY)
    assert title_of(*lines) == "Harbour pickers strike over late pay."
    src = "\n\n".join(lines) + "\n"
    kinds = {src[s:e]: k for s, e, k, _ in classify_lines(src)}
    assert kinds["HARBOUR 2024-05-04"] is BlockKind.BYLINE


def test_without_a_page_title_the_headline_the_opening_backs_wins_over_credits_and_bylines() -> None:
    # a dump with no page title on its first line: the headline is the line above the byline,
    # tags, share buttons and photo credit whose words the article's opening holds
    title = title_of("Valley Courier", "Home", "Farming", "Weather", "Sign in",
                     "Cooperative picks late pears after cold spring", "By Ann Marsh",
                     "Harvest", "Share", "Tweet", "Email", "Photo", "Credit Tom Reyes", *BODY)
    assert title == "Cooperative picks late pears after cold spring"


def test_a_first_line_the_opening_does_not_name_loses_to_a_backed_headline() -> None:
    title = title_of("Skip to main content now", "Home", "Farming", "Weather",
                     "Cooperative picks late pears after cold spring", "By Ann Marsh", *BODY)
    assert title == "Cooperative picks late pears after cold spring"


def test_the_headline_shown_above_the_byline_wins_over_a_page_title_variant() -> None:
    # the page title is a variant written for search engines; the page shows its own headline,
    # which shares words with it, above the byline
    title = title_of("Pear harvest: valley cooperative starts late picking | Valley Courier", "Home",
                     "Farming", "Weather", "Sign in", "Cold spring delays the valley pear harvest",
                     "By Ann Marsh", "12 March 2024", "Share", *BODY)
    assert title == "Cold spring delays the valley pear harvest"


def test_a_teaser_with_its_date_above_the_article_is_not_the_shown_headline() -> None:
    title = title_of("Pear harvest: valley cooperative starts late picking | Valley Courier", "Home",
                     "Apple harvest in the valley ends early", "11 March 2024",
                     "Valley pear prices hold", "12 March 2024", *BODY)
    assert title == "Pear harvest: valley cooperative starts late picking"


def test_a_byline_without_by_is_not_the_headline() -> None:
    from reader.analysis.boilerplate.headline import bylineish

    assert bylineish("Ann Marsh, Valley Courier")
    assert bylineish("Valley Courier staff reporter")
    assert not bylineish("Cooperative picks late pears after cold spring")


def test_a_page_title_repeated_just_inside_the_article_run_is_the_headline() -> None:
    # menus taken into the article run, then the page's heading repeating its first line: the
    # repeat is the headline although the first line ends with a stop
    from reader.analysis.boilerplate import headline
    from reader.analysis.boilerplate.lines import line_infos, split_lines

    lines = ["Cooperative picks late pears after cold spring.", "Home", "Farming", "Search:", "Markets",
             "Cooperative picks late pears after cold spring", "by Ann Marsh", *BODY]
    src = "\n\n".join(lines) + "\n"
    infos = line_infos(src, split_lines(src, 0), False)
    assert headline._page_title(infos, -1, 2) == 5
    assert headline._page_title(infos, -1, 6) == 5  # above the article, as before
