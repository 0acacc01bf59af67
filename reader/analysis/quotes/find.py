"""Quotes: direct quotations in the shown blocks and who said them.

Spans come from :mod:`.marks` (straight, curly, mixed marks and '' paired by
context, line by line, a quote left open at a line's end running on over a
hard-wrapped paragraph's lines; a speech running over paragraphs gives one quote
per paragraph), filtered by :mod:`.filters`.  In a hard-wrapped paragraph (long
lines, most ending inside a sentence) a line break is read as a space: it ends no
sentence and cuts no clause ('said\nJones').  Speakers come from
:mod:`.attribution` and :mod:`.subject`, in this order:

1. a clause in the quote's own sentence: a reporting verb before the quote
   ("X said", "Cruz called Trump a "liar"" = Cruz, the subject, not the nearest
   name; "X said she expects ..." = X; "footage of X saying"; "according to X";
   "X told Reuters"; a passive "is called" names no one), else one after it
   ('," X said', '," said X', '," X, a doctor, said', '" ― X'), else the name
   opening the sentence ("President X condemned it as a "threat"");
2. a transcript label at the start of the quote ("PENCE: ...", "WALLACE: ...");
3. for quotes that are not scare quotes: the subject of the sentence just
   before (when the quote opens a sentence), the previous speaker in the same
   paragraph, a later explicit speaker in the same paragraph, the source a
   paragraph ending in a colon introduces ("The Times reports:"), or the speaker
   of the paragraphs just before (a speech carried on);
4. when no clause names anyone: the person named last before the quote in its
   paragraph, else the one named just after it (never a name inside a quote).

5. the learned ranker (:mod:`.ranker`) then chooses among the people named around the quote,
   with the rules' pick and the rule that made it among its features; a named clause, a
   pronoun resolved to the person just named in its paragraph, a group ("officials said",
   "what it called"), a label and a headline quote keep the rules' answer.

"he/she said" is the last person who spoke, else the last person mentioned.  A
named organisation or country ("Reuters reported", "the IMF report stated") is the
speaker, marked ``speaker_is_org`` and never taken for a person; a nominal or a
group ("the ministry said", "officials said") gives None and stops the search
(:mod:`.resolve` maps names to people).

Scare quotes (one to three words with no sentence punctuation, e.g. the "deal")
get a speaker only from a clause in their own sentence; inside a sentence with no
reporting clause and no word of speech ("claim", "called", "as") they are dropped
(the "sex tape" reference) unless, in the body, the sentence opens with a person's name
("Ortiz took aim at its "lazy habits""), in a headline as in the body, where a final period
inside the marks makes no sentence of them (Minister Says Talks 'Went Nowhere.'
keeps its quote, Council's 'Bold Vision' Meets Resistance does not).  In a text
that quotes with double marks (or ''), single-quoted phrases outside the title are
headlines or nested quotes: dropped.
Short Title-Case quotes without a clause, or after "on"/"in"/a possessive ("on
"Face the Nation""), are names of works and are dropped (not after "reading", "chanting", "chants
of" or "as": the words of a sign, a crowd, a label), as are nicknames
(Marcia "Cia" Price).  A quote in the title gets the person the title names,
else the article's most-quoted person.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from reader.analysis.lexicon import PERSON_NOUNS, ROLE_WORDS, SPEAKER_TITLES
from reader.analysis.quotes import filters as kinds
from reader.analysis.quotes import ranker
from reader.analysis.quotes.attribution import Attr, left_attr, right_attr, tail_attr
from reader.analysis.quotes.marks import DOUBLE, SINGLE
from reader.analysis.quotes.resolve import Resolver
from reader.analysis.quotes.sentences import boundaries, mask_quotes, near, quote_ends
from reader.analysis.quotes.subject import sentence_subject
from reader.analysis.quotes.words import NOT_LABELS, ORG_HEADS
from reader.model import Block, BlockKind, Person, Quote, Span

# possessive (++): a run of capitals is never split between the groups (cubic on a long run)
_LABEL = re.compile(r"\s*((?:[A-Z][A-Z.'’-]++ ?){1,3}|(?:[A-Z][a-z'’-]+ ?){1,3}):\s")
# Characters looked back for a reporting clause: bounds the scan for linear time (commit fcaa5b5;
# bench/quotes_speed.py); a longer window would find clauses in longer sentences.
_WINDOW = 400
_MARKS = DOUBLE | SINGLE
_PERSON_HEADS = PERSON_NOUNS | ROLE_WORDS | SPEAKER_TITLES
Traced = tuple[ranker.Slot, list[ranker.Candidate]]
_CLAUSE_END = frozenset(",.!?—–-…;:")
# '"..." Jones said.' with no comma inside the marks: the clause still follows the quote
_NAME_SAID = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|wrote|writes|added|told|asked)\b")


class _Item(NamedTuple):
    start: int
    end: int
    speaker: str | None
    explicit: bool
    hint: str | None  # the subject of the sentence before, when the quote opens a sentence
    label: bool = False  # named by a transcript label ("PENCE: ...")
    loose: bool = False  # a scare quote inside a sentence that says nothing of speech
    nominal: bool = False  # its clause names no one by name ("officials said", "he said")
    how: str = "none"  # which rule chose the speaker (a feature of the ranker)
    sent: tuple[int, int] = (0, 0)  # the quote's sentence, absolute


def _carry_back(source: str, found: list[_Item]) -> None:
    """A paragraph of a speech left open ('"First part' ... '"Last part," Jones said.') takes
    the speaker of the paragraph that continues it, when it has no clause of its own."""
    for i in range(len(found) - 2, -1, -1):
        it, nx = found[i], found[i + 1]
        closed = source[it.end - 1 : it.end] in _MARKS
        if it.explicit or closed or nx.speaker is None or nx.label:
            continue
        if source[it.end : nx.start].strip() == "":
            found[i] = it._replace(speaker=nx.speaker, how="back")


def _explicit(
    res: Resolver, b: Block, masked: str, cuts: tuple[list[int], list[int]], s: int, e: int
) -> _Item:
    """A quote with the speaker its own sentence names (or a transcript label), else no speaker."""
    bounds, qends = cuts
    inner = b.text[s + 1 : e - 1] if e - s > 1 else ""
    k = bisect.bisect_right(bounds, s) - 1
    q = bisect.bisect_right(qends, s) - 1
    # a bounded look-back keeps the scan linear
    lo = max(bounds[k] if k >= 0 else 0, qends[q] if q >= 0 else 0, s - _WINDOW)
    k2 = bisect.bisect_right(bounds, e)
    hi = bounds[k2] if k2 < len(bounds) else len(masked)
    pos = b.span.start + s
    sent = (b.span.start + (bounds[k] if k >= 0 else 0), b.span.start + hi)
    attr = left_attr(masked, lo, s)
    tail = inner.rstrip(" '’\"”")[-1:]
    if attr is None and (
        tail in _CLAUSE_END
        or masked[e : e + 1] in _CLAUSE_END
        or not masked[e : e + 300].strip()
        or _NAME_SAID.match(masked, e) is not None
    ):
        attr = right_attr(masked, e, min(hi, e + 300))
    if attr is None:
        attr = tail_attr(masked, e, hi)
    # a headline ends its quote with a period by style (Mayor Calls Plan 'Unworkable.'): no sentence
    scare = inner.rstrip().rstrip(".") if b.kind is BlockKind.TITLE else inner
    loose = attr is None and kinds.is_scare(scare) and masked[lo:s].strip() != ""
    loose = loose and not kinds.cued(masked, lo, hi, e)
    if attr is None:
        attr = sentence_subject(masked, lo, s, masked_ok=True)
        body = b.kind is not BlockKind.TITLE and b.text[s] in res.marks  # other marks: headline style
        if loose and body and attr is not None and attr.kind == "name":
            # "Ortiz took aim at the council's "lazy habits"": a person the sentence is about
            # chose the words (measured on polnear_train's training part, issue 14)
            who = res.attr(Attr(attr.kind, attr.text, attr.start + b.span.start), b.span.start + s)
            loose = who not in res.idx.names
    speaker: str | None = None
    if attr is not None:
        shifted = Attr(attr.kind, attr.text, attr.start + b.span.start)
        speaker = res.attr(shifted, pos)
        if b.kind is BlockKind.TITLE and attr.kind == "name" and speaker not in res.idx.names:
            attr, speaker = None, None  # in a headline every word is capitalised
    if attr is None:
        lab = _LABEL.match(inner)
        if lab and len(lab.group(1).split()) <= 4:
            raw = lab.group(1).strip()
            shout = raw.isupper() and len(raw) > 1 and raw.lower() not in NOT_LABELS
            at = pos + 1 + lab.start(1)
            speaker = res.name(Attr("name", raw.title() if shout else raw, at), pos)
            # a known person, or a shouted name ("WALLACE: ..."); "Update: ..." is no label
            if speaker in res.idx.names or (shout and speaker is not None):
                return _Item(pos, b.span.start + e, speaker, True, None, label=True, how="label", sent=sent)
        hint = None
        if not masked[lo:s].strip() and k >= 0:
            plo = max(bounds[k - 1] if k >= 1 else 0, lo - _WINDOW)
            sub = sentence_subject(masked, plo, lo, masked_ok=True)
            if sub is not None:
                hint = res.attr(Attr(sub.kind, sub.text, sub.start + b.span.start), pos)
        return _Item(pos, b.span.start + e, None, False, hint, loose=loose, sent=sent)
    nominal = attr.kind != "name"
    how = attr.kind
    head = attr.text.strip(",.;:").lower()
    if how == "nominal" and head in _PERSON_HEADS:
        how = "role"  # "the spokeswoman said": one person, whom the ranker may find named nearby
    elif (how == "nominal" and head in ORG_HEADS) or (how == "pronoun" and head in ("it", "they")):
        how = "group"  # "the ministry said", "officials said", "what it called": no person
    return _Item(pos, b.span.start + e, speaker, True, None, loose=loose, nominal=nominal, how=how, sent=sent)


def _colon_lead(res: Resolver, b: Block, masked: str) -> str | None:
    """Who a paragraph ending in a colon introduces ("The Times reports:", "Smith said:")."""
    end = len(masked.rstrip())
    bounds = [x for x in boundaries(masked) if x < end]
    lo = max(bounds[-1] if bounds else 0, end - _WINDOW)
    attr = left_attr(masked, lo, end) or sentence_subject(masked, lo, end - 1, masked_ok=True)
    if attr is None:
        return None
    return res.attr(Attr(attr.kind, attr.text, attr.start + b.span.start), b.span.start + end)


def _rank(
    source: str,
    blocks: Sequence[Block],
    res: Resolver,
    found: list[_Item],
    at: tuple[list[int], list[tuple[int, int]]],
    trace: list[Traced] | None,
) -> None:
    """Let the learned ranker (:mod:`.ranker`) choose each quote's speaker among the candidates."""
    weights = ranker.model()
    if weights is None and trace is None:
        return
    where, quoted = at
    slots = [
        ranker.Slot(x.start, x.end, bi, x.sent[0], x.sent[1], x.how, x.speaker)
        for x, bi in zip(found, where, strict=True)
    ]
    # a quote the rules found no one for stays so ("the ministry said", "it is called"),
    # unless its clause names someone the rules could not read ("she said", "the aide said")
    want = [
        slot.how not in ranker.KEEP
        and slot.how not in ("label", "top", "group", "none")
        and not (slot.speaker is None and kinds.is_scare(source[slot.start + 1 : slot.end - 1]))
        for slot in slots
    ]
    quoted.sort()
    cands = ranker.candidates(
        source, blocks, slots, res.idx.ms, quoted, res.orgs, None if trace is not None else want
    )
    if trace is not None:
        trace.extend(zip(slots, cands, strict=True))
    if weights is None:
        return
    for i, (slot, cs) in enumerate(zip(slots, cands, strict=True)):
        if slot.speaker is not None and ranker.is_place(slot.speaker):
            found[i] = found[i]._replace(speaker=None)  # a place never speaks
        elif want[i]:
            found[i] = found[i]._replace(speaker=ranker.choose(weights, slot, cs))


def _start(sp: Span) -> int:
    return sp.start


def find_quotes(
    source: str, blocks: Sequence[Block], people: Sequence[Person], trace: list[Traced] | None = None
) -> list[Quote]:
    """Direct quotations in ``blocks`` (the shown blocks), each with its speaker or None.

    ``trace``, when given, receives what the rules found for each quote and the ranker's
    candidates (``bench/train_quotes.py`` learns from them)."""
    given, shown = source, kinds.unwrapped_all(blocks)
    wrapped = sorted((b.span for a, b in zip(blocks, shown, strict=True) if a is not b), key=_start)
    if wrapped:  # a hard-wrapped paragraph's line breaks are spaces (the quotes keep the source's text)
        source = kinds.unwrapped_source(source, wrapped)
    blocks = shown
    res = Resolver(source, people)
    spans_of, single = kinds.all_spans(blocks)
    res.marks = SINGLE if single else DOUBLE  # the marks body quotes are written in
    found: list[_Item] = []
    where: list[int] = []  # the block of each quote
    quoted: list[tuple[int, int]] = []  # every quote's span, dropped ones too
    titles: set[int] = set()
    prev_speaker: str | None = None
    prev_at = -9
    lead: tuple[int, str | None] = (-9, None)
    for bi, (b, spans) in enumerate(zip(blocks, spans_of, strict=True)):
        intro = lead[1] if lead[0] == bi - 1 else None
        if b.text.rstrip().endswith(":") and b.kind is not BlockKind.TITLE:
            lead = (bi, _colon_lead(res, b, mask_quotes(b.text, spans)))
        if not spans:
            continue
        masked = mask_quotes(b.text, spans)
        quoted.extend((b.span.start + s, b.span.start + e) for s, e in spans)
        res.block_start = b.span.start
        bounds = boundaries(masked)
        qends = quote_ends(masked, b.text, spans)
        is_title = b.kind is BlockKind.TITLE
        local: list[_Item] = []
        for s, e in spans:
            item = _explicit(res, b, masked, (bounds, qends), s, e)
            if kinds.is_nickname(b.text, s, e):
                continue  # Marcia "Cia" Price
            after_prep = kinds.after_prep(b.text, s)
            work = not is_title and kinds.is_title(b.text[s + 1 : e - 1], period_ok=after_prep)
            work = work and not kinds.introduces_words(b.text, s)
            if work and (not item.explicit or after_prep):
                continue  # the name of a show, book or film
            if item.loose:
                continue  # the "sex tape" reference, in the body or the headline: a scare quote
            if item.explicit and not is_title:
                res.last, res.spoke = res.person(item.speaker), True  # None after "the ministry said"
                res.last_at = item.start
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
            if not (it.explicit or is_title or kinds.is_scare(source[it.start + 1 : it.end - 1])):
                carried = prev_speaker if bi - prev_at <= 2 else None
                opens = i == 0 and not b.text[: it.start - b.span.start].strip()
                picks = [("hint", it.hint), ("last", last), ("next", nxt[i])]
                picks += [("intro", intro if opens else None), ("carried", carried)]
                how, sp = next(((h, x) for h, x in picks if x), ("none", None))
                local[i] = it = it._replace(speaker=sp, how=how)
            if it.speaker is None and not it.nominal and not is_title:
                # no clause names anyone: the person named last before it in the paragraph, else
                # the one named just after it (measured on polnear_train, issue 14)
                sp = near(res, b, spans, it.start, it.end)
                local[i] = it = it._replace(speaker=sp, how="near" if sp else it.how)
            if it.speaker is not None:
                last = it.speaker
        if is_title:
            titles.update(range(len(found), len(found) + len(local)))
        elif last is not None:
            prev_speaker, prev_at = last, bi
            res.last = res.person(last)
        found.extend(local)
        where.extend([bi] * len(local))
    _carry_back(source, found)
    if titles:
        counts = Counter(x.speaker for i, x in enumerate(found) if res.person(x.speaker) and i not in titles)
        top = counts.most_common(1)[0][0] if counts else None
        for i in titles:
            if found[i].speaker is None:
                found[i] = found[i]._replace(speaker=top, how="top")
    _rank(source, blocks, res, found, (where, quoted), trace)
    return [
        Quote(Span(x.start, x.end), given[x.start : x.end], x.speaker, x.speaker in res.orgs) for x in found
    ]
