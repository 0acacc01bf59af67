"""Score a shared dev set by halves: run the command once, score even and odd documents apart.

Usage (from the project root):

    python bench/halves.py boilerplate ../shared/corpus/boilerplate/readability_dev [--html] \
        -- .venv/bin/reader extract --format jsonl
    python bench/halves.py people ../shared/corpus/people/wikigold -- .venv/bin/reader extract \
        --format jsonl
    python bench/halves.py quotes ../shared/corpus/quotes/polnear_dev -- .venv/bin/reader extract \
        --format jsonl

``--wrap N`` scores a hard-wrapped copy of the set instead: in every text document, the space
before a word that would pass column N becomes a line break (a mail or a terminal dump), so
every gold offset still holds.

``--marks STYLE`` scores a copy whose quotation marks are rewritten one character for one, so
offsets hold too: ``straight`` (typewriter marks), ``curly`` (typographic marks, chosen by the
characters around them), ``british`` (single marks outside, double inside) or ``guillemets``
(« and »).  An apostrophe inside a word stays one.

Documents are sorted by their gold id; the "even" half holds positions 0, 2, 4 ... and the
"odd" half 1, 3, 5 ...  Choose a rule on one half and confirm it on the other.  Each half is
scored by the shared scorer itself (``--jsonl``) over a temporary copy of the set that holds
only that half's gold, so every figure is the scorer's own.  Needs ``../shared``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def _stem(path: str) -> str:
    return Path(path).stem


def wrap_text(text: str, width: int) -> str:
    """``text`` with the space before each word that would pass column ``width`` made a newline."""
    out = list(text)
    col = 0
    last_space = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            col, last_space = 0, -1
            continue
        if ch == " ":
            last_space = i
        col += 1
        if col > width and last_space >= 0:
            out[last_space] = "\n"
            col = i - last_space
            last_space = -1
    return "".join(out)


_DOUBLE = "\"\u201c\u201d"
_SINGLE = "'\u2018\u2019"


def _opening(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quotation (it starts a word), by the characters around it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2014\u2013/") and not after.isspace()


def marks_text(text: str, style: str) -> str:
    """``text`` with its quotation marks rewritten in ``style``, one character for one.

    Two typewriter singles side by side (written for one double mark) are left as they are. A
    single mark inside a word, or a closing one with no single quotation open in its paragraph
    ("the Joneses' house"), is an apostrophe and stays one.
    """
    out = list(text)
    open_single = False
    for i, ch in enumerate(text):
        if ch == "\n":
            open_single = False
        if ch not in _DOUBLE and ch not in _SINGLE:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = _opening(text, i) if ch in "\"'" else ch in "\u201c\u2018"
        double = ch in _DOUBLE
        if not double:
            if ch == "'" and "'" in (before, after):
                continue  # two typewriter singles for one double mark (an old wire style): left as is
            if (before.isalnum() and after.isalnum()) or (not opening and not open_single):
                out[i] = "'" if style == "straight" else "\u2019"
                continue
            open_single = opening
        if style == "straight":
            out[i] = '"' if double else "'"
        elif style == "curly":
            out[i] = ("\u201c" if opening else "\u201d") if double else ("\u2018" if opening else "\u2019")
        elif style == "british":
            out[i] = ("\u2018" if opening else "\u2019") if double else ("\u201c" if opening else "\u201d")
        elif style == "guillemets":
            if double:
                out[i] = "\u00ab" if opening else "\u00bb"
            else:
                out[i] = "\u2039" if opening else "\u203a"
        else:
            raise SystemExit(f"unknown --marks style {style!r}")
    return "".join(out)


def _rewritten(root: Path, dest: Path, change: Callable[[str], str]) -> Path:
    """A copy of the set at ``dest`` with ``change`` applied to its text documents (``txt/``, ``docs/``)."""
    dest.mkdir(parents=True)
    for entry in root.iterdir():
        if entry.is_dir() and entry.name in ("txt", "docs"):
            (dest / entry.name).mkdir()
            for f in entry.iterdir():
                text = f.read_text(encoding="utf-8")
                (dest / entry.name / f.name).write_text(change(text), encoding="utf-8")
        else:
            (dest / entry.name).symlink_to(entry)
    return dest


def main(argv: list[str]) -> int:
    if "--" not in argv or len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cut = argv.index("--")
    task, dataset, *opts = argv[:cut]
    command = argv[cut + 1 :]
    root = Path(dataset).resolve()
    scorer = root.parents[2] / "eval" / f"score_{task}.py"
    keep = tempfile.TemporaryDirectory()
    if "--wrap" in opts:
        k = opts.index("--wrap")
        width = int(opts[k + 1])
        del opts[k : k + 2]
        root = _rewritten(root, Path(keep.name) / "wrap" / root.name, lambda t: wrap_text(t, width))
    if "--marks" in opts:
        k = opts.index("--marks")
        style = opts[k + 1]
        del opts[k : k + 2]
        root = _rewritten(root, Path(keep.name) / "marks" / root.name, lambda t: marks_text(t, style))
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(gold)
    if task == "boilerplate":
        ext = "html" if "--html" in opts else "txt"
        files = [str(root / ext / f"{i}.{ext}") for i in ids]
        # the boilerplate scorer keys documents by file stem; the others by file name
        key = _stem
    else:
        files = [str(root / "docs")]
        key = os.path.basename
    out = subprocess.run(command + files, stdout=subprocess.PIPE, text=True, check=False)
    lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
    by_key: dict[str, list[str]] = {}
    for ln in lines:
        try:
            path = json.loads(ln).get("path", "")
        except json.JSONDecodeError:
            continue
        by_key.setdefault(key(path), []).append(ln)
    want = {gid: (_stem(gid) if task == "boilerplate" else gid) for gid in ids}
    for name, part in (("even", ids[0::2]), ("odd", ids[1::2])):
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            for entry in root.iterdir():
                if entry.name != "gold.json":
                    (t / entry.name).symlink_to(entry)
            (t / "gold.json").write_text(json.dumps({g: gold[g] for g in part}), encoding="utf-8")
            pred = t / "pred.jsonl"
            pred.write_text(
                "".join(ln + "\n" for g in part for ln in by_key.get(want[g], [])), encoding="utf-8"
            )
            extra = [o for o in opts if o != "--html"]
            named = ["--name", f"{root.name} {name}"] if task == "boilerplate" else []
            res = subprocess.run(
                [sys.executable, str(scorer), str(t), "--jsonl", str(pred), *named, *extra],
                stdout=subprocess.PIPE,
                text=True,
                check=False,
            )
            print(f"## {root.name} {name} half ({len(part)} documents)")
            print(res.stdout.rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
