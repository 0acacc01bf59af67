"""Names that the text shows to be firms, dates or employers, never people (issue 14), and the
evidence the collection's list asks of a one-word name (reader.analysis.people)."""

from __future__ import annotations

from reader.analysis.people import find_people
from reader.model import Block, BlockKind, Person, Span


def _blocks(text: str) -> list[Block]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Block(BlockKind.BODY, Span(pos, pos + len(line)), line))
        pos += len(line) + 1
    return out


def _found(text: str) -> dict[str, Person]:
    return {p.name: p for p in find_people(text, _blocks(text))}


def test_a_staff_noun_and_with_or_at_name_the_employer() -> None:
    text = ('"Prices will climb," said Bob Tanner, a broker with Dean Wolcott Reynolds in Miami.\n'
            '"It is early," said Lisa Varga, economist at KP Morgan Halvert.')
    found = _found(text)
    assert {"Bob Tanner", "Lisa Varga"} <= set(found)
    assert not any("Reynolds" in n or "Halvert" in n for n in found), sorted(found)


def test_a_name_after_a_person_and_of_is_the_employer() -> None:
    found = _found('"We are cautious," said Eileen Hartwell of Thomson Brackley on Monday.')
    assert "Eileen Hartwell" in found
    assert "Thomson Brackley" not in found, sorted(found)


def test_a_possessive_before_a_full_name_is_the_employer() -> None:
    found = _found("Walter Prenn's David Hollis said he expected the shares to rise.")
    assert "David Hollis" in found
    assert "Walter Prenn" not in found, sorted(found)


def test_a_titled_possessive_stays_a_person() -> None:
    found = _found("Few have read Lord Wexbury's Childe Marten, a long poem, said the critic Ann Lowe.")
    assert "Wexbury" in found, sorted(found)


def test_a_company_suffix_in_capitals_ends_no_person() -> None:
    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.find import _vetoed
    from reader.analysis.people.tokens import runs_in

    (run,) = runs_in("Sigvard Lund Maskinteknik AB", 0, 0)
    assert _vetoed(run.toks, True, lexicon())  # even when the rules pass it
    (run,) = runs_in("Sigvard Lund Maskinteknik", 0, 0)
    assert not _vetoed(run.toks, True, lexicon())


def test_a_month_and_a_number_word_are_a_date() -> None:
    found = _found("Its board voted a share split payable July One, to holders of record on June 2.")
    assert not found, sorted(found)


def test_a_plural_role_ends_no_name() -> None:
    found = _found("The notes are rated A by S and P. Co-managers are Darrow Fenn and others.")
    assert not any("managers" in n for n in found), sorted(found)


def test_a_lower_case_noun_before_one_word_does_not_list_it() -> None:
    text = ("The carrier has struggled to fend off pressure from rival Skyvolt.\n"
            "Skyvolt took to the skies in May.\n"
            "The jeweller said her sister Nancy would run the shop.")
    found = _found(text)
    assert "Skyvolt" not in found or not found["Skyvolt"].listed
    assert found["Nancy"].listed


def test_a_role_in_capitals_does_not_list_one_word() -> None:
    found = _found("Barges waiting: Kestrel Grain 1 4, ADM Norwake 2 0, Bolt Grain 1 1.")
    assert "Norwake" not in found or not found["Norwake"].listed


def test_small_title_words_make_a_title_not_a_name() -> None:
    found = _found("The comedy Harold and Vikram Lose The Plot opened outside the top ten, the studio said.")
    assert not any("Plot" in n for n in found), sorted(found)


def test_a_work_or_vessel_noun_before_a_name_makes_it_the_things() -> None:
    text = ("The critics praised the film Mona Arden, and the tanker Hilda Varne sailed on Monday.\n"
            "Director Paul Steyn said the film was his best.")
    found = _found(text)
    assert "Paul Steyn" in found
    assert not any("Arden" in n or "Varne" in n for n in found), sorted(found)


def test_a_name_ending_in_a_month_before_a_day_is_a_date() -> None:
    found = _found("Div pay Sept 3. Reg July 21. Chairman Hugo Brandt said the dividend was safe.")
    assert "Hugo Brandt" in found
    assert not any("July" in n for n in found), sorted(found)


def test_foreign_company_words_make_a_firm() -> None:
    found = _found("Lead manager Societe Marchande said the issue was priced at par, Agence Nordique Presse "
                   "reported.")
    assert not found, sorted(found)


def test_a_name_only_after_in_or_at_is_not_listed() -> None:
    text = ("Greece asked for the base at Vela Mirtos, north of the capital, to close.\n"
            "Officials in Vela Mirtos said nothing.\n"
            "Critics aimed at Tomas Rendell, the coach, said Ann Holt.")
    found = _found(text)
    assert "Vela Mirtos" not in found or not found["Vela Mirtos"].listed
    assert found["Tomas Rendell"].listed


def test_a_model_number_is_no_name() -> None:
    found = _found("The airline grounded its Dunmore Kessler DX-20s after the crash, officials said.")
    assert not any("DX" in n for n in found), sorted(found)


def test_a_hyphenated_description_opens_no_name() -> None:
    found = _found("The Oscar-winning Hartwell Brennan said she would return to the stage.")
    assert "Oscar-winning Hartwell Brennan" not in found
    assert "Hartwell Brennan" in found, sorted(found)


def test_a_month_that_is_no_given_name_opens_no_name() -> None:
    found = _found("Shares in January Telvox rose after the results, traders said.")
    assert not found, sorted(found)


def test_an_ordinary_last_word_does_not_list_a_name() -> None:
    text = ("Aid under the Henley Plan reached the region, and a second plan is being drawn up.\n"
            "Critics of the Henley Plan said it came too late.")
    found = _found(text)
    assert "Henley Plan" not in found or not found["Henley Plan"].listed


def test_an_organisation_noun_after_a_name_makes_it_the_organisations() -> None:
    found = _found("Shares of the Kendrick Vale group rose, and flights at Norma Whitby airport were cut, "
                   "said Ann Holt.")
    assert "Ann Holt" in found
    assert not any("Vale" in n or "Whitby" in n for n in found), sorted(found)


def test_the_brothers_after_a_name_are_people() -> None:
    found = _found("Director Paul Steyn said the Marlowe brothers, Tom Marlowe and Sam Marlowe, "
                   "would write the music.")
    assert {"Tom Marlowe", "Sam Marlowe"} <= set(found), sorted(found)


def test_a_name_of_a_place_and_a_firm_word_is_the_firm() -> None:
    found = _found('"It is early," said Pellow Brockwood of Canada Ltd economist Ann Sorel in Toronto.')
    assert "Ann Sorel" in found
    assert "Pellow Brockwood" not in found, sorted(found)
    found = _found('"It is late," said Albert Quint of Swiss Bank Corp on Monday.')
    assert "Albert Quint" in found, sorted(found)


def test_a_person_before_a_comma_is_no_role() -> None:
    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.judge import _role_text

    before = "orders grew, Robert Bishop, "
    assert _role_text(before, [], before, False, lexicon()) == (None, False)
    before = "orders grew, said Foreign Minister, "
    assert _role_text(before, [], before, False, lexicon())[0] == "Foreign Minister"


def test_a_name_after_a_person_of_a_noun_is_the_employer() -> None:
    found = _found('"Rates may fall," said Peter Quaid, of brokers Simon Hatchard, on Monday.')
    assert "Peter Quaid" in found
    assert "Simon Hatchard" not in found, sorted(found)


def test_partners_before_a_comma_and_co_are_the_firm() -> None:
    text = ("The issue was priced at par, said Dunmore Gerald, Harris Upham and Co Inc, the lead manager.\n"
            "Dunmore Gerald said demand was strong.")
    found = _found(text)
    assert "Dunmore Gerald" not in found, sorted(found)


def test_a_country_in_its_own_language_ends_no_name() -> None:
    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.find import _vetoed
    from reader.analysis.people.tokens import runs_in

    (run,) = runs_in("Kredietvest Nederland", 0, 0)
    assert _vetoed(run.toks, True, lexicon())


def test_a_pair_of_countries_opens_no_name() -> None:
    found = _found("Trade rose by a tenth, the Dutch-German Chamber of Commerce said on Monday.")
    assert not found, sorted(found)


def test_a_possessive_after_in_keeps_the_person_listed() -> None:
    found = _found("He had a part in Brendan Colquist's last film before he retired.")
    assert found["Brendan Colquist"].listed


def test_a_nickname_in_quotes_joins_the_given_name_and_the_surname() -> None:
    text = ('Walter Emmett "Dusty" Harrow (born 1921) was a Canadian hockey winger.\n'
            "Harrow played nine seasons for the club.")
    found = _found(text)
    assert 'Walter Emmett "Dusty" Harrow' in found, sorted(found)
    assert len(found['Walter Emmett "Dusty" Harrow'].mentions) == 2


def test_a_name_ending_in_a_word_the_text_writes_in_lower_case_is_no_person() -> None:
    text = ("The team trained at the Hollis Morgan Playfield before the new playfield opened.\n"
            "Coach Dan Pryor said the move helped.")
    found = _found(text)
    assert "Dan Pryor" in found
    assert not any("Playfield" in n for n in found), sorted(found)


def test_a_nickname_after_one_plain_word_makes_a_name() -> None:
    found = _found('The member since 2009 has been Gareth "Sonny" Pelham of the Liberal Party.')
    assert 'Gareth "Sonny" Pelham' in found, sorted(found)


def test_a_firm_word_after_the_name_in_its_run_makes_it_a_firm() -> None:
    from reader.analysis.lexicon import lexicon
    from reader.analysis.people.find import _firm_after
    from reader.analysis.people.tokens import runs_in

    (run,) = runs_in("Tom Hale Foundation", 0, 0)
    hale = run.toks[1].end
    assert _firm_after(run, hale, lexicon())  # "Tom Hale" names the foundation
    (run,) = runs_in("Foundation Director Tom Hale", 0, 0)
    assert not _firm_after(run, run.toks[-1].end, lexicon())  # the firm word stands before him
