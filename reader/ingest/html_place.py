"""Where each segment of an HTML page's text sits in the page's structure.

Each segment's key (its text without the characters keys leave out) is looked for in the key
stream of :class:`reader.ingest.html_structure.PageStructure`, forward from the last segment
found (the page's order), else anywhere.  A segment found becomes its :class:`Piece` values: the
source range of each annotated stretch, with the images and rules standing before or between
its leaves as empty pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reader.ingest import Segment
from reader.ingest.html_structure import NON_KEY, Ann, PageStructure

__all__ = ["Piece", "Placed", "place"]

_SPLIT = re.compile(f"({NON_KEY.pattern})")
#: Most stream characters searched for segments out of page order, over a whole page.
SEARCH_BUDGET = 50_000_000
#: A segment found this few key characters after the last one is in page order ...
NEAR = 2000
#: ... and so is one farther on, when its key is at least this long (a shorter one found far
#: away, a label or a number, more likely repeats a later one than comes next).
MIN_JUMP = 20


@dataclass(slots=True)
class Piece:
    """Source range ``[start, end)`` of one annotated stretch of a segment."""

    start: int
    end: int
    ann: Ann


Placed = list[Piece] | None


def place(source: str, segs: list[Segment], page: PageStructure) -> list[Placed]:
    """The pieces of each segment, None for one the page does not hold as such."""
    placer = _Placer(source, page)
    return [placer.one(seg) for seg in segs]


class _Placer:
    """Finds each segment's key in the page stream: forward from the last one, else anywhere."""

    def __init__(self, source: str, page: PageStructure) -> None:
        self.source = source
        self.page = page
        self.cursor = 0
        self.budget = SEARCH_BUDGET
        self.markers = 0  # next image or rule to place

    def one(self, seg: Segment) -> Placed:
        page = self.page
        text = self.source[seg.start:seg.end]
        key = NON_KEY.sub("", text)
        if not key:
            return None
        stream = page.key
        cursor = self.cursor
        at = stream.find(key, cursor, cursor + len(key) + NEAR)
        forward = at >= 0  # in page order: the cursor moves on
        if not forward and self.budget > 0:
            # farther on; a short text found far away (a label, a number) leaves the cursor
            at = stream.find(key, cursor)
            self.budget -= (at if at >= 0 else len(stream)) - cursor
            forward = at >= 0 and len(key) >= MIN_JUMP
        if at < 0 and self.budget > 0:
            at = stream.find(key, 0, cursor + len(key))
            self.budget -= cursor
        if at < 0:
            return None
        pos = _Offsets(text, seg.start)
        pieces: list[Piece] = []
        end = at + len(key)
        if forward:
            self._markers(pieces, self.cursor, at, pos[0])
        k = bisect_right(page.starts, at) - 1
        while k < len(page.starts) and page.starts[k] < end:
            a = max(page.starts[k], at)
            b = min(page.starts[k + 1] if k + 1 < len(page.starts) else end, end)
            if forward:
                if pieces and pieces[-1].ann.leaf == page.anns[k].leaf:
                    self._markers(None, a, a, 0)  # inside a leaf's text: not shown apart
                else:
                    self._markers(pieces, a, a, pos[a - at])
            pieces.append(Piece(pos[a - at], pos[b - 1 - at] + 1, page.anns[k]))
            k += 1
        if forward:
            self.cursor = end
        return pieces

    def _markers(self, pieces: list[Piece] | None, low: int, high: int, offset: int) -> None:
        """Empty pieces (none when ``pieces`` is None) for the images and rules at stream
        indices in ``[low, high]``."""
        markers = self.page.markers
        while self.markers < len(markers) and markers[self.markers][0] < low:
            self.markers += 1
        while self.markers < len(markers) and markers[self.markers][0] <= high:
            if pieces is not None:
                pieces.append(Piece(offset, offset, Ann(markers[self.markers][1])))
            self.markers += 1


class _Offsets:
    """The source offset of each key character of a segment's text, from its gaps (the runs of
    characters a key leaves out: one per word, not one per character)."""

    __slots__ = ("at", "before", "start")

    def __init__(self, text: str, start: int) -> None:
        self.start = start
        parts = _SPLIT.split(text)  # key runs and gaps, alternately (C speed, not per character)
        #: key index of the character after each gap, and the gap characters before it
        self.at = list(accumulate(map(len, parts[0:-1:2])))
        self.before = [0, *accumulate(map(len, parts[1::2]))]

    def __getitem__(self, i: int) -> int:
        return self.start + i + self.before[bisect_right(self.at, i)]
