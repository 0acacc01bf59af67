"""Train the quote-speaker ranker (reader/analysis/quotes/ranker.py), or score the held-out slice.

usage:
    python bench/train_quotes.py train [TRAIN_DIR] [--epochs N] [--out PATH]
    python bench/train_quotes.py eval DATASET [--slice]   (rules against the model, by rule)
    python bench/train_quotes.py speed OTHER_TREE FOLDER [--rounds N]   (words/s, alternating:
        reader extract end to end, and people + quotes in the process)
    python bench/train_quotes.py ranker-cost FOLDER [--rounds N]   (people + quotes, ranker on/off)
    python bench/train_quotes.py heldout [TRAIN_DIR] [--part train] [--errors N] -- COMMAND [ARGS...]

TRAIN_DIR is the PolNeAR training split in the scorers' layout (docs/*.txt and gold.json with
quote spans and speakers), by default ../shared/corpus/quotes/polnear_train.  Its documents are
sorted by id; every tenth (positions 0, 10, 20 ...) is the held-out slice: ``train`` never
learns from it and ``heldout`` scores only it, with the shared scorer over a temporary set that
holds the slice's gold and a copy of its documents, the way bench/halves.py scores halves.
Choose constants on polnear_dev halves and confirm them on the slice; never on the part learned from.

The output of ``train`` is gzipped JSON of integer weights keyed by feature string (a reporting
verb, a word class, a distance bucket); no name, phrase or sentence of the corpus is written.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.analysis.quotes.find import Traced

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "corpus" / "quotes" / "polnear_train"
EVERY = 10


def split(gold: dict[str, object]) -> tuple[list[str], list[str]]:
    """(held-out ids, training ids): every tenth id in sorted order is held out."""
    ids = sorted(gold)
    held = ids[0::EVERY]
    keep = set(held)
    return held, [i for i in ids if i not in keep]


def heldout(argv: list[str]) -> int:
    cut = argv.index("--")
    opts, command = argv[:cut], argv[cut + 1 :]
    root = Path(opts.pop(0)).resolve() if opts and not opts[0].startswith("-") else TRAIN
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    held, rest = split(gold)
    if "--part" in opts:  # "--part train": the part learned from (for reading errors, not scores)
        k = opts.index("--part")
        if opts[k + 1] == "train":
            held = rest
        del opts[k : k + 2]
    scorer = root.parents[2] / "eval" / "score_quotes.py"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / f"{root.name}_heldout"
        (t / "docs").mkdir(parents=True)
        for i in held:
            # copied, not symlinked: ``reader extract`` will not follow a link out of its folder
            shutil.copyfile(root / "docs" / i, t / "docs" / i)
        (t / "gold.json").write_text(json.dumps({i: gold[i] for i in held}), encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(t), *opts, "--", *command], check=False)
    return res.returncode


def _scorer(root: Path) -> ModuleType:
    """The shared quote scorer as a module: its span and speaker-key rules, used, not copied."""
    path = root.parents[2] / "eval" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# (rule, the rules' pick's key, candidates as (key, features), the gold speaker's key)
Sample = tuple[str, str | None, list[tuple[str | None, list[str]]], str]


def samples(root: Path, ids: list[str]) -> list[Sample]:
    """The ranker's view of every quote of ``ids`` that matches a gold quote with a named speaker."""
    from reader.analysis.boilerplate import make_blocks
    from reader.analysis.people import find_people
    from reader.analysis.quotes import find_quotes
    from reader.ingest import load

    sc = _scorer(root)
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    out: list[Sample] = []
    for name in ids:
        doc = load(str(root / "docs" / name))
        shown = [b for b in make_blocks(doc) if not b.hidden]
        trace: list[Traced] = []
        find_quotes(doc.source, shown, find_people(doc.source, shown), trace)
        text = doc.source
        gq = gold[name]["quotes"]
        gs = [sc.normalise(text, q["start"], q["end"]) for q in gq]
        ps = [sc.normalise(text, slot.start, slot.end) for slot, _ in trace]
        pairs = []
        for i, (ga, gb) in enumerate(gs):
            for j, (pa, pb) in enumerate(ps):
                inter, den = min(gb, pb) - max(ga, pa), max(gb - ga, pb - pa)
                if inter > 0 and den > 0 and inter / den >= 0.8:
                    pairs.append((inter / den, i, j))
        pairs.sort(reverse=True)
        ug: set[int] = set()
        up: set[int] = set()
        for _, i, j in pairs:
            if i in ug or j in up:
                continue
            ug.add(i)
            up.add(j)
            gk = sc.gold_key(gq[i].get("speaker"))
            if gk is None:
                continue
            slot, cands = trace[j]
            keyed = [(sc.pred_key(c), f) for c, f in cands]
            out.append((slot.how, sc.pred_key(slot.speaker), keyed, gk))
    return out


def learn(data: list[Sample], epochs: int, seed: int) -> dict[str, float]:
    """Averaged-perceptron ranking weights: the gold candidate should outscore the others."""
    w: dict[str, float] = defaultdict(float)
    u: dict[str, float] = defaultdict(float)  # the running sum of updates times their step
    rows = [(s[2], {k for k, (c, _) in enumerate(s[2]) if c == s[3]}) for s in data]
    rows = [(c, g) for c, g in rows if g and len(c) > 1]
    rnd = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rnd.shuffle(rows)
        for cands, good in rows:
            scores = [sum(w.get(f, 0.0) for f in fs) for _, fs in cands]
            best = max(range(len(cands)), key=lambda k: (scores[k], -k))
            if best not in good:
                right = max(good, key=lambda k: (scores[k], -k))
                for f in cands[right][1]:
                    w[f] += 1.0
                    u[f] += step
                for f in cands[best][1]:
                    w[f] -= 1.0
                    u[f] -= step
            step += 1
    return {f: w[f] - u[f] / step for f in w}


def pick(weights: dict[str, float], s: Sample, keep: frozenset[str]) -> str | None:
    if s[0] in keep or not s[2]:
        return s[1]
    best, at = s[1], -1e18
    for key, fs in s[2]:
        sc = sum(weights.get(f, 0.0) for f in fs)
        if sc > at:
            best, at = key, sc
    return best


def report(data: list[Sample], weights: dict[str, float], title: str) -> None:
    """Speaker accuracy of the rules and of the model, by the rule that chose the speaker."""
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for s in data:
        row = by[s[0]]
        row[0] += 1
        row[1] += s[1] == s[3]
        row[2] += pick(weights, s, frozenset()) == s[3]
    n = sum(r[0] for r in by.values())
    print(
        f"## {title}: {n} scored quotes; rules {sum(r[1] for r in by.values()) / n:.3f}, "
        f"model {sum(r[2] for r in by.values()) / n:.3f}"
    )
    for how, (k, r, m) in sorted(by.items(), key=lambda x: -x[1][0]):
        print(f"  {how:9} {k:5}  rules {r / k:.3f}  model {m / k:.3f}")


def _load_weights(path: Path) -> dict[str, float]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: v / data["scale"] for k, v in data["weights"].items()}


def train(argv: list[str]) -> int:
    from reader.analysis.quotes.ranker import MODEL

    ap = argparse.ArgumentParser(prog="train_quotes.py train")
    ap.add_argument("train_dir", nargs="?", default=str(TRAIN))
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", default=str(MODEL))
    args = ap.parse_args(argv)
    root = Path(args.train_dir).resolve()
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    _, ids = split(gold)
    data = samples(root, ids)
    seen = Counter(f for s in data for _, fs in s[2] for f in set(fs))
    weights = learn(data, args.epochs, args.seed)
    scale = 1000
    kept = {f: round(v * scale) for f, v in sorted(weights.items()) if seen[f] >= args.min_count}
    kept = {f: v for f, v in kept.items() if v}
    blob = json.dumps({"scale": scale, "weights": kept}, sort_keys=True, separators=(",", ":"))
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(blob.encode("utf-8"))  # no name or time in the header: the same bytes anywhere
    print(f"{len(data)} scored quotes from {len(ids)} documents; {len(kept)} weights -> {args.out}")
    report(data, {f: v / scale for f, v in kept.items()}, "training part (learned from)")
    return 0


def evaluate(argv: list[str]) -> int:
    """Rules against the model on a set (``--slice`` for the held-out slice of a train split)."""
    from reader.analysis.quotes.ranker import MODEL

    ap = argparse.ArgumentParser(prog="train_quotes.py eval")
    ap.add_argument("dataset")
    ap.add_argument("--slice", action="store_true")
    ap.add_argument("--weights", default=str(MODEL))
    args = ap.parse_args(argv)
    root = Path(args.dataset).resolve()
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    ids = split(gold)[0] if args.slice else sorted(gold)
    weights = _load_weights(Path(args.weights))
    if args.slice:
        report(samples(root, ids), weights, root.name + " held-out slice")
    else:
        report(samples(root, ids[0::2]), weights, root.name + " even half")
        report(samples(root, ids[1::2]), weights, root.name + " odd half")
    return 0


def speed(argv: list[str]) -> int:
    """Words/s of ``reader extract`` over a folder, this tree against another, alternating."""
    ap = argparse.ArgumentParser(prog="train_quotes.py speed")
    ap.add_argument(
        "other", help="a copy of the package to compare with (git archive REV reader | tar -x -C DIR)"
    )
    ap.add_argument("folder")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    args.folder = str(Path(args.folder).resolve())
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in Path(args.folder).rglob("*.txt"))
    env = dict(os.environ)
    runs: dict[str, list[float]] = {"other": [], "this": []}
    inner: dict[str, list[float]] = {"other": [], "this": []}
    cpus: dict[str, list[float]] = {"other": [], "this": []}  # words per second of process time
    for _ in range(args.rounds):
        for name, path in (("other", args.other), ("this", str(ROOT))):
            env["PYTHONPATH"] = path
            cmd = [sys.executable, "-m", "reader", "extract", "--format", "jsonl", args.folder]
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL, check=True)
            runs[name].append(words / (time.perf_counter() - t0))
            # people + quotes alone, in the process, after loading and blocks
            out = subprocess.run(
                [sys.executable, "-c", _INNER, args.folder],
                env=env,
                cwd=tempfile.gettempdir(),
                stdout=subprocess.PIPE,
                text=True,
                check=True,
            )
            wall, cpu = out.stdout.split()
            inner[name].append(float(wall))
            cpus[name].append(float(cpu))
    tables = (("reader extract", runs), ("people + quotes", inner), ("people + quotes, CPU time", cpus))
    for label, table in tables:
        for name, rates in table.items():
            med = sorted(rates)[len(rates) // 2]
            print(
                f"{name:5} {label}: {words} words, words/s "
                + " ".join(f"{r:,.0f}" for r in rates)
                + f" (median {med:,.0f}, best {max(rates):,.0f})"
            )
    return 0


_INNER = """
import sys, time
from pathlib import Path
from reader.analysis.boilerplate import make_blocks
from reader.analysis.people import find_people
from reader.analysis.quotes import find_quotes
from reader.ingest import load
docs = []
for f in sorted(Path(sys.argv[1]).rglob("*.txt")):
    d = load(str(f))
    docs.append((d.source, [b for b in make_blocks(d) if not b.hidden]))
find_quotes(docs[0][0], docs[0][1], find_people(docs[0][0], docs[0][1]))  # weights read once
t0, c0 = time.perf_counter(), time.process_time()
for src, shown in docs:
    find_quotes(src, shown, find_people(src, shown))
t1, c1 = time.perf_counter(), time.process_time()
words = sum(len(s.split()) for s, _ in docs)
print(words / (t1 - t0), words / (c1 - c0))
"""


def ranker_cost(argv: list[str]) -> int:
    """Words per CPU second of people + quotes in one process, the ranker on and off by turns."""
    from reader.analysis.boilerplate import make_blocks
    from reader.analysis.people import find_people
    from reader.analysis.quotes import find_quotes, ranker
    from reader.ingest import load

    ap = argparse.ArgumentParser(prog="train_quotes.py ranker-cost")
    ap.add_argument("folder")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    docs = []
    for f in sorted(Path(args.folder).rglob("*.txt")):
        doc = load(str(f))
        docs.append((doc.source, [b for b in make_blocks(doc) if not b.hidden]))
    words = sum(len(src.split()) for src, _ in docs)
    shipped = ranker.MODEL
    rates: dict[str, list[float]] = {"off": [], "on": []}
    for r in range(args.rounds):
        for mode in ("on", "off") if r % 2 else ("off", "on"):  # neither always goes first
            ranker.model.cache_clear()
            ranker.MODEL = shipped if mode == "on" else Path("/nonexistent")
            ranker.model()  # the weights are read once per process, outside the timing
            t0 = time.process_time()
            for src, shown in docs:
                find_quotes(src, shown, find_people(src, shown))
            rates[mode].append(words / (time.process_time() - t0))
    ranker.MODEL = shipped
    for mode, r in rates.items():
        print(
            f"ranker {mode:3}: {words} words, people + quotes words per CPU second "
            + " ".join(f"{x:,.0f}" for x in r)
            + f" (best {max(r):,.0f})"
        )
    return 0


def main(argv: list[str]) -> int:
    commands = {
        "train": train,
        "eval": evaluate,
        "heldout": heldout,
        "speed": speed,
        "ranker-cost": ranker_cost,
    }
    if not argv or argv[0] not in commands or (argv[0] == "heldout" and "--" not in argv):
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
