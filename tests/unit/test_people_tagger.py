"""The learned person tagger (reader.analysis.people.tagger) on small made-up texts."""

from __future__ import annotations

from reader.analysis.people import find_people
from reader.analysis.people.tagger import MODEL, TAGS, decode, model, spans_of
from reader.model import Block, BlockKind, Span


def _people(text: str) -> dict[str, list[str]]:
    """People found when every non-empty line of ``text`` is a body block."""
    blocks = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(BlockKind.BODY, Span(pos, pos + len(line)), line))
        pos += len(line) + 1
    return {p.name: [m.text for m in p.mentions] for p in find_people(text, blocks)}


def test_the_shipped_weights_load_and_decode() -> None:
    assert MODEL.is_file()
    weights = model()
    assert len(weights) > 1000 and all(len(v) == len(TAGS) for v in list(weights.values())[:50])
    tags = decode(weights, [["b", "w=zz", "sh=Xx"], ["b", "w=yy", "sh=Xx"]])
    assert len(tags) == 2 and all(0 <= t < len(TAGS) for t in tags)


def test_spans_of_bio_tags() -> None:
    assert spans_of([0, 1, 2, 0, 0, 1]) == [(0, 2), (3, 4), (4, 6)]
    assert spans_of([2, 2]) == []


def test_names_in_a_score_line() -> None:
    text = "Bowling: R. Patel 3-41, M. Okafor 2-30\nKestrel 214 (D. Marlowe 67, P. Osei 41)"
    got = _people(text)
    assert {"R. Patel", "M. Okafor", "D. Marlowe", "P. Osei"} <= set(got)
    assert "Kestrel" not in got


def test_names_in_an_all_caps_headline() -> None:
    text = ("TENNIS - KOVALENKO BEATS MARSH IN OPENER\nNEW YORK 1996-08-22\n"
            "Second seed Irina Kovalenko beat Elise Marsh 6-3 6-2 on Monday.")
    got = _people(text)
    assert got == {"Irina Kovalenko": ["KOVALENKO", "Irina Kovalenko"],
                   "Elise Marsh": ["MARSH", "Elise Marsh"]}


def test_clubs_and_countries_are_not_people() -> None:
    text = ("Glenrock Rovers 2 Ashford City 1\nBrenton United 0 Calder Athletic 3\n"
            "Canada beat Brazil 2-1 in Toronto on Sunday. Canada coach Ian Rusk was pleased.")
    assert _people(text) == {"Ian Rusk": ["Ian Rusk"]}


def test_roles_and_demonyms_are_not_part_of_the_name() -> None:
    text = "Texan Mary Cole met Left-winger Tom Hale in Leeds, and Coach Ian Rusk watched."
    got = {p.name: p.role for p in find_people(text, [Block(BlockKind.BODY, Span(0, len(text)), text)])}
    assert set(got) == {"Mary Cole", "Tom Hale", "Ian Rusk"}
    assert got["Ian Rusk"] == "Coach"


def test_a_hyphenated_pair_of_countries_is_no_person() -> None:
    from reader.analysis import analyse
    from reader.ingest import load_bytes

    text = ("Envoys Say US-China Ties Are Thawing\n\nThe envoy Marta Kowalska said on Monday that "
            "Japan-Korea talks and UK-France trade would follow. Kowalska spoke in Geneva.\n")
    names = {p.name for p in analyse(load_bytes("t.txt", text.encode(), "text")).people}
    assert "Marta Kowalska" in names
    assert not names & {"US-China", "Japan-Korea", "UK-France"}
