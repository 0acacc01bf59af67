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

from reader.analysis.quotes_marks import opens_with_mark, pair_marks
from reader.analysis.quotes_speaker import MASK, TIME_WORDS, TITLES, Attr, left_attr, right_attr, word_set
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
_CLAUSE_END = frozenset(",.!?—–-…;:")


class _People:
    """Mentions in source order and a surname index over the people list."""

    def __init__(self, people: Sequence[Person]) -> None:
        ms = sorted((m.span.start, m.span.end, p.name) for p in people for m in p.mentions)
        self.starts = [m[0] for m in ms]
        self.ms = ms
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
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            if names is None or self.ms[i][2] in names:
                return self.ms[i][2]
            i -= 1
        return None

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
    while words and (_key(words[0]) in TITLES or _key(words[0]) == "the"):
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
    def __init__(self, people: Sequence[Person]) -> None:
        self.idx = _People(people)
        self.last: str | None = None

    def name(self, attr: Attr, pos: int) -> str | None:
        words = _clean_name(attr.text)
        if not words:
            return None
        hit = self.idx.covering(attr.start, attr.start + len(attr.text))
        key = _key(words[-1])
        if hit and key in {_key(w) for w in hit.split()}:
            return hit
        cands = self.idx.by_key.get(key) or self.idx.by_word.get(key)
        if cands:
            return self.idx.last_before(pos, cands) or cands[0]
        if _is_org(attr.text, words):
            return None
        return " ".join(words).strip(",.;:")

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


def _boundaries(masked: str) -> list[int]:
    out = []
    for m in _BOUNDARY.finditer(masked):
        j = m.start()
        k = masked.rfind(" ", 0, j) + 1
        tok = masked[k:j].lower()
        if tok in _ABBR or (len(tok) == 1 and tok.isalpha()) or "." in tok:
            continue
        out.append(m.end())
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


def find_quotes(source: str, blocks: Sequence[Block], people: Sequence[Person]) -> list[Quote]:
    """Direct quotations in ``blocks`` (the shown blocks), each with its speaker or None."""
    res = _Resolver(people)
    found: list[tuple[int, int, str | None, bool, int]] = []  # start, end, speaker, explicit, block
    titles: list[int] = []
    prev_block_speaker: str | None = None
    prev_block_at = -9
    for bi, b in enumerate(blocks):
        cont = bi + 1 < len(blocks) and opens_with_mark(blocks[bi + 1].text)
        spans = pair_marks(b.text, cont)
        if not spans:
            continue
        masked = _masked(b.text, spans)
        bounds = _boundaries(masked)
        is_title = b.kind is BlockKind.TITLE
        local: list[tuple[int, int, str | None, bool]] = []
        for s, e in spans:
            inner = b.text[s + 1 : e - 1] if e - s > 1 else ""
            k = bisect.bisect_right(bounds, s) - 1
            lo = bounds[k] if k >= 0 else 0
            k2 = bisect.bisect_right(bounds, e)
            hi = bounds[k2] if k2 < len(bounds) else len(masked)
            attr = left_attr(masked, lo, s)
            ends_clause = (
                inner.rstrip()[-1:] in _CLAUSE_END
                or masked[e : e + 1] in _CLAUSE_END
                or e >= len(masked.rstrip())
            )
            if attr is None and ends_clause:
                attr = right_attr(masked, e, min(hi, e + 300))
            pos = b.span.start + s
            speaker: str | None = None
            explicit = attr is not None
            if attr is not None:
                shifted = Attr(attr.kind, attr.text, attr.start + b.span.start)
                speaker = res.attr(shifted, pos)
                if (
                    is_title
                    and attr.kind == "name"
                    and res.idx.covering(shifted.start, shifted.start + len(attr.text)) is None
                    and not res.idx.by_key.get(_key(attr.text.split()[-1]))
                ):
                    speaker, explicit = None, False
            if not explicit:
                lab = _LABEL.match(inner)
                if lab and len(lab.group(1).split()) <= 4:
                    speaker = res.name(Attr("name", lab.group(1), pos + 1 + lab.start(1)), pos)
                    explicit = speaker is not None
            if not is_title and _is_title(inner) and (not explicit or _after_prep(b.text, s)):
                continue
            if is_title:
                titles.append(len(found) + len(local))
            local.append((pos, b.span.start + e, speaker, explicit))
            if speaker is not None and explicit:
                res.last = speaker
        for i, (s, e, sp, ex) in enumerate(local):
            if ex or is_title or _is_scare(source[s + 1 : e - 1]):
                continue
            before = [x[2] for x in local[:i] if x[2] is not None]
            after = [x[2] for x in local[i + 1 :] if x[3] and x[2] is not None]
            if before:
                sp = before[-1]
            elif after:
                sp = after[0]
            elif bi - prev_block_at <= 2:
                sp = prev_block_speaker
            local[i] = (s, e, sp, ex)
        for s, e, sp, ex in local:
            found.append((s, e, sp, ex, bi))
        spoken = [x[2] for x in local if x[2] is not None]
        if spoken and not is_title:
            prev_block_speaker, prev_block_at = spoken[-1], bi
            res.last = spoken[-1]
    if titles:
        counts = Counter(x[2] for i, x in enumerate(found) if x[2] is not None and i not in titles)
        top = counts.most_common(1)[0][0] if counts else None
        for i in titles:
            s, e, sp, ex, bi = found[i]
            if sp is None:
                found[i] = (s, e, top, ex, bi)
    return [Quote(Span(s, e), source[s:e], sp) for s, e, sp, _, _ in found]
