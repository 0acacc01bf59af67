"""Time to render a generated 3,000-word Markdown article: display blocks, then the pane's layout.

The article mixes headings, paragraphs with emphasis, links and code, lists, quotes, a code
block, a table and images.  Prints the best of N runs of ``markdown_blocks`` (markdown-it's
parse included), of ``text_blocks`` on the same text, and of what the reading pane does when an
article opens (``reading_layout.prepare`` at a 92-cell measure: display blocks, views, link
numbers and every line measured) plus styling one 40-line screen; the target is under 30 ms.

    python bench/bench_display.py [--repeat N] [--words N]
"""

from __future__ import annotations

import argparse
import random
import time

from reader.ingest.display import text_blocks
from reader.ingest.display_md import markdown_blocks

WORDS = ["the", "council", "said", "its", "plan", "for", "the", "harbour", "would", "cost", "more", "than",
         "expected", "and", "that", "talks", "with", "the", "union", "went", "on", "late", "into", "the",
         "night", "while", "residents", "asked", "for", "answers"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    for i in rng.sample(range(n), min(3, n)):
        w = words[i]
        words[i] = rng.choice([f"**{w}**", f"*{w}*", f"`{w}`", f"[{w}](https://example.org/{w})", w])
    return " ".join(words).capitalize() + "."


def article(words: int, seed: int = 1) -> str:
    """A Markdown article of about ``words`` words, the same for the same seed."""
    rng = random.Random(seed)
    parts, count, section = ["# A generated article\n"], 0, 0
    while count < words:
        section += 1
        parts.append(f"## Section {section}\n")
        for _ in range(3):
            para = " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
            parts.append(para + "\n")
            count += len(para.split())
        parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(3)) + "\n")
        parts.append("> " + sentence(rng, 15) + "\n> " + sentence(rng, 10) + "\n")
        if section % 3 == 0:
            parts.append("```python\ndef total(xs):\n    return sum(xs)\n```\n")
            parts.append("| Name | Role |\n| --- | --- |\n| Ana Ruiz | *mayor* |\n| Tom Berg | union |\n")
            parts.append(f"![A photo of section {section}](photo{section}.jpg \"Caption {section}\")\n")
        count += 45
    return "\n".join(parts)


def best(fn: object, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--words", type=int, default=3000)
    args = ap.parse_args()
    text = article(args.words)
    blocks = markdown_blocks(text)  # warm: builds the parser once
    md = best(markdown_blocks, text, args.repeat)
    txt = best(text_blocks, text, args.repeat)
    print(f"{len(text.split())} words, {len(text)} characters, {len(blocks)} blocks")
    print(f"markdown_blocks: {md * 1000:.2f} ms (best of {args.repeat})")
    print(f"text_blocks:     {txt * 1000:.2f} ms")
    from reader.analysis import analyse
    from reader.ingest import load_bytes
    from reader.ui.widgets.reading_layout import line_text, prepare

    art = analyse(load_bytes("bench.md", text.encode(), "markdown"))

    def render(_: str) -> None:
        layout = prepare(art, {}, 92).layout
        assert layout is not None
        for y in range(min(40, layout.height)):
            found = layout.locate(y)
            if found is not None:
                line_text(found[0], found[1], 92, {}, [])

    rendered = best(render, text, args.repeat)
    print(f"open in the pane (prepare + one screen styled): {rendered * 1000:.2f} ms")


if __name__ == "__main__":
    main()
