"""Train the person-name tagger (reader/analysis/people/tagger.py) and write its weights.

usage: python bench/train_people.py [TRAIN_DIR] [--epochs N] [--out PATH] [--seed S]

TRAIN_DIR is the CoNLL-2003 English training split in the scorers' layout (docs/*.txt and
gold.json with person spans), by default ../shared/corpus/people/conll2003_train.  Train on that
split only; choose constants on wikigold halves and check on conll2003_dev, never train on them.
Each document goes through the same pipeline as ``reader extract`` (load, blocks, the rules'
verdicts), so the tagger learns from what it will see.  The output is gzipped JSON of integer
weights keyed by feature string; no text of the corpus is written apart from those keys (words,
shapes and affixes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from reader.analysis.boilerplate import make_blocks
from reader.analysis.people.find import judge_runs, run_features_all
from reader.analysis.people.tagger import MODEL, TAGS
from reader.ingest import load

ROOT = Path(__file__).resolve().parent.parent
Sample = tuple[list[list[str]], list[int]]


def samples(folder: Path, hidden: bool) -> list[Sample]:
    """(features, gold tags) of every run of every English document of ``folder``.

    With ``hidden``, blocks the boilerplate step hides (results tables, wire headlines) are
    learned from too: the tagger sees more score lines than the shown text holds.
    """
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    out: list[Sample] = []
    for name in sorted(gold):
        doc = load(str(folder / "docs" / name))
        shown = [b for b in make_blocks(doc) if hidden or not b.hidden]
        j = judge_runs(doc.source, shown)
        if j.foreign:
            continue
        spans = [tuple(s) for s in gold[name]["people"]]
        starts = {s for s, _ in spans}
        for run, feats in zip(j.runs, run_features_all(doc.source, j), strict=True):
            if not feats:  # a run the tagger is never asked about
                continue
            tags = []
            for t in run.toks:
                if t.start in starts:
                    tags.append(0)
                elif any(s < t.start and t.end <= e for s, e in spans):
                    tags.append(1)
                else:
                    tags.append(2)
            out.append((feats, tags))
    return out


def train(data: list[Sample], epochs: int, seed: int) -> dict[str, list[float]]:
    """Averaged perceptron over greedy left-to-right decoding with the previous tag as a feature."""
    w: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    total: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    stamp: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data)))

    def bump(f: str, c: int, d: float) -> None:
        total[f][c] += (step - stamp[f][c]) * w[f][c]
        stamp[f][c] = step
        w[f][c] += d

    for ep in range(epochs):
        rng.shuffle(order)
        wrong = 0
        for n in order:
            feats, gold = data[n]
            prev = 2
            for f, g in zip(feats, gold, strict=True):
                step += 1
                ptag = "t-1=" + TAGS[prev]
                names = (*f, ptag, ptag + f[2])
                sc = [0.0, 0.0, 0.0]
                for name in names:
                    if name in w:
                        v = w[name]
                        sc[0] += v[0]
                        sc[1] += v[1]
                        sc[2] += v[2]
                if prev == 2:
                    sc[1] = -1e9
                guess = max(range(3), key=lambda c: sc[c])
                if guess != g:
                    wrong += 1
                    for name in names:
                        bump(name, g, 1.0)
                        bump(name, guess, -1.0)
                prev = g  # teacher forcing: the previous gold tag
        print(f"epoch {ep + 1}: {wrong} mistakes", file=sys.stderr)
    avg = {}
    for f, v in w.items():
        t = total[f]
        avg[f] = [(t[c] + (step - stamp[f][c]) * v[c]) / step for c in range(3)]
    return avg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(ROOT.parent / "shared/corpus/people/conll2003_train"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--runs", type=int, default=5, help="models averaged, seeds SEED, SEED+1, ...")
    ap.add_argument("--prune", type=float, default=0.002, help="drop features whose weights are all smaller")
    ap.add_argument("--out", default=str(MODEL))
    ap.add_argument("--shown-only", action="store_true", help="learn from shown blocks only")
    ns = ap.parse_args()
    data = samples(Path(ns.train), not ns.shown_only)
    print(f"{len(data)} runs, {sum(len(t) for _, t in data)} words", file=sys.stderr)
    avg: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for k in range(ns.runs):  # the mean of several shuffles is steadier than one
        for f, v in train(data, ns.epochs, ns.seed + k).items():
            a = avg[f]
            for c in range(3):
                a[c] += v[c] / ns.runs
    scale = 1000
    kept = {f: [round(x * scale) for x in v] for f, v in sorted(avg.items())
            if max(abs(x) for x in v) >= ns.prune}
    kept = {f: v for f, v in kept.items() if any(v)}
    blob = json.dumps({"scale": scale, "tags": list(TAGS), "weights": kept}, separators=(",", ":"))
    with open(ns.out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(blob.encode("utf-8"))  # no name or time in the header: the same data, the same bytes
    print(f"{len(kept)} of {len(avg)} features kept -> {ns.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
