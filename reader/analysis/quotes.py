"""Quotes: direct quotations in the shown blocks and who said them.

Spans come from :mod:`quotes_marks` (context-paired straight, curly and mixed
marks; a speech running over paragraphs gives one quote per paragraph).
Speakers come from :mod:`quotes_speaker`, in this order:

1. an explicit reporting clause in the quote's sentence ("X said", "said X",
   "X, a doctor, said", "according to X", "X told Reuters", "Cruz called Trump
   a "liar"" = Cruz); a pronoun ("he said") is the last person who spoke, else
   the last person mentioned; a nominal or an organisation ("the ministry said",
   "Reuters reported", "officials said") gives None and stops the search;
2. a transcript label at the start of the quote ("PENCE: ...");
3. for quotes that are not scare quotes: the previous speaker in the same
   paragraph, a later explicit speaker in the same paragraph, or the speaker of
   the previous paragraph's quotes (a speech carried on).

Scare quotes (one to three words with no sentence punctuation, e.g. the
"deal") are kept as quotes but get a speaker only from an explicit clause.
Short Title-Case quotes with no reporting clause ("Morning Joe", a show or a
book) are names of works, not speech, and are dropped.  A quote in the title
gets the person the title names, else the article's most-quoted person.

Names are mapped to the people list (a mention under the phrase, else the
surname); a name not in the list is returned as parsed, titles removed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from reader.analysis.quotes_marks import opens_with_mark, pair_marks
from reader.analysis.quotes_speaker import (
    MASK,
    TIME_WORDS,
    TITLES,
    Attr,
    left_attr,
    right_attr,
    sentence_subject,
    word_set,
)
from reader.model import Block, BlockKind, Person, Quote, Span

_ABBR = word_set(
    "mr mrs ms dr sen rep gov gen lt col sgt st jr sr prof rev inc co corp no vs capt adm del cmdr supt det "
    "insp hon pres atty mt ft maj messrs"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[A-Z\"“‘(\x01])")
_ORG = word_set(
    "ministry department committee party agency office council commission court post times news press "
    "journal network university institute foundation association union campaign company corp inc "
    "group bank fund government administration service police army kremlin house senate congress "
    "parliament tribune herald guardian telegraph magazine daily weekly radio television tv channel "
    "center centre organization organisation board bureau authority authorities federation league "
    "club team staff officials ministers embassy council coalition alliance republicans democrats "
    "statement report"
)
_MEDIA = frozenset(
    ["reuters", "bloomberg", "xinhua", "interfax", "tass", "afp", "ap", "ria", "politico", "axios"]
)
_LABEL = re.compile(r"\s*((?:[A-Z][A-Z.'’-]+ ?){1,3}|(?:[A-Z][a-z'’-]+ ?){1,3}):\s")
_WORK_INTRO = word_set(
    "on in at of from to with for titled entitled named watching book show film movie program programme "
    "song album series magazine newspaper column article episode"
)
_WINDOW = 400
_CLAUSE_END = frozenset(",.!?—–-…;:")


class _People:
    """Mentions in source order and a surname index over the people list."""

    def __init__(self, people: Sequence[Person]) -> None:
        ms = sorted((m.span.start, m.span.end, p.name) for p in people for m in p.mentions)
        self.starts = [m[0] for m in ms]
        self.ms = ms
        self.names = {p.name for p in people}
        self.by_name: dict[str, list[int]] = {}
        for s, _, name in ms:
            self.by_name.setdefault(name, []).append(s)
        self.by_key: dict[str, list[str]] = {}
        self.by_word: dict[str, list[str]] = {}
        for p in people:
            words = [_key(w) for w in p.name.split()]
            words = [w for w in words if w and w not in TITLES]
            if words:
                self.by_key.setdefault(words[-1], []).append(p.name)
                for w in words:
                    self.by_word.setdefault(w, []).append(p.name)

    def last_before(self, pos: int, names: Sequence[str] | None = None) -> str | None:
        if names is None:
            i = bisect.bisect_left(self.starts, pos) - 1
            return self.ms[i][2] if i >= 0 else None
        best, at = None, -1
        for name in names:
            starts = self.by_name[name]
            i = bisect.bisect_left(starts, pos) - 1
            if i >= 0 and starts[i] > at:
                best, at = name, starts[i]
        return best

    def covering(self, start: int, end: int) -> str | None:
        i = bisect.bisect_right(self.starts, end) - 1
        best = None
        while i >= 0 and self.ms[i][1] > start - 60:
            s, e, name = self.ms[i]
            if s < end and e > start:
                best = best or name
            i -= 1
        return best


def _key(word: str) -> str:
    w = word.strip(",.;:!?\"“”'‘’()[]").lower()
    return w.removesuffix("’s").removesuffix("'s")


def _clean_name(text: str) -> list[str]:
    words = text.split()
    cut = max((i for i, w in enumerate(words[:-1]) if _key(w) in TITLES), default=-1)
    words = words[cut + 1 :]
    while len(words) > 1 and (_key(words[0]) in TITLES or _key(words[0]) == "the"):
        words.pop(0)
    while words and _key(words[-1]) in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    return words


def _is_org(raw: str, words: list[str]) -> bool:
    keys = [_key(w) for w in words]
    if raw.split()[0].lower() == "the" or any(k in _ORG for k in keys):
        return True
    if all(k in TIME_WORDS for k in keys):
        return True
    if len(keys) == 1:
        w = words[0].strip(".,")
        k = keys[0]
        if k in _MEDIA or (w.isupper() and len(w) <= 5) or k.endswith(("ans", "ats", "ists", "ites")):
            return True
        if any(c.isupper() for c in w[1:]) and not w.isupper() and not _camel_ok(w):
            return True  # CamelCase brands (PolitiFact, YouTube), not McCain-style names
    return False


def _camel_ok(w: str) -> bool:
    return bool(re.match(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le|Van|Von)[A-Z]", w)) or "-" in w


class _Resolver:
    def __init__(self, source: str, people: Sequence[Person]) -> None:
        self.source = source
        self.seen: dict[str, bool] = {}
        self.idx = _People(people)
        self.last: str | None = None

    def name(self, attr: Attr, pos: int) -> str | None:
        words = _clean_name(attr.text)
        if not words:
            return None
        key = _key(words[-1])
        shout = len(words) == 1 and words[0].isupper() and key in self.idx.by_key  # "PENCE:" in a transcript
        if not shout and _is_org(attr.text, words):
            return None  # also when the people list holds it: "the White House said" has no person
        hit = self.idx.covering(attr.start, attr.start + len(attr.text))
        if hit and key in {_key(w) for w in hit.split()}:
            return hit
        cands = self.idx.by_key.get(key) or self.idx.by_word.get(key)
        if cands:
            return self.idx.last_before(pos, cands) or cands[0]
        if len(words) == 1 and self._common(words[0].strip(",.;:")):
            return None  # "Pressure mounted ...": a common word, capitalised as it opens a sentence
        return " ".join(words).strip(",.;:")

    def _common(self, word: str) -> bool:
        low = word.lower()
        if low not in self.seen:
            self.seen[low] = (
                low != word and re.search(r"\b" + re.escape(low) + r"\b", self.source) is not None
            )
        return self.seen[low]

    def attr(self, attr: Attr, pos: int) -> str | None:
        if attr.kind == "name":
            return self.name(attr, pos)
        if attr.kind == "pronoun" and attr.text in ("he", "she"):
            return self.last or self.idx.last_before(pos)
        return None


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    parts = []
    at = 0
    for s, e in spans:
        parts.append(text[at:s])
        parts.append(MASK * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def _block_spans(text: str, continues: bool) -> list[tuple[int, int]]:
    """Quote spans of a block, paired line by line (a block may hold several paragraphs)."""
    if "\n" not in text:
        return pair_marks(text, continues)
    out: list[tuple[int, int]] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for k, (at, line) in enumerate(lines):
        cont = opens_with_mark(lines[k + 1][1]) if k + 1 < len(lines) else continues
        out.extend((at + s, at + e) for s, e in pair_marks(line, cont))
    return out


def _boundaries(masked: str) -> list[int]:
    out = []
    for m in _BOUNDARY.finditer(masked):
        j = m.start()
        k = masked.rfind(" ", 0, j) + 1
        tok = masked[k:j].lower()
        if tok in _ABBR or (len(tok) == 1 and tok.isalpha()) or "." in tok:
            continue
        out.append(m.end())
    if "\n" in masked:  # a line break ends a sentence too
        out = sorted(set(out) | {m.end() for m in re.finditer(r"\n\s*", masked)})
    return out


def _is_scare(inner: str) -> bool:
    return len(inner.split()) <= 3 and inner.rstrip()[-1:] not in (".", "!", "?", ",")


def _is_title(inner: str) -> bool:
    words = [w for w in inner.split() if len(w) > 3 or w[:1].isdigit()]
    return (
        len(inner.split()) <= 6
        and bool(words)
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and inner.rstrip()[-1:] not in (".", "!", "?")
    )


def _after_prep(text: str, s: int) -> bool:
    """True when the word before a quote introduces a name of a work ('on "Face the Nation"')."""
    prev = text[max(0, s - 30) : s].split()
    w = prev[-1].lower() if prev else ""
    return w in _WORK_INTRO or w.endswith(("'s", "’s"))


class _Item(NamedTuple):
    start: int
    end: int
    speaker: str | None
    explicit: bool
    hint: str | None  # the subject of the sentence before, when the quote opens a sentence


def _explicit(res: _Resolver, b: Block, masked: str, bounds: list[int], s: int, e: int) -> _Item:
    """A quote with the speaker its own sentence names (or a transcript label), else no speaker."""
    inner = b.text[s + 1 : e - 1] if e - s > 1 else ""
    k = bisect.bisect_right(bounds, s) - 1
    lo = max(bounds[k] if k >= 0 else 0, s - _WINDOW)  # a bounded look-back keeps the scan linear
    k2 = bisect.bisect_right(bounds, e)
    hi = bounds[k2] if k2 < len(bounds) else len(masked)
    pos = b.span.start + s
    attr = left_attr(masked, lo, s)
    tail = inner.rstrip(" '’\"”")[-1:]
    if attr is None and (
        tail in _CLAUSE_END or masked[e : e + 1] in _CLAUSE_END or not masked[e : e + 300].strip()
    ):
        attr = right_attr(masked, e, min(hi, e + 300))
    if attr is None:
        attr = sentence_subject(masked, lo, s, masked_ok=True)
    speaker: str | None = None
    if attr is not None:
        shifted = Attr(attr.kind, attr.text, attr.start + b.span.start)
        speaker = res.attr(shifted, pos)
        if b.kind is BlockKind.TITLE and attr.kind == "name" and speaker not in res.idx.names:
            attr, speaker = None, None  # in a headline every word is capitalised
    if attr is None:
        lab = _LABEL.match(inner)
        if lab and len(lab.group(1).split()) <= 4:
            speaker = res.name(Attr("name", lab.group(1), pos + 1 + lab.start(1)), pos)
            if speaker is not None:
                return _Item(pos, b.span.start + e, speaker, True, None)
        hint = None
        if not masked[lo:s].strip() and k >= 0:
            plo = max(bounds[k - 1] if k >= 1 else 0, lo - _WINDOW)
            sub = sentence_subject(masked, plo, lo, masked_ok=True)
            if sub is not None:
                hint = res.attr(Attr(sub.kind, sub.text, sub.start + b.span.start), pos)
        return _Item(pos, b.span.start + e, None, False, hint)
    return _Item(pos, b.span.start + e, speaker, True, None)


def find_quotes(source: str, blocks: Sequence[Block], people: Sequence[Person]) -> list[Quote]:
    """Direct quotations in ``blocks`` (the shown blocks), each with its speaker or None."""
    res = _Resolver(source, people)
    found: list[_Item] = []
    titles: set[int] = set()
    prev_speaker: str | None = None
    prev_at = -9
    for bi, b in enumerate(blocks):
        cont = bi + 1 < len(blocks) and opens_with_mark(blocks[bi + 1].text)
        spans = _block_spans(b.text, cont)
        if not spans:
            continue
        masked = _masked(b.text, spans)
        bounds = _boundaries(masked)
        is_title = b.kind is BlockKind.TITLE
        local: list[_Item] = []
        for s, e in spans:
            item = _explicit(res, b, masked, bounds, s, e)
            work = not is_title and _is_title(b.text[s + 1 : e - 1])
            if work and (not item.explicit or _after_prep(b.text, s)):
                continue  # the name of a show, book or film
            if item.speaker is not None:
                res.last = item.speaker
            local.append(item)
        # Quotes without their own clause: the paragraph's speaker, else the one carried on.
        nxt: list[str | None] = [None] * len(local)
        later: str | None = None
        for i in range(len(local) - 1, -1, -1):
            nxt[i] = later
            if local[i].explicit and local[i].speaker is not None:
                later = local[i].speaker
        last: str | None = None
        for i, it in enumerate(local):
            if not (it.explicit or is_title or _is_scare(source[it.start + 1 : it.end - 1])):
                carried = prev_speaker if bi - prev_at <= 2 else None
                sp = it.hint or last or nxt[i] or carried
                local[i] = it = it._replace(speaker=sp)
            if it.speaker is not None:
                last = it.speaker
        if is_title:
            titles.update(range(len(found), len(found) + len(local)))
        elif last is not None:
            prev_speaker, prev_at = last, bi
            res.last = last
        found.extend(local)
    if titles:
        counts = Counter(x.speaker for i, x in enumerate(found) if x.speaker is not None and i not in titles)
        top = counts.most_common(1)[0][0] if counts else None
        for i in titles:
            if found[i].speaker is None:
                found[i] = found[i]._replace(speaker=top)
    return [Quote(Span(x.start, x.end), source[x.start : x.end], x.speaker) for x in found]
