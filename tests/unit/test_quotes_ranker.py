"""The learned speaker ranker and the speaker patterns of issue 14, on hand-written texts."""

from __future__ import annotations

import gzip
import json
import re

from reader.analysis.quotes import find_quotes, ranker
from reader.analysis.quotes.ranker import Slot, candidates, choose
from reader.model import Block, BlockKind, Mention, Person, Span


def _blocks(text: str) -> list[Block]:
    return [Block(BlockKind.BODY, Span(m.start(), m.end()), m.group()) for m in re.finditer(r"[^\n]+", text)]


def _people(text: str, *names: str) -> list[Person]:
    out = []
    for name in names:
        pat = re.escape(name) + "|" + re.escape(name.split()[-1])
        ms = tuple(Mention(Span(m.start(), m.end()), m.group()) for m in re.finditer(pat, text))
        if ms:
            out.append(Person(name, ms))
    return out


def _speakers(text: str, *names: str) -> list[tuple[str, str | None]]:
    quotes = find_quotes(text, _blocks(text), _people(text, *names))
    return [(q.text.strip('"“”'), q.speaker) for q in quotes]


def test_weights_are_keyed_by_features_not_names() -> None:
    with gzip.open(ranker.MODEL, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["scale"] > 0 and len(data["weights"]) > 100
    for key in data["weights"]:
        # a capitalised word never ships: context words are lower-case or a class such as <cap>
        assert not re.search(r"[A-Z]", key.replace("<cap>", "")), key


def test_candidates_skip_places_and_names_inside_quotes() -> None:
    text = 'Officials in Ohio met Ann Kim. "Ask Bo Lind about it," she said.'
    b = _blocks(text)
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    mentions = [
        (text.index("Ohio"), text.index("Ohio") + 4, "Ohio"),
        (text.index("Ann Kim"), text.index("Ann Kim") + 7, "Ann Kim"),
        (text.index("Bo Lind"), text.index("Bo Lind") + 7, "Bo Lind"),
    ]
    slot = Slot(q0, q1, 0, text.index("Ask") - 1, len(text), "pronoun", None)
    (cands,) = candidates(text, b, [slot], mentions, [(q0, q1)], set())
    assert [name for name, _ in cands] == ["Ann Kim"]


def test_choose_keeps_the_pick_of_a_kept_rule_and_on_a_tie() -> None:
    slot = Slot(0, 5, 0, 0, 5, "name", "Ann Kim")
    cands = [("Ann Kim", ["x"]), ("Bo Lind", ["y"])]
    assert choose({"y": 5.0}, slot, cands) == "Ann Kim"  # "name" is in KEEP
    other = slot._replace(how="carried")
    assert choose({"y": 5.0}, other, cands) == "Bo Lind"
    assert choose({}, other, cands) == "Ann Kim"


def test_place_is_never_the_speaker() -> None:
    text = 'Lena Berg chairs the board.\n"The roads are closed," officials in Tulsa, Oklahoma, said.'
    assert _speakers(text, "Lena Berg", "Oklahoma")[0][1] in (None, "officials")


def test_reporter_after_a_place_speaks() -> None:
    text = 'In Ohio, the reporter Ann Kim wrote that the plant "will close by spring, for good."'
    assert _speakers(text, "Ann Kim")[0][1] == "Ann Kim"


def test_spokeswoman_not_her_principal() -> None:
    text = '"We expect to win the state," Smith campaign spokeswoman Ana Ruiz said.'
    assert _speakers(text, "Ana Ruiz", "Smith")[0][1] == "Ana Ruiz"


def test_long_description_between_name_and_said() -> None:
    text = '"Rates will stay high," Lee Chen, head of research in Sydney at Some Bank Ltd., said.'
    assert _speakers(text, "Lee Chen")[0][1] == "Lee Chen"


def test_new_speaker_with_a_participle_ends_the_carry_over() -> None:
    text = (
        '"We start on Monday," Jo Lane said.\n'
        'Tom Park, noting the delay in the permits, added: "We will wait for the city."'
    )
    assert _speakers(text, "Jo Lane", "Tom Park")[1] == ("We will wait for the city.", "Tom Park")


def test_reporting_verb_outside_the_list() -> None:
    text = 'Nobody expected the result.\n"It was a long night for all of us," Ann Kim gushed.'
    assert _speakers(text, "Ann Kim")[0][1] == "Ann Kim"


def test_title_of_a_work_and_scare_quote_are_dropped() -> None:
    text = 'Ann Kim read "The Long Road Home" twice and called the plan a mess.\nThe "reform" stalled.'
    assert _speakers(text, "Ann Kim") == []


def test_headline_verb_glued_to_the_name_is_cut() -> None:
    from reader.analysis.quotes.attribution import Attr
    from reader.analysis.quotes.resolve import Resolver

    text = "Jane Doe Slams the plan."
    res = Resolver(text, [])
    assert res.name(Attr("name", "Jane Doe Slams", 0), 0) == "Jane Doe"
    assert res.name(Attr("name", "Ann Says", 0), 0) == "Ann"
    assert res.name(Attr("name", "Bo Lind", 0), 0) == "Bo Lind"
    assert res.name(Attr("name", "Bill Press", 0), 0) == "Bill Press"  # a surname, not a verb
