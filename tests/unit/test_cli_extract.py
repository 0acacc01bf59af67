"""``reader extract``: exit codes, stderr lines, order and the path field (CONTRACT.md)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from tests.conftest import ROOT

LINE = re.compile(r"^reader: (?P<path>.+): (?P<reason>[^\n]+)$")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], list[str]]:
    rc = main(["extract", *args])
    out, err = capsys.readouterr()
    return rc, [json.loads(line) for line in out.splitlines()], err.splitlines()


def _collection(root: Path) -> Path:
    for rel, text in {
        "b.txt": "Second Story\n\nMayor Tom Reyes said \"we are ready\" on Monday.\n",
        "a.md": "---\ntitle: First\n---\n# First\n\nBody text here.\n",
        "sub/c.txt": "Third\n\nMore body.\n",
        "sub/z.html": "<html><head><title>Z page</title></head><body><article><h1>Z page</h1>"
        "<p>A paragraph of text that is long enough to be kept as the article body by any extractor.</p>"
        "</article></body></html>",
    }.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root


def test_folder_all_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _collection(tmp_path / "c")
    rc, recs, err = _run(capsys, str(root))
    assert rc == 0 and err == []
    paths = [r["path"] for r in recs]
    assert paths == sorted(paths)
    assert paths == [str(root / p) for p in ("a.md", "b.txt", "sub/c.txt", "sub/z.html")]
    for r in recs:
        assert set(r) >= {"path", "title", "blocks", "people", "quotes"}
        for b in r["blocks"]:
            assert b["kind"] in {"title", "heading", "body", "caption", "byline", "boilerplate"}
            assert isinstance(b["hidden"], bool) and isinstance(b["text"], str)


def test_spans_point_into_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _collection(tmp_path / "c")
    rc, recs, _ = _run(capsys, str(root / "b.txt"), str(root / "a.md"))
    assert rc == 0
    for r in recs:
        src = Path(r["path"]).read_text()
        for b in r["blocks"]:
            assert src[b["start"]:b["end"]] == b["text"]
        for p in r["people"]:
            for s, e in p["mentions"]:
                assert 0 <= s < e <= len(src)
        for q in r["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(src)


def test_stable_order_and_dedup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _collection(tmp_path / "c")
    _, first, _ = _run(capsys, str(root / "sub"), str(root))
    _, again, _ = _run(capsys, str(root), str(root / "sub" / "c.txt"))
    assert first == again
    assert len(first) == 4


def test_relative_path_field(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    _collection(tmp_path / "c")
    monkeypatch.chdir(tmp_path)
    rc, recs, _ = _run(capsys, "c/sub")
    assert rc == 0 and [r["path"] for r in recs] == ["c/sub/c.txt", "c/sub/z.html"]


def test_nonexistent_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _collection(tmp_path / "c")
    missing = str(tmp_path / "nope.txt")
    rc, recs, err = _run(capsys, missing, str(root / "b.txt"))
    assert rc == 1
    assert [r["path"] for r in recs] == [str(root / "b.txt")]
    assert err == [f"reader: {missing}: no such file or folder"]


def test_failing_files_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _collection(tmp_path / "c")
    (root / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    rc, recs, err = _run(capsys, str(root), str(root / "notes.pdf"))
    assert rc == 1 and len(recs) == 4
    assert len(err) == 2
    parsed = [LINE.match(line) for line in err]
    assert all(parsed)
    assert {m["path"] for m in parsed if m} == {str(root / "bin.txt"), str(root / "notes.pdf")}
    assert any("binary" in line for line in err) and any("not a .txt" in line for line in err)


def test_empty_folder_is_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, str(tmp_path)) == (0, [], [])


@pytest.mark.parametrize(
    "args",
    [[], ["--format", "xml", "x.txt"], ["--bogus", "x.txt"], ["--max-bytes", "0", "x.txt"],
     ["--max-bytes", "-5", "x.txt"], ["--max-bytes", "lots", "x.txt"]],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["extract", *args])
    out, err = capsys.readouterr()
    assert rc == 2 and out == ""
    assert "usage:" in err and "Traceback" not in err


def test_max_bytes_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "long.txt"
    f.write_text("Title\n\n" + "word " * 1000)
    rc, recs, _ = _run(capsys, "--max-bytes", "100", str(f))
    assert rc == 0 and recs[0]["notices"] == ["truncated: only the first 100 bytes are shown"]
    assert recs[0]["blocks"][-1]["end"] <= 100


def test_odd_names_escaped_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"\x00\x00\x00\x00 binary")
    (tmp_path / "two\nlines\x1b[2J.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "good\u00e9.txt").write_text("Fine\n\nText.\n")
    rc, recs, err = _run(capsys, str(tmp_path))
    assert rc == 1
    assert [r["path"] for r in recs] == [str(tmp_path / "good\u00e9.txt")]
    assert len(err) == 2  # one line each: the newline in the name is escaped
    assert any(line.endswith("caf\\xe9.txt: binary file, not text") for line in err)
    assert any("two\\x0alines\\x1b[2J.txt" in line for line in err)
    assert all("\x1b" not in line for line in err)


def test_undecodable_name_in_path_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"Title\n\nBody.\n")
    rc, recs, _ = _run(capsys, str(tmp_path))
    assert rc == 0 and os.fsencode(recs[0]["path"]).endswith(b"caf\xe9.txt")


def test_extract_never_imports_textual(tmp_path: Path) -> None:
    root = _collection(tmp_path / "c")
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['extract', {str(root)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m == 'reader.ui')\n"
        "print(rc, bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip() == "0 []", proc.stderr


def test_sample_articles_all_ok(capsys: pytest.CaptureFixture[str]) -> None:
    rc, recs, err = _run(capsys, str(ROOT / "sample_articles"))
    assert (rc, err) == (0, [])
    assert len(recs) >= 12
    assert {os.path.splitext(r["path"])[1] for r in recs} == {".txt", ".md", ".html"}
    for r in recs:
        if not r["path"].endswith(".html"):
            src = Path(r["path"]).read_text(encoding="utf-8")
            assert all(src[b["start"]:b["end"]] == b["text"] for b in r["blocks"])
        assert r["blocks"], r["path"]
