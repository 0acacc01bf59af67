"""Headline accuracy on the two boilerplate dev sets, by half, for text dumps and HTML.

    python bench/bench_titles.py [-- COMMAND ...]   (default: .venv/bin/reader extract --format jsonl)

Three figures per set, format and half (documents sorted by id; even and odd positions):

- ``h1``: against the page's displayed headline, taken from its HTML as the one ``<h1>`` whose
  longer words the ``og:title`` or ``<title>`` mostly hold (pages without such an ``<h1>`` are
  left out).  An automatic stand-in for headline gold, which the AEB set lacks; it is biased
  towards ``<h1>``-based titles, so read it beside the other two.
- ``gold``: against ``readability_dev``'s own gold titles (Readability's ``<title>``-based ones:
  site names and authors left on count against a clean headline).
- ``agree``: how often the text dump and the HTML page of one article get the same title.

``--no-page-title`` scores copies of the text dumps without their first line (the page's
``<title>``, which a dump made by another tool may not print), to see the headline found from
the page alone.

Matching is the shared scorer's ``title_right``.  Needs ``../shared``; prints, never asserts.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT.parent / "shared" / "corpus" / "boilerplate"
_LONG = re.compile(r"\w{4,}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _LONG.findall(text or "")}


def h1_headline(path: Path) -> str | None:
    """The page's one <h1> that its og:title or <title> agrees with (60% of its longer words)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(path.read_bytes().decode("utf-8", "replace"))
    except (ValueError, lxml.etree.ParserError):
        return None
    told = " ".join(tree.xpath('//meta[@property="og:title"]/@content') + tree.xpath("//title/text()"))
    heads = dict.fromkeys(" ".join(h.text_content().split()) for h in tree.iter("h1"))
    agree = [h for h in heads if len(h.split()) >= 2 and _words(h)
             and len(_words(h) & _words(told)) >= 0.6 * len(_words(h))]
    return agree[0] if len(agree) == 1 else None


def titles(command: list[str], files: list[Path]) -> dict[str, str | None]:
    out = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {Path(r["path"]).stem: r.get("title") for r in rows}


def _without_first_line(files: list[Path], dest: Path) -> list[Path]:
    """Copies of ``files`` in ``dest`` without their first non-blank line."""
    out = []
    for f in files:
        lines = f.read_text(encoding="utf-8", errors="replace").split("\n")
        first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
        (dest / f.name).write_text("\n".join(lines[first + 1 :]), encoding="utf-8")
        out.append(dest / f.name)
    return out


def main(argv: list[str]) -> int:
    import tempfile

    bare = "--no-page-title" in argv[: argv.index("--")] if "--" in argv else "--no-page-title" in argv
    tmp = tempfile.TemporaryDirectory()
    command = argv[argv.index("--") + 1:] if "--" in argv else [str(ROOT / ".venv/bin/reader"), "extract",
                                                                 "--format", "jsonl"]
    if not SETS.is_dir():
        print(f"missing: {SETS}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(SETS.parent.parent / "eval"))
    from score_boilerplate import title_right  # type: ignore[import-not-found]

    for name in ("dev", "readability_dev"):
        base = SETS / name
        gold = json.loads((base / "gold.json").read_text(encoding="utf-8"))
        html = sorted((base / "html").glob("*.html"))
        heads = {p.stem: h1_headline(p) for p in html}
        txt = sorted((base / "txt").glob("*.txt"))
        if bare:
            (Path(tmp.name) / name).mkdir()
            txt = _without_first_line(txt, Path(tmp.name) / name)
        got = {"txt": titles(command, txt), "html": titles(command, html)}
        ids = sorted(gold)
        for half, part in (("even", ids[0::2]), ("odd", ids[1::2])):
            cells = []
            for ext in ("txt", "html"):
                pred = got[ext]
                with_h1 = [i for i in part if heads.get(i)]
                right = sum(title_right(pred.get(i), heads[i]) for i in with_h1)
                cells.append(f"{ext} h1 {right}/{len(with_h1)}")
                with_gold = [i for i in part if (gold[i].get("title") or "").strip()]
                if with_gold:
                    right = sum(title_right(pred.get(i), gold[i]["title"]) for i in with_gold)
                    cells.append(f"gold {right}/{len(with_gold)}")
            both = [i for i in part if got["txt"].get(i) and got["html"].get(i)]
            agree = sum(title_right(got["txt"][i], got["html"][i]) for i in both)
            cells.append(f"agree {agree}/{len(part)}")
            print(f"{name:16} {half:4}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
