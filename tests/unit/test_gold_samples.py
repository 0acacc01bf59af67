"""Today's analysis of five sample articles against hand-made gold annotations (tests/gold/).

One test case per checked item: the title; each gold block's shown/hidden state; the person set;
each person's mention count; each name that is not a person; each quote's presence and its speaker.
A case that today's analysis gets wrong is listed, with the issue that fixes it, in the
``known_wrong`` section of its gold file and runs as a strict xfail: when a fix makes it right the
case fails with XPASS, and the fixer removes the entry. tests/gold/README.md gives the format.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader import Article, analyse_file
from tests.conftest import ROOT, SAMPLES

GOLD_DIR = ROOT / "tests" / "gold"
CHECKS = ("title", "block", "people", "mentions", "not_person", "quote", "speaker")
# The scorer's span tolerance (../shared/eval/score_quotes.py): ends move inwards past these.
QUOTE_MARKS = "\"“”„«»'‘’‹›"
INNER_PUNCT = ",.;:"


@dataclass(frozen=True)
class Case:
    sample: str  # path under sample_articles/
    check: str  # one of CHECKS
    item: str  # what is checked: block text, quote text, person name; "" for title and people
    gold: dict[str, Any]  # the gold entry (or the whole file for title and people)


def _gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _cases(gold: dict[str, Any]) -> list[Case]:
    s = gold["sample"]
    cases = [Case(s, "title", "", gold)]
    cases += [Case(s, "block", b["text"], b) for b in gold["blocks"]]
    cases.append(Case(s, "people", "", gold))
    cases += [Case(s, "mentions", p["name"], p) for p in gold["people"]]
    cases += [Case(s, "not_person", name, {"name": name}) for name in gold.get("not_people", [])]
    for q in gold["quotes"]:
        cases += [Case(s, "quote", q["text"], q), Case(s, "speaker", q["text"], q)]
    return cases


def _entry_hits(entry: dict[str, Any], cases: list[Case]) -> list[int]:
    """The cases a known_wrong entry names: by check, and by the item's full text or else its start."""
    same = [i for i, c in enumerate(cases) if c.check == entry["check"]]
    item = entry.get("item", "")
    exact = [i for i in same if cases[i].item == item]
    return exact or [i for i in same if cases[i].item.startswith(item)]


def _known_wrong(gold: dict[str, Any], cases: list[Case]) -> dict[int, dict[str, Any]]:
    """Case index -> its known_wrong entry, for the entries that name exactly one case."""
    marked: dict[int, dict[str, Any]] = {}
    for entry in gold.get("known_wrong", []):
        hits = _entry_hits(entry, cases)
        if len(hits) == 1:
            marked[hits[0]] = entry
    return marked


def _case_id(case: Case) -> str:
    item = re.sub(r"\s+", " ", case.item).strip()
    item = item if len(item) <= 40 else item[:39] + "…"
    return f"{Path(case.sample).stem}:{case.check}" + (f":{item}" if item else "")


def _params() -> list[Any]:
    params = []
    for path in _gold_files():
        gold = _load(path)
        cases = _cases(gold)
        known = _known_wrong(gold, cases)
        for i, case in enumerate(cases):
            entry = known.get(i)
            marks = []
            if entry is not None:
                reason = (f"issue {entry['issue']}: {entry['why']} (once this passes, delete its entry"
                          f" from known_wrong in tests/gold/{path.name})")
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(pytest.param(case, marks=marks, id=_case_id(case)))
    return params


@functools.cache
def _article(sample: str) -> Article:
    return analyse_file(str(SAMPLES / sample))


def _locate(source: str, text: str, occurrence: int | None) -> tuple[int, int] | None:
    """The span of the gold text in the source: its only occurrence, or the one the gold names."""
    starts = [m.start() for m in re.finditer(re.escape(text), source)]
    if occurrence is None:
        assert len(starts) <= 1, f"gold text occurs {len(starts)} times; give an occurrence: {text!r}"
        occurrence = 0
    if occurrence >= len(starts):
        return None
    return starts[occurrence], starts[occurrence] + len(text)


def _exact(sample: str) -> bool:
    """Spans point into the file itself (.txt, .md), so every gold text must be found there."""
    return Path(sample).suffix in {".txt", ".md"}


def _block_state(art: Article, case: Case) -> str:
    span = _locate(art.source, case.item, case.gold.get("occurrence"))
    if span is None:
        assert not _exact(case.sample), f"gold block text not in the source: {case.item!r}"
        return "hidden"  # an HTML piece the extraction dropped is not shown
    shown = [False] * (span[1] - span[0])
    for b in art.blocks:
        if not b.hidden:
            for i in range(max(b.span.start, span[0]), min(b.span.end, span[1])):
                shown[i - span[0]] = True
    # Only letters and digits count: Markdown marks ("# ", "**") may lie outside the block.
    visible = [shown[i] for i, ch in enumerate(case.item) if ch.isalnum()]
    if all(visible):
        return "shown"
    return "hidden" if not any(visible) else "partly shown"


def _normalise(source: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends inwards past whitespace, quotation marks and , . ; : just inside a mark."""
    while start < end and (source[start].isspace() or source[start] in QUOTE_MARKS):
        start += 1
    while start < end and (source[end - 1].isspace() or source[end - 1] in QUOTE_MARKS + INNER_PUNCT):
        end -= 1
    return start, end


def _matching_quote(art: Article, case: Case) -> tuple[Any, str]:
    """The reported quote that covers the gold quote (overlap >= 0.8 each way, as the scorer)."""
    span = _locate(art.source, case.item, case.gold.get("occurrence"))
    if span is None:
        assert not _exact(case.sample), f"gold quote not in the source: {case.item!r}"
        return None, "the gold quote is not in the extracted text"
    g0, g1 = _normalise(art.source, *span)
    best, best_overlap = None, 0.0
    for q in art.quotes:
        p0, p1 = _normalise(art.source, q.span.start, q.span.end)
        inter = max(0, min(g1, p1) - max(g0, p0))
        overlap = inter / max(g1 - g0, p1 - p0, 1)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    if best is not None and best_overlap >= 0.8:
        return best, ""
    near = f"; nearest reported quote ({best_overlap:.0%}): {best.text!r}" if best is not None else ""
    return None, f"no reported quote covers it{near}"


def _name_in(a: str, b: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(a.casefold())}(?!\w)", b.casefold()) is not None


@pytest.mark.parametrize("case", _params())
def test_gold(case: Case) -> None:
    art = _article(case.sample)
    gold = case.gold
    people = {p.name: p for p in art.people}
    if case.check == "title":
        assert art.title == gold["title"]
    elif case.check == "block":
        expected = "hidden" if gold["hidden"] else "shown"
        assert _block_state(art, case) == expected, f"{gold['kind']} block should be {expected}"
    elif case.check == "people":
        want = {p["name"] for p in gold["people"]}
        got = set(people)
        assert got == want, f"missing {sorted(want - got)}, not in the gold {sorted(got - want)}"
    elif case.check == "mentions":
        person = people.get(case.item)
        assert person is not None, f"{case.item} not reported (people: {sorted(people)})"
        got_forms = [m.text for m in person.mentions]
        assert len(got_forms) == len(gold["mentions"]), f"reported {got_forms}, gold {gold['mentions']}"
    elif case.check == "not_person":
        wrong = [n for n in people if _name_in(case.item, n) or _name_in(n, case.item)]
        assert not wrong, f"{case.item!r} is not a person, reported as {wrong}"
    else:
        quote, why = _matching_quote(art, case)
        assert quote is not None, why
        if case.check == "speaker":
            speaker = None if quote.speaker_is_org else quote.speaker
            assert speaker == gold["speaker"]


# The gold files themselves: well formed, found in their samples, every known_wrong entry in use.


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = _load(path)
    sample = SAMPLES / gold["sample"]
    assert sample.is_file(), gold["sample"]
    assert path.stem == sample.stem
    raw = sample.read_text(encoding="utf-8")
    names = [p["name"] for p in gold["people"]]
    assert len(names) == len(set(names))
    for p in gold["people"]:
        assert p["mentions"], p["name"]
        for form in p["mentions"]:
            assert form in raw, f"{p['name']}: mention {form!r} not in the sample"
    for b in gold["blocks"]:
        assert isinstance(b["hidden"], bool) and b["kind"], b
    for q in gold["quotes"]:
        assert q["speaker"] is None or q["speaker"] in names, q
    if _exact(gold["sample"]):
        for entry in [*gold["blocks"], *gold["quotes"]]:
            assert _locate(raw, entry["text"], entry.get("occurrence")) is not None, entry["text"]
    cases = _cases(gold)
    named: list[int] = []
    for entry in gold.get("known_wrong", []):
        assert entry["check"] in CHECKS, entry
        assert isinstance(entry["issue"], int) and entry["why"], entry
        hits = _entry_hits(entry, cases)
        assert len(hits) == 1, f"known_wrong entry names {len(hits)} cases: {entry}"
        named += hits
    assert len(named) == len(set(named)), "two known_wrong entries name the same case"


def test_five_samples_are_annotated() -> None:
    folders = {Path(_load(p)["sample"]).parts[0] for p in _gold_files()}
    assert {"longreads", "interviews", "clips", "pages", "international"} <= folders
