"""One person across a collection: a surname used alone merges with the one full name it fits."""

from __future__ import annotations

from reader.analysis.people.collection import canonical_names, merge_counts


def test_a_surname_alone_joins_the_one_full_name_that_ends_with_it() -> None:
    names = canonical_names({"Trump": 5, "Donald Trump": 9, "Angela Merkel": 2, "Merkel": 1, "Shoigu": 3})
    assert names["Trump"] == "Donald Trump"
    assert names["Merkel"] == "Angela Merkel"
    assert names["Shoigu"] == "Shoigu"  # no full name to join
    assert names["Donald Trump"] == "Donald Trump"


def test_an_ambiguous_surname_and_distinct_full_names_stay_apart() -> None:
    names = canonical_names({"Bush": 4, "George Bush": 3, "George W. Bush": 6})
    assert names == {"Bush": "Bush", "George Bush": "George Bush", "George W. Bush": "George W. Bush"}


def test_counts_are_of_articles_and_an_article_counts_once() -> None:
    got = merge_counts({"Donald Trump": [1, 2], "Trump": [2, 3, 4], "Merkel": [5]})
    assert got == [("Donald Trump", 4), ("Merkel", 1)]


def test_one_article_with_the_full_name_is_not_enough() -> None:
    assert canonical_names({"Usher": 3, "George Usher": 1})["Usher"] == "Usher"
