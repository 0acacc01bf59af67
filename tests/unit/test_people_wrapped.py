"""People in a hard-wrapped text (a mail, a terminal dump): a name broken over a line is one name."""

from __future__ import annotations

import textwrap

from reader import analysis
from reader.ingest import load_bytes

PARAS = [
    "The harbour board met on Monday to decide the future of the old ferry pier, which has been "
    "closed since the storms of last winter left a hole in its deck, and its chair, Margaret "
    "Okonkwo, said the board would publish the engineers' report before the end of the month.",
    "Local traders have asked for the pier to reopen before the summer, when most of the "
    "visitors to the town arrive by boat from the islands, and the council's planning officer "
    "Thomas Brennan said a temporary landing stage could be built within six weeks.",
]


def people_of(text: str) -> set[str]:
    res = analysis.analyse(load_bytes("x.txt", text.encode("utf-8"), "text"))
    return {p.name for p in res.people}


def test_names_broken_over_a_line_are_found_whole() -> None:
    flat = "Pier to reopen\n\n" + "\n\n".join(PARAS) + "\n"
    for width in (60, 72, 78):
        wrapped = "Pier to reopen\n\n" + "\n\n".join(textwrap.fill(p, width) for p in PARAS) + "\n"
        assert people_of(wrapped) == people_of(flat) == {"Margaret Okonkwo", "Thomas Brennan"}
