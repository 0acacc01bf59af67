"""``reader show``: an article printed as the reading pane renders it, as plain text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLES

CLIP = """---
title: Rain returns
source: Field Report
---

# Rain returns

The *first* storm, said [Lucía Ferrer](https://example.org/ferrer).

- one
- two

| Town | mm |
| --- | --- |
| Vallejo | 38 |

```
x = 1
```

Esc \x1b]2;PWNED\x07 and [bold]markup[/] stay text.
"""


def show(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["show", str(path), *args]) == 0
    return capsys.readouterr().out


def test_show_prints_the_rendered_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clip.md"
    path.write_text(CLIP, encoding="utf-8")
    before = path.stat()
    out = show(path, capsys)
    lines = out.splitlines()
    assert lines[0].startswith("Field Report")
    assert "The first storm, said Lucía Ferrer¹." in lines
    assert "• one" in lines and "• two" in lines
    assert "Town    │ mm" in lines and "Vallejo │ 38" in lines
    assert "  x = 1" in lines
    assert "  1. Lucía Ferrer  https://example.org/ferrer" in lines
    assert "\x1b" not in out and "␛]2;PWNED" in out and "[bold]markup[/]" in out
    for marker in ("**", "](", "```", "| ---", "# "):
        assert marker not in out
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_show_keeps_to_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    out = show(SAMPLES / "longreads" / "the-last-ferry-to-inishkeel.txt", capsys, "--width", "40")
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "hidden:" in out or len(out.splitlines()) > 100


def test_show_names_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\0\1\2\0" * 50)
    assert main(["show", str(bad)]) == 1
    assert "bad.txt" in capsys.readouterr().err
    assert main(["show", os.fspath(tmp_path / "clip.md"), "--width", "3"]) == 2


def test_export_prints_the_clean_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clip.md"
    appeal = "\nSupport our journalism: donate today to keep us independent.\n"
    path.write_text(CLIP + appeal, encoding="utf-8")
    assert main(["export", str(path)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Rain returns\n\nThe *first* storm")
    assert "title:" not in md and "source: Field Report" not in md and "donate" not in md
    assert "\x1b" not in md and "| Vallejo | 38 |" in md
    assert main(["export", "--format", "txt", str(path)]) == 0
    txt = capsys.readouterr().out
    assert txt.startswith("Rain returns\n\nThe first storm, said Lucía Ferrer.")
    assert "- one" in txt and "**" not in txt and "donate" not in txt
