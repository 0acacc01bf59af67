"""Document-wide evidence that a name is a firm's or a person's (reader.analysis.people.evidence)."""

from __future__ import annotations

from pathlib import Path

import reader
from reader.analysis.people import find_people
from reader.model import Block, BlockKind, Person, Span


def _blocks(text: str, kinds: list[BlockKind] | None = None) -> list[Block]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            kind = kinds[len(out)] if kinds else BlockKind.BODY
            out.append(Block(kind, Span(pos, pos + len(line)), line))
        pos += len(line) + 1
    return out


def _found(text: str, kinds: list[BlockKind] | None = None) -> dict[str, Person]:
    return {p.name: p for p in find_people(text, _blocks(text, kinds))}


def test_a_firm_named_alone_after_its_full_name_is_no_person() -> None:
    text = ("Kellarby Marlowe AG said on Tuesday that profits rose by a tenth.\n"
            "Kellarby Marlowe said it would open two plants next year.\n"
            "Chief executive Annika Strand said demand was strong.")
    found = _found(text)
    assert "Annika Strand" in found
    assert not any("Kellarby" in n or "Marlowe" in n for n in found), sorted(found)


def test_a_name_before_and_co_is_the_firm() -> None:
    text = ("Rollbeck and Co analyst Thomas Quill said the shares were cheap.\n"
            "Rollbeck expects the market to recover, Quill said.")
    found = _found(text)
    assert "Thomas Quill" in found
    assert "Rollbeck" not in found


def test_a_party_word_before_a_person_is_no_firm_evidence() -> None:
    text = ("Republican Dorothy Vantreese said the bill would pass.\n"
            "Vantreese told reporters she had the votes.")
    assert "Dorothy Vantreese" in _found(text)


def test_a_shouted_headline_name_needs_the_body_to_name_that_person() -> None:
    kinds = [BlockKind.TITLE, BlockKind.BODY]
    alone = "GRANTHOLM ORVAL TO SELL TWO UNITS\nThe company said on Monday it would sell two units."
    assert _found(alone, kinds) == {}
    named = ("BRISKETT QUITS AS CHAIRMAN\n"
             "Chairman Harold Briskett resigned on Monday, the company said.")
    assert list(_found(named, kinds)) == ["Harold Briskett"]


def test_a_one_word_name_needs_some_evidence_of_a_person() -> None:
    firm = "Profits will rise, Pemberton said, and it expects more."
    assert "Pemberton" not in _found(firm)
    man = "Profits will rise, Pemberton said, and he expects more."
    assert "Pemberton" in _found(man)
    son = "The elder son, Pemberton, said profits will rise."
    assert "Pemberton" in _found(son)


def test_a_country_word_ends_no_name_whatever_role_precedes_it() -> None:
    text = "The debt of major Latin American nations will grow, Treasury Secretary Ada Pellworth said."
    found = _found(text)
    assert "Ada Pellworth" in found
    assert "Latin American" not in found


def test_a_person_is_listed_only_when_the_text_shows_a_person() -> None:
    text = ("Minister Jorund Haslev met Mirabel Ostrow in Oslo on Monday.\n"
            "The talks with Marwick Halden went on late.")
    found = _found(text)
    assert found["Jorund Haslev"].listed  # a role before the name
    assert found["Mirabel Ostrow"].listed  # a known given name first
    assert not found["Marwick Halden"].listed  # nothing shows a person (a firm, a place?)


def test_the_collection_lists_only_names_shown_to_be_people(tmp_path: Path) -> None:
    coll = tmp_path / "coll"
    coll.mkdir()
    text = ("Harbour deal agreed\n\n"
            "Minister Jorund Haslev said on Monday the harbour deal was agreed.\n\n"
            "The talks with Marwick Halden went on late into the night, Haslev said.\n")
    (coll / "deal.txt").write_text(text, encoding="utf-8")
    article = reader.analyse_file(str(coll / "deal.txt"))
    listed = {p.name for p in article.people if p.listed}
    assert "Jorund Haslev" in listed
    assert "Marwick Halden" in {p.name for p in article.people} - listed
    with reader.open_library(coll) as lib:
        lib.refresh()
        assert {name for name, _ in lib.people()} == listed


def test_partners_named_before_and_co_are_firm_words() -> None:
    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.evidence import firm_words
    from reader.analysis.people.find import judge_runs

    text = ("The notes were placed by Brackley, Munsel and Co Inc, said analyst Ruth Anning.\n"
            "Holders may convert through Van Oosterom en Co or Ruth Anning, Tadmor and Sons.")
    j = judge_runs(text, _blocks(text))
    firms = firm_words(text, j.runs, j.lines, j.taken, lexicon())
    assert {"brackley", "munsel", "van", "oosterom", "tadmor"} <= firms
    assert not {"ruth", "anning"} & firms  # a full name is no partner in a list
