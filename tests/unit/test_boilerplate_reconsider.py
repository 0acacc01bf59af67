"""The second look at a text dump's article run (issue 13): a long hidden run of prose wins."""

from __future__ import annotations

import pytest

from reader.analysis.boilerplate.classify import classify_lines
from reader.model import BlockKind

K = BlockKind

STORY = [
    "The orchard cooperative in the valley began picking its late pears this week, two weeks after "
    "the usual date, because a cold spring held the blossom back for most of April.",
    "Members said the crop was smaller than last year but the fruit was larger and sweeter, and that "
    "buyers from the coastal towns had already asked for more than the cooperative could sell.",
    "The chair of the cooperative said the group would hire twenty more pickers from the villages "
    "nearby and keep the packing shed open on Sundays until the end of the month.",
    "Older growers remembered a similar year three decades ago, when a late frost halved the harvest "
    "and many families sold their land to the new vineyards further up the hill.",
    "This year the growers hope that a new cold store, paid for by a regional grant, will let them "
    "hold back part of the crop and sell it in the winter, when prices are higher.",
    "The regional farm office said it would publish a full survey of the harvest in November, "
    "once every member had sent in the weight of fruit taken from each of their fields.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def shown(src: str) -> list[str]:
    return [src[s:e] for s, e, k, _ in classify_lines(src) if k is not K.BOILERPLATE]


def test_a_comments_tab_above_the_article_does_not_hide_it() -> None:
    src = page("Home", "Farming", "Weather", "Sign in",
               "Chapters of the series, in the order of their writing: one, the first frost in the "
               "valley; two, the pickers arrive from the villages; three, a cold store is built; four, "
               "the buyers from the coast; five, a winter of selling at better prices; six, the survey "
               "of the harvest and what the growers learned from it for the years that followed.",
               "Comments:", "12", "Kudos:", "40", *STORY, "Share", "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY)


def test_a_real_comment_thread_stays_hidden() -> None:
    thread: list[str] = []
    names = ["Ann Reader", "B. Walker", "Carl Jones", "Dana Smith", "Eve Stone", "Finn Hale", "Gus Ware"]
    for n, name in enumerate(names):
        thread += [f"{name} on March {n + 3}, 2024 at 4:1{n} pm said:",
                   f"I grew up near that valley and I remember the frost year well, it was a hard time "
                   f"for every family who kept an orchard there, {n + 2} of them on our road alone.", "Reply"]
    src = page("Home", "Farming", *STORY[:2], "7 Comments", *thread, "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY[:2])
    assert not any("I grew up" in p for p in out)


def test_a_comments_count_between_blurb_and_article_does_not_hide_the_article() -> None:
    blurb = "A late harvest in the valley this year, and what the growers plan to do about it next season."
    src = page("Home", "Farming", blurb, "By Jo Field", "3 comments", *STORY, "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY)


def test_a_short_sign_up_box_between_paragraphs_is_not_the_reason_to_widen() -> None:
    story = [*STORY[:2], "Newsletter sign up today", "Subscribe", "Donate to us", *STORY[2:]]
    src = page("Home", "Farming", "Weather", *story)
    out = shown(src)
    assert all(p in out for p in STORY[2:])
    assert "Subscribe" not in out


def test_an_article_printed_twice_is_shown_once() -> None:
    blurb = "Pickers wanted for the late harvest, ask at the packing shed in the valley for work."
    src = page("Home", "Farming", *STORY, "Print", "Close", "Menu", "Weather", blurb, "Share",
               "Home", "Farming", *STORY, "Privacy policy")
    spans = [(s, e) for s, e, k, _ in classify_lines(src) if k is not K.BOILERPLATE]
    texts = [src[s:e] for s, e in spans]
    assert all(texts.count(p) == 1 for p in STORY)
    assert spans[0][0] < src.index("Print")  # the first copy


def test_an_article_printed_twice_above_a_teaser_with_a_repeated_headline_is_shown() -> None:
    # Both copies of the article score low as repeated lines; a teaser headline the page also
    # prints twice stands over a few teaser sentences below them.  That headline is no proof
    # that the teasers are the article: the first copy is shown.
    teaser = "Cold store opens in the upper valley for apple growers"
    src = page("Home", "Farming", *STORY, *STORY, "Related stories", teaser,
               "The district cooperative opened its store on Friday.", "Picking dates for the hill farms.",
               "Most read", teaser, "Privacy policy")
    texts = shown(src)
    assert all(texts.count(p) == 1 for p in STORY)


def test_an_article_printed_twice_back_to_back_is_shown_once() -> None:
    src = page("Home", "Farming", "Late pears in the valley", *STORY, *STORY, "Share", "Privacy policy")
    texts = shown(src)
    assert all(texts.count(p) == 1 for p in STORY)
    first = [s for s, e, k, _ in classify_lines(src) if k is not K.BOILERPLATE and src[s:e] == STORY[0]]
    assert first == [src.index(STORY[0])]  # the first copy is the one shown


def test_a_report_that_repeats_one_of_its_sentences_keeps_both() -> None:
    src = page("Home", "Farming", "Late pears in the valley", *STORY[:3], STORY[1], *STORY[3:],
               "Share", "Privacy policy")
    assert shown(src).count(STORY[1]) == 2


THREAD_NAMES = ["Lee Novak", "Max Kowalski", "Chris Ng", "Sam Moreau", "Jo Ng", "Dana Walker"]
THREAD_POSTS = [
    "I grew up two valleys over and we had the same late frost that spring, which ruined most of the "
    "cherries on our side of the hill and sent half the pickers home before the summer even started.",
    "The cold store is a good idea but the grant only covers the building, and someone will still have "
    "to pay for the power to keep it running through the winter months when the prices finally rise.",
    "My grandfather sold his land to the vineyards in that bad year and regretted it for the rest of "
    "his life, so I hope the younger growers hold on and wait for the better seasons to come back.",
    "Does anyone know whether the packing shed is hiring for the weekends as well, because my son is "
    "looking for work before his college term starts again in the autumn and he can drive a van.",
    "We drove up last Sunday and bought two crates at the gate, and the pears were the best we have "
    "had in years, sweet and firm, so the wait was well worth it for those of us in the town below.",
    "The regional office always promises a survey and then publishes it a year late, so I would not "
    "hold my breath for the November figures, whatever the chair of the cooperative says this week.",
]


def test_a_thread_under_a_short_article_ends_it_by_its_structure() -> None:
    # The article scores less than a run worth cutting at; the posts under the comment count
    # score higher.  Their heads and reply buttons make them a thread: the article is kept.
    article = ("The cooperative in the valley began picking its late pears this week, two weeks after "
               "the usual date.")
    thread = ["14 comments", "Sort by: Newest"]
    for n, post in enumerate(THREAD_POSTS):
        thread += [THREAD_NAMES[n], f"{n + 2} hours ago", post, f"Reply · {n + 3} likes"]
    out = shown(page("Home", "Farming", "Late pears in the valley", article, *thread, "Privacy policy"))
    assert article in out
    assert not any(p in out for p in THREAD_POSTS)


def test_a_comments_tab_above_a_short_article_with_a_thread_under_it_is_no_thread_start() -> None:
    thread = ["6 comments"]
    for n, post in enumerate(THREAD_POSTS):
        thread += [THREAD_NAMES[n], f"{n + 2} hours ago", post, f"Reply · {n + 3} likes"]
    src = page("Home", "Farming", "Late pears in the valley", "14 comments", "Share", *STORY[:4], *thread,
               "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY[:4])


SIGNERS = ["Lee Novak, Leeds", "Max Kowalski, Cork", "Chris Ng, Perth", "Sam Moreau, Austin",
           "Jo Ng, Halifax", "Dana Walker, Bristol"]


def test_readers_views_under_the_article_are_cut_off_by_their_signatures() -> None:
    views: list[str] = ["What our readers say"]
    for name, post in zip(SIGNERS, THREAD_POSTS, strict=True):
        views += [name, post]
    out = shown(page("Home", "Farming", "Late pears in the valley", *STORY, *views, "Privacy policy"))
    assert all(p in out for p in STORY)
    assert not any(p in out for p in THREAD_POSTS)
    assert "What our readers say" not in out


def test_three_signed_paragraphs_in_an_article_stay() -> None:
    views: list[str] = []
    for name, post in zip(SIGNERS[:3], THREAD_POSTS, strict=False):
        views += [name, post]
    out = shown(page("Home", "Farming", "Late pears in the valley", *STORY, *views, STORY[0][:60] + " again.",
                     "Privacy policy"))
    assert all(p in out for p in THREAD_POSTS[:3])


@pytest.mark.parametrize("paragraphs", [2, 3])
def test_a_short_article_printed_twice_is_shown_once_not_a_teaser(paragraphs: int) -> None:
    # Two or three paragraphs (fewer words than a second look otherwise asks for) printed twice,
    # both copies marked down as repeated lines, and one teaser sentence under the menu: the
    # first copy of text the page prints twice is evidence enough to show it instead.
    menu = ["Home", "Farming", "Weather", "Markets", "Opinion", "Sign in"]
    teaser = "Growers across the region will meet in the market hall on Friday to talk about prices."
    story = STORY[:paragraphs]
    src = page(*menu, "Late pears in the valley", *story, *story, *menu, "Most read", teaser,
               "Privacy policy")
    texts = shown(src)
    assert all(texts.count(p) == 1 for p in story)
    assert teaser not in texts


def test_a_teaser_ticker_printed_twice_does_not_replace_the_article() -> None:
    ticker = [f"Growers in district {n} report a late pear harvest and a smaller crop, the farm "
              f"office said on Monday, as pickers arrive." for n in range(4)]
    src = page("Home", *ticker, "Farming", *STORY, "Related", *ticker, "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY)
    assert not any(t in out for t in ticker)


def test_a_comment_column_in_a_table_does_not_end_the_article() -> None:
    table = ["Stage", "Comment", "picked", "Fruit is off the tree", "sorted", "Graded by size"]
    more = [
        "The packing shed works in three shifts during the harvest, and each crate is weighed twice, "
        "once when it arrives from the field and once when it leaves for the market.",
        "Growers are paid by the weight that leaves the shed, so the second weighing is done in front "
        "of a member chosen by lot, who signs the day's sheet before it goes to the office.",
        "The cooperative says the system has kept disputes rare, although a few members would like "
        "the sheets to be published online so that everyone can check them at home.",
    ]
    more += [f"On day {n} of the harvest the shed took in more crates than on any day before it, and "
             f"the night shift stayed until the last lorry of the evening had been loaded and sent off."
             for n in range(2, 6)]
    src = page(*STORY, *table, *more)
    got = shown(src)
    assert all(p in got for p in STORY + more)


def test_a_comments_heading_with_posts_under_it_still_ends_the_article() -> None:
    posts = ["Comments", "Ann Lee on 3 May 2024 at 5:01 pm", "Lovely to see the sheds busy again this year.",
             "Reply", "Bo Park on 3 May 2024 at 6:12 pm", "My grandfather picked there every autumn.",
             "Reply"]
    got = shown(page(*STORY, *posts))
    assert all(p in got for p in STORY)
    assert not any(p in got for p in posts[1:] if len(p) > 20)


PARTS = [
    [f"In the {w} part of the valley the growers counted their pears again this week and found "
     f"that the late spring had cost them about a {f} of the crop, though the fruit that is left "
     f"is large and sweet and the buyers from the coast still want all of it."
     for w, f in zip(words, fracs, strict=True)]
    for words, fracs in (
        (("northern", "upper", "eastern"), ("third", "quarter", "fifth")),
        (("western", "lower", "southern"), ("sixth", "tenth", "half")),
        (("central", "outer", "inner"), ("seventh", "eighth", "ninth")),
    )
]


def chart(label: str) -> list[str]:
    """What a chart leaves in a text dump: its label, then axis figures one per line."""
    return [label, *(f"{n * 20}" for n in range(12)), *(f"’{n:02d}" for n in range(10, 22)), "%"]


def test_a_chart_between_parts_of_the_article_does_not_hide_them() -> None:
    src = page("Pears in the valley | The Farm Paper", "Home", "Farming", "Weather", "Sign in",
               "Pears in the valley", "By Jo Field", *PARTS[0], *chart("Tonnes picked a year"),
               *PARTS[1], *chart("Price per crate"), *PARTS[2], "Share", "Privacy policy")
    out = shown(src)
    assert all(p in out for part in PARTS for p in part)
    assert "Tonnes picked a year" not in out and "’15" not in out  # the charts stay folded


def test_teasers_above_the_articles_headline_never_join_it() -> None:
    # the teasers are printed twice (a ticker above, a list below): the second look counts the
    # first copy as prose, as it does for an article printed twice
    teasers = [f"Harvest news from district {n}: growers there report that the late frost cost them "
               f"part of the crop this year, and the farm office will publish its survey of every "
               f"orchard in the district once the last fruit has been weighed at the shed." for n in range(6)]
    src = page("Pears in the valley | The Farm Paper", "Home", "Farming", "Weather", "Sign in", *teasers,
               "Pears in the valley", "May 3, 2024", "Share", *STORY[:5], "Share", "More news", *teasers,
               "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY[:5])
    assert not any(t in out for t in teasers)


def thread_of(names: list[str], button: str) -> list[str]:
    posts: list[str] = []
    for n, name in enumerate(names):
        posts += [f"{name} · March {n + 3}, 2024 at 4:1{n} pm",
                  f"My grandparents kept an orchard in that valley and the late frost of that year is "
                  f"still talked about at every family dinner, {n + 2} decades on, because it took the "
                  f"whole crop in one night and half of the families on our road had to sell their land "
                  f"to the new vineyards further up the hill before the next spring came round.", button]
    return posts


def test_a_comment_thread_without_a_heading_is_cut_off_the_article() -> None:
    names = ["Ann Reader", "B. Walker", "Carl Jones", "Dana Smith", "Eve Stone", "Finn Hale", "Gus Ware"]
    src = page("Home", "Farming", "Pears in the valley", "By Jo Field", *STORY, "Share this:",
               "Posted in Farming", "There are 7 comments", *thread_of(names, "Reply"), "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY)
    assert not any("grandparents" in p for p in out)


def test_posts_quoted_in_an_article_are_no_thread() -> None:
    # embedded posts carry a name, a date and a "Report" link, but no reply buttons
    names = ["Ann Reader", "B. Walker", "Carl Jones"]
    quoted = thread_of(names, "Report")
    src = page("Home", "Farming", "Pears in the valley", "By Jo Field", *STORY[:4], *quoted, *STORY[4:],
               "Privacy policy")
    out = shown(src)
    assert all(p in out for p in STORY)
