"""Boilerplate detection for plain-text dumps: which lines are article, which are page furniture.

First version: phrase cues for appeals, sign-ups and links; a title near the top;
captions by credit patterns.  Returns (start, end, kind, reason) per non-blank line.
"""

from __future__ import annotations

import re

from reader.model import BlockKind

_CUES = [
    (re.compile(r"\b(support (us|the|our)|donat|contribut|dear readers|message from|remind me later|"
                r"not ready to support)", re.I), "donation appeal"),
    (re.compile(r"\b(newsletter|sign up|subscribe|subscribers|privacy policy|mailbox)", re.I), "newsletter"),
    (re.compile(r"^(read more|related|advertisement|share|tweet|comments?)\b", re.I), "link"),
    (re.compile(r"(©|all rights reserved|cookie)", re.I), "legal"),
]
_CREDIT = re.compile(r"(/\s*[A-Z][A-Za-z]+\s*$|\b(photo|image)( copyright)?\b|\bcredit\b)", re.I)

Line = tuple[int, int, BlockKind, str]


def classify_lines(source: str, start: int = 0, markdown: bool = False) -> list[Line]:
    lines: list[tuple[int, int]] = []
    pos = start
    for raw in source[start:].split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if stripped:
            ls = s + (len(raw) - len(raw.lstrip()))
            lines.append((ls, ls + len(stripped)))
    out: list[Line] = []
    title_done = False
    for i, (s, e) in enumerate(lines):
        text = source[s:e]
        kind, reason = BlockKind.BODY, ""
        for rx, why in _CUES:
            if rx.search(text):
                kind, reason = BlockKind.BOILERPLATE, why
                break
        if (kind is BlockKind.BODY and len(text.split()) <= 3 and not text.endswith((".", "!", "?", '"'))
                and out and out[-1][2] is BlockKind.BOILERPLATE):
            kind, reason = BlockKind.BOILERPLATE, out[-1][3]
        if kind is BlockKind.BODY and not title_done and i < 4 and len(text) < 200 and not text.endswith("."):
            kind, title_done = BlockKind.TITLE, True
        elif kind is BlockKind.BODY and title_done and len(text) < 150 and _CREDIT.search(text) and i < 6:
            kind = BlockKind.CAPTION
        if markdown and kind is BlockKind.BODY and text.startswith("#"):
            kind = BlockKind.HEADING
        out.append((s, e, kind, reason))
    return out
