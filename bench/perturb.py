"""How well the text-dump cleaning holds when a page is laid out in ways the dev pages rarely are.

    python bench/perturb.py SET [--kinds K,K] [--seed N] [--keep DIR] \
        -- .venv/bin/reader extract --format jsonl

SET is a shared boilerplate set (``../shared/corpus/boilerplate/dev`` or ``readability_dev``).
For each kind of layout below, every text dump of the set is rewritten with that layout put
around its article, the gold stays as it is (what is added is never article text), and the set
is scored with the shared scorer, by even and odd halves of the sorted ids as
``bench/halves.py`` does, beside the unchanged pages.  The article is found in the dump by its
gold body's first and last lines; pages where either is not found are left out of every row.

Kinds (the failure shapes met on pages from other sources, made up here, never copied):

- ``prevnext``: a row of previous/next links to other stories right above the article;
- ``tabs``: a comment-count link and share/print tabs above the article;
- ``teasers``: a block of six teaser headlines (other pages' opening words) above the article;
- ``twice``: the whole article printed again below itself (a page with a print copy);
- ``thread``: a reader comment thread under the article (names, dates, reply and vote words,
  posts made of other pages' sentences);
- ``opinions``: a section of readers' views under the article (a heading, then posts that are
  a name with a town and a sentence or two, without reply or vote buttons);
- ``toolbar``: a share/print toolbar between two paragraphs in the middle of the article;
- ``all``: prevnext, tabs and teasers above, a thread below;
- ``wrapped``: the whole page hard-wrapped at 76 columns, as some HTML-to-text tools write it;
- ``single``: the whole page with its blank lines removed (one line per block, no gaps).

The added text is made from other pages' gold bodies and a few made-up words, with a fixed
seed, so the figures are the same on every run.  Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_boilerplate.py"
KINDS = ("prevnext", "tabs", "teasers", "twice", "thread", "opinions", "toolbar", "all", "wrapped", "single")
CITIES = ("Leeds", "Austin", "Perth", "Cork", "Halifax", "Dunedin", "Tucson", "Bristol")
NAMES = ("Alex", "Sam", "Robin", "Kim", "Jo", "Pat", "Lee", "Max", "Chris", "Dana", "Morgan", "Terry")
SURNAMES = ("Walker", "Brown", "Ng", "Silva", "Novak", "Okafor", "Jensen", "Moreau", "Kowalski", "Reyes")


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s)).lower()


def _locate(lines: list[str], body: str) -> tuple[int, int] | None:
    """Indexes of the dump lines holding the gold body's first and last paragraphs."""
    paras = [p for p in body.split("\n") if _norm(p)]
    if not paras:
        return None
    first, last = _norm(paras[0])[:60], _norm(paras[-1])[-60:]
    norms = [_norm(x) for x in lines]
    start = next((i for i, n in enumerate(norms) if first and n.startswith(first[:40])), None)
    if start is None:
        return None
    end = next((i for i in range(len(norms) - 1, start - 1, -1)
                if last and norms[i].endswith(last[-40:])), None)
    return None if end is None else (start, end)


def _headline(rng: random.Random, bodies: list[str]) -> str:
    words = rng.choice(bodies).split()[: rng.randint(6, 11)]
    return " ".join(w.capitalize() if len(w) > 3 else w for w in words).rstrip(".,;:")


def _sentences(rng: random.Random, bodies: list[str], n: int) -> str:
    sents = re.split(r"(?<=[.!?])\s+", rng.choice(bodies).replace("\n", " "))
    k = rng.randint(0, max(0, len(sents) - n))
    return " ".join(sents[k : k + n])


def _above(kind: str, rng: random.Random, bodies: list[str]) -> list[str]:
    if kind == "prevnext":
        return [f"« Previous: {_headline(rng, bodies)}", f"Next: {_headline(rng, bodies)} »"]
    if kind == "tabs":
        return [f"{rng.randint(2, 240)} Comments", "Share", "Tweet", "Email", "Print"]
    if kind == "teasers":
        return ["More stories"] + [_headline(rng, bodies) for _ in range(6)]
    return []


def _thread(rng: random.Random, bodies: list[str]) -> list[str]:
    out = [f"{rng.randint(8, 90)} comments", "Sort by: Newest"]
    for _ in range(8):
        who = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
        out += [who, f"{rng.randint(2, 23)} hours ago", _sentences(rng, bodies, rng.randint(1, 3)),
                f"Reply · {rng.randint(0, 40)} likes"]
    return out


def _opinions(rng: random.Random, bodies: list[str]) -> list[str]:
    out = ["What our readers say"]
    for _ in range(6):
        out += [f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}, {rng.choice(CITIES)}",
                _sentences(rng, bodies, rng.randint(1, 2))]
    return out


def perturb(kind: str, lines: list[str], span: tuple[int, int], rng: random.Random,
            bodies: list[str]) -> list[str]:
    if kind == "wrapped":
        return [w for line in lines for w in (textwrap.wrap(line, 76) or [""])]
    if kind == "single":
        return [line for line in lines if line.strip()]
    start, end = span
    head, art, tail = lines[:start], lines[start : end + 1], lines[end + 1 :]
    # Added lines are laid out as the page's own: a blank line after each where the page has one.
    gap = [""] if (start and not lines[start - 1].strip()) or (len(art) > 1 and not art[1].strip()) else []

    def laid(new: list[str]) -> list[str]:
        return [x for line in new for x in [line, *gap]]

    if kind == "twice":
        return head + art + ["", *art] + tail
    if kind == "thread":
        return head + art + ["", *laid(_thread(rng, bodies))] + tail
    if kind == "opinions":
        return head + art + ["", *laid(_opinions(rng, bodies))] + tail
    if kind == "toolbar":
        cut = [k for k, x in enumerate(art) if x.strip()]
        mid = cut[len(cut) // 2] if len(cut) > 1 else len(art)
        bar = ["Share this article", "Facebook", "Twitter", "Email", "Print", "Text size", "A A A"]
        return head + art[:mid] + laid(bar) + art[mid:] + tail
    if kind == "all":
        above = _above("prevnext", rng, bodies) + _above("tabs", rng, bodies) + _above("teasers", rng, bodies)
        return head + laid(above) + art + ["", *laid(_thread(rng, bodies))] + tail
    return head + laid(_above(kind, rng, bodies)) + art + tail


def _score(folder: Path, gold: dict[str, object], ids: list[str], command: list[str]) -> tuple[str, str]:
    out = subprocess.run(command + sorted(str(p) for p in (folder / "txt").iterdir()),
                         capture_output=True, text=True, check=True).stdout
    rows = [json.loads(x) for x in out.splitlines() if x.strip()]
    res = []
    for half in (ids[0::2], ids[1::2]):
        keep = set(half)
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            (t / "gold.json").write_text(json.dumps({k: gold[k] for k in half}), encoding="utf-8")
            (t / "txt").mkdir()
            jl = t / "out.jsonl"
            jl.write_text("\n".join(json.dumps(r) for r in rows if Path(r["path"]).stem in keep),
                          encoding="utf-8")
            text = subprocess.run([sys.executable, str(SCORER), str(t), "--jsonl", str(jl)],
                                  capture_output=True, text=True).stdout
        m = re.search(r"\bF1 ([0-9.]+)", text)
        res.append(m.group(1) if m else "?")
    return res[0], res[1]


def main() -> int:
    argv = sys.argv[1:]
    cut = argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("set", type=Path)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="write the perturbed sets here and keep them")
    opts = ap.parse_args(argv[:cut])
    command = argv[cut + 1 :]
    gold = json.loads((opts.set / "gold.json").read_text(encoding="utf-8"))
    bodies = [g["body"] for g in gold.values() if g.get("body")]
    pages = {}
    for k in sorted(gold):
        f = opts.set / "txt" / f"{k}.txt"
        if not f.exists():
            continue
        lines = f.read_text(encoding="utf-8", errors="replace").split("\n")
        span = _locate(lines, gold[k]["body"] or "")
        if span:
            pages[k] = (lines, span)
    ids = sorted(pages)
    sub = {k: gold[k] for k in ids}
    print(f"{len(ids)} of {len(gold)} pages with the article located; F1 by half (even / odd)")
    base = Path(opts.keep) if opts.keep else Path(tempfile.mkdtemp(prefix="perturb-"))
    for kind in ["none", *opts.kinds.split(",")]:
        folder = base / kind
        (folder / "txt").mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{opts.seed}-{kind}")
        for k in ids:
            lines, span = pages[k]
            new = lines if kind == "none" else perturb(kind, lines, span, rng, bodies)
            (folder / "txt" / f"{k}.txt").write_text("\n".join(new), encoding="utf-8")
        (folder / "gold.json").write_text(json.dumps(sub), encoding="utf-8")
        even, odd = _score(folder, sub, ids, command)
        print(f"{kind:10} {even} / {odd}", flush=True)
    if not opts.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
