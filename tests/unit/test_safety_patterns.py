"""A page is untrusted input: shapes that made a pattern retry at every place of a long run, or
split a run many ways, must not freeze the analysis (a quadratic or cubic pattern turns a page
of a few hundred kilobytes into minutes of CPU).  Each case is analysed under an alarm far above
what it needs (milliseconds); the old patterns needed many minutes for these sizes."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from reader import analysis
from reader.ingest import load_bytes

LIMIT = 30  # seconds: a hang guard, not a speed figure

CASES = {
    # a quoted run of capitals: the speaker-label pattern split it between its groups
    "capitals in a quote": ("x.txt", "text", 'Headline\n\n"' + "A" * 6000 + '" he added.\n'),
    # many quoted words and single marks in one paragraph: telling the quoting style looks up
    # each single mark among the double quotes
    "quotes and single marks": ("x.txt", "text", "Headline\n\n" + '"a" ' * 30000 + " 'b" * 30000 + "\n"),
    # a first line cut by many separators: the headline's parts had their words recounted for
    # every range tried
    "separators in a page title": ("x.txt", "text", "Story" + " - w" * 75_000 + "\n\nText of it.\n"),
    # a first line with a long run of spaces: the title separator pattern retried at each space
    "spaces in a page title": ("x.txt", "text", "Headline" + " " * 300_000 + "x - Site\n\nText of it.\n"),
    "spaces in an HTML title": ("x.html", "html", "<html><head><title>Story" + " " * 300_000
                                + "x | Site</title></head><body><p>The text of the story.</p></body></html>"),
}


class _Hang(Exception):
    pass


@pytest.fixture
def alarm() -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise _Hang

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_runs_do_not_freeze_the_analysis(name: str, alarm: None) -> None:
    path, fmt, src = CASES[name]
    result = analysis.analyse(load_bytes(path, src.encode("utf-8"), fmt))
    assert result.blocks
