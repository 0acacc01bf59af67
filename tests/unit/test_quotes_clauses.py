"""Reporting clauses with more than one name in them: who said the quote (made-up texts)."""

from __future__ import annotations

import re

from reader.analysis.quotes import find_quotes
from reader.analysis.quotes.attribution import left_attr, object_after
from reader.model import Block, BlockKind, Mention, Person, Span


def _blocks(text: str) -> list[Block]:
    return [Block(BlockKind.BODY, Span(m.start(), m.end()), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _people(text: str, *names: str) -> list[Person]:
    out = []
    for name in names:
        sur = name.split()[-1]
        found = re.finditer(re.escape(name) + "|" + re.escape(sur), text)
        ms = [Mention(Span(m.start(), m.end()), m.group()) for m in found]
        if ms:
            out.append(Person(name, tuple(ms)))
    return out


def _speakers(text: str, *names: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, _blocks(text), _people(text, *names))]


def test_said_that_names_no_speaker_after_the_verb() -> None:
    # "said that Brook ...": Brook is who the words are about, not who said them
    text = "said that Brook "
    assert object_after(text, 4, len(text)) is None


def test_second_said_of_a_pair_keeps_its_subject() -> None:
    text = 'Councillor Ines Varga said that Brook had "done fine work," and said that Brook "lost his way."'
    assert _speakers(text, "Ines Varga", "Tom Brook") == ["Ines Varga", "Ines Varga"]


def test_name_after_while_is_the_subject() -> None:
    text = "Okafor wrote a long letter to the board, while Lindqvist said that the \x01"
    found = left_attr(text, 0, len(text) - 1)
    assert found is not None and found.text == "Lindqvist"


def test_while_clause_speaker_in_context() -> None:
    text = (
        "Okafor wrote a long letter to the board, while Lindqvist said that the "
        '"harbour plan is a bad bet" for the town.'
    )
    assert _speakers(text, "Amara Okafor", "Eva Lindqvist") == ["Eva Lindqvist"]


def test_appositive_role_of_a_body_is_no_speaker() -> None:
    text = (
        "Pavel Novak, chairman of the Parks and Gardens Board, told the paper that the town would plant "
        '"many more trees" next spring.'
    )
    assert _speakers(text, "Pavel Novak") == ["Pavel Novak"]


def test_first_verb_of_a_coordination_gives_the_speaker() -> None:
    text = 'Halvorsen said he liked the verdict by Kerr and added, "I am glad it is over."'
    assert _speakers(text, "Ola Halvorsen", "Amos Kerr") == ["Ola Halvorsen"]


def test_says_and_tells_keep_the_first_subject() -> None:
    text = 'Marlow says she will phone Quist soon and tell him "enough delays" this week.'
    assert _speakers(text, "Dana Marlow", "Ivar Quist") == ["Dana Marlow"]


def test_affiliation_before_has_said_is_cut() -> None:
    text = 'Rep. Rosa Delgado (N.M.) has argued that the bill "will not pass this year."'
    assert _speakers(text, "Rosa Delgado") == ["Rosa Delgado"]


def test_scare_quote_of_a_person_the_sentence_is_about_is_kept() -> None:
    text = 'Ortiz took aim at the council and its "lazy habits" on Tuesday.'
    assert _speakers(text, "Lena Ortiz") == ["Lena Ortiz"]


def test_scare_quote_of_no_person_is_still_dropped() -> None:
    text = 'The council met again to look at the "green belt" on Tuesday.'
    assert _speakers(text, "Lena Ortiz") == []


def test_title_case_words_on_a_sign_are_a_quote() -> None:
    text = 'Last year, a sign reading "Save Our Harbour Now" hung outside.'
    assert [q.text for q in find_quotes(text, _blocks(text), [])] == ['"Save Our Harbour Now"']


def test_title_case_chants_of_a_crowd_are_a_quote() -> None:
    text = 'The rally closed with chants of "Go Harbour Go" from the back rows.'
    assert [q.text for q in find_quotes(text, _blocks(text), [])] == ['"Go Harbour Go"']


def test_title_case_words_after_a_plain_of_stay_names_of_works() -> None:
    text = 'The rally closed with a reading of "Go Harbour Go" from the back rows.'
    assert find_quotes(text, _blocks(text), []) == []


def test_shows_after_such_as_stay_names_of_works() -> None:
    text = 'Last year, shows such as "Night Harbour Watch" drew crowds.'
    assert find_quotes(text, _blocks(text), []) == []


def test_present_tense_reporting_verb_after_the_quote() -> None:
    text = 'Tom Park spoke first. "We are ready for the vote," Lane notes.'
    assert _speakers(text, "Tom Park", "Jo Lane") == ["Jo Lane"]


def test_present_tense_word_of_speech_keeps_a_scare_quote() -> None:
    text = 'The mayor concedes the plan has "rough edges" for now.'
    assert [q.text for q in find_quotes(text, _blocks(text), [])] == ['"rough edges"']


def test_talk_of_speech_keeps_a_scare_quote() -> None:
    text = 'The mayor spoke at length about the "green belt" on Tuesday.'
    assert [q.text for q in find_quotes(text, _blocks(text), [])] == ['"green belt"']


def test_noun_of_a_claim_keeps_a_scare_quote() -> None:
    text = 'The board rejected the accusation that it was "asleep" for years.'
    assert [q.text for q in find_quotes(text, _blocks(text), [])] == ['"asleep"']


def test_single_quoted_scare_quote_of_a_person_stays_dropped() -> None:
    text = "Ortiz took aim at the council and its 'lazy habits' on Tuesday."
    assert _speakers(text, "Lena Ortiz") == []
