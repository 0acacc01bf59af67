"""Clean documents (notes, copied articles, encyclopedia text) keep every line but real furniture."""

from __future__ import annotations

from reader.analysis.boilerplate.classify import classify_lines
from reader.model import BlockKind

K = BlockKind


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def kinds(src: str) -> dict[str, tuple[BlockKind, str]]:
    return {src[s:e].strip(): (k, r) for s, e, k, r in classify_lines(src)}


def hidden(src: str) -> list[str]:
    return [src[s:e] for s, e, k, _ in classify_lines(src) if k is K.BOILERPLATE]


ARTICLE = [
    "Maria Lindqvist was a Swedish botanist.",
    "She was born in a small fishing village on the east coast and spent most of her childhood on her "
    "father's boat, where she first started to collect the seaweeds that later made her name.",
    "After studying at the university she worked for twenty years at the national herbarium, where she "
    "described more than forty new species of algae from the northern seas.",
    "She died in 1931.",
    "Her collection of dried plants was given to the museum by her nephew in the following year.",
    "Several species are named after her.",
]


def test_clean_article_with_one_line_first_paragraph_hides_nothing() -> None:
    src = page(*ARTICLE)
    assert hidden(src) == []
    got = kinds(src)
    assert got[ARTICLE[0]][0] is K.BODY, "a first-line sentence is text, not a title"
    assert all(got[p][0] is K.BODY for p in ARTICLE)


def test_one_line_and_two_line_documents_show_everything() -> None:
    assert hidden(page("Call the plumber about the kitchen sink before Friday.")) == []
    assert hidden(page("Ideas", "Paint the fence.")) == []
    assert hidden("Short one.") == []


def test_note_with_a_plain_list_shows_every_line() -> None:
    src = page("Shopping", "milk", "eggs", "brown bread", "butter", "apples")
    assert hidden(src) == []
    lists = page(*ARTICLE[:3], "Current members", "Anna Berg", "Tom Ek", "Lena Holm", "Per Nilsson",
                 *ARTICLE[3:])
    assert hidden(lists) == []


def test_dated_sentences_and_lists_after_the_text_stay() -> None:
    facts = ["Founded on 3 March 1921.", "Renamed on 12 June 1946.", "Closed on 1 January 1990.",
             "Written by the staff (10/14/07)", "1.", "The first list item of the notes.", "2.",
             "Another item without much to say"]
    src = page(*ARTICLE, *facts)
    assert hidden(src) == []


def test_headline_in_title_case_is_the_title_even_with_a_stop() -> None:
    src = page("Old Harbour Bridge to Close for a Year.", *ARTICLE[1:3])
    got = kinds(src)
    assert got["Old Harbour Bridge to Close for a Year."][0] is K.TITLE
    assert hidden(src) == []


def test_clean_document_still_hides_its_furniture() -> None:
    src = page("Harbour bridge to close", *ARTICLE[1:], "Read the rest here.",
               "Follow Jane Roe on Twitter @janeroe.", "Sign up for our newsletter to get the latest news.")
    got = kinds(src)
    assert got["Harbour bridge to close"][0] is K.TITLE
    assert all(got[p][0] is K.BODY for p in ARTICLE[1:])
    assert got["Read the rest here."][0] is K.BOILERPLATE
    assert got["Follow Jane Roe on Twitter @janeroe."][0] is K.BOILERPLATE
    assert got["Sign up for our newsletter to get the latest news."][0] is K.BOILERPLATE


def test_headlines_in_a_clean_document_are_still_link_lists() -> None:
    links = ["Ferry Fares To Rise In Spring", "New Bus Lanes For The North Bank",
             "Council Elections Set For May", "Old Town Shops Fear Quiet Summer"]
    src = page(*ARTICLE[:3], *links, *ARTICLE[3:])
    got = kinds(src)
    assert all(got[x][0] is K.BOILERPLATE for x in links)
    assert all(got[p][0] is K.BODY for p in ARTICLE)


def test_narrative_sentences_with_furniture_words_are_text() -> None:
    lines = ["After the war the family donated the painting to the city museum in the old town.",
             "The house has been listed on the national register of historic places since 1999.",
             "He said:",
             "His pupil, a young protegÃ©, wrote the preface to the second edition of the book."]
    src = page(*ARTICLE[:3], *lines, *ARTICLE[3:])
    assert hidden(src) == []
    appeal = page(*ARTICLE[:3], "Please donate today to keep our newsroom going for another year.",
                  *ARTICLE[3:])
    assert hidden(appeal) == ["Please donate today to keep our newsroom going for another year."]


def test_page_with_navigation_is_not_clean() -> None:
    nav = ["Home", "News", "Sport", "Weather", "Sign in"]
    teasers = ["Ferry fares to rise in spring", "Council elections set for May"]
    src = page(*nav, "Harbour bridge to close", *ARTICLE[1:], *teasers, "© 2024 The Daily Example")
    got = kinds(src)
    assert all(got[x][0] is K.BOILERPLATE for x in nav + teasers)
    assert got["© 2024 The Daily Example"][0] is K.BOILERPLATE


WIRE = [
    "ROWING - HARBOUR REGATTA RESULTS.",
    "HARBOUR 2024-05-04",
    "Results of the harbour regatta on Saturday:",
    "Single sculls",
    "1. Ann Lee (Harbour) 7:02.41",
    "2. Bo Park (River) 7:03.10",
    "3. Cy Dunn (Lake) 7:09.85",
    "Double sculls",
    "1. Di Moss and Ed Hale (Bay) 6:40.02",
    "2. Flo Rey and Gus Tam (Harbour) 6:41.90",
    "Coxless four",
    "1. Harbour 6:01.11",
    "2. River 6:02.75",
    "3. Lake 6:05.30",
]


def test_a_document_without_any_stock_phrase_is_shown_whole() -> None:
    # no menu, share, legal or sign-up line anywhere and nothing repeated: a wire story, not a page
    assert hidden(page(*WIRE)) == []


def test_a_headline_with_a_stock_word_heads_a_clean_document() -> None:
    lines = ["Ad sales lift the harbour paper's profits", *ARTICLE]
    assert kinds(page(*lines))[lines[0]][0] is K.TITLE
    lines = ["Takeover talk lifts harbour shares", *ARTICLE]
    assert kinds(page(*lines))[lines[0]][0] is K.TITLE


def test_a_news_sentence_about_donations_or_subscribers_is_not_an_appeal() -> None:
    line = ("The paper said its subscriber numbers rose by a tenth last year, helped by a free trial and "
            "a newsletter, while donations to its charity fund reached a record and its membership "
            "scheme passed ten thousand readers for the first time.")
    assert hidden(page(*ARTICLE[:3], line, *ARTICLE[3:])) == []
    appeal = ("If you value our reporting, please support us: a donation or a subscription keeps the "
              "newsletter free and every contribution, big or small, helps us pay our reporters.")
    assert appeal in hidden(page(*ARTICLE[:3], appeal, *ARTICLE[3:]))
