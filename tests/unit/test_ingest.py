"""Ingest: discovery, decoding and front matter, on files written into tmp_path."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.errors import ArticleError, UnsupportedFormat
from reader.ingest import DEFAULT_MAX_BYTES, discover, format_of, load, load_bytes
from reader.ingest.decode import cut, decode
from reader.ingest.markdown import parse_front_matter

TEXT = "Café Talks\n\n“It’s done,” said Dr. Ana Ruiz – at €5.\n"


def _tree(root: Path) -> None:
    for rel in ("b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "sub/deeper/e.markdown",
                ".hidden/x.txt", "sub/.git/y.md", ".dotfile.txt", "notes.pdf", "image.png"):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Title\n\nBody.\n")


def test_discover_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [os.path.relpath(p, tmp_path) for p in discover(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm", "sub/deeper/e.markdown"]


def test_discover_file_root_yields_itself(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("x")
    assert list(discover(f)) == [str(f)]


def test_discover_symlink_cycle_terminates(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    os.symlink("..", tmp_path / "a" / "up")
    os.symlink(".", tmp_path / "a" / "self")
    os.symlink(str(tmp_path / "a"), tmp_path / "link-to-a")
    found = list(discover(tmp_path))
    assert len(found) == 1 and found[0].endswith("x.txt")


def test_discover_reports_unreadable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("x")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        errors: list[tuple[str, str]] = []
        assert list(discover(tmp_path, on_error=lambda p, r: errors.append((p, r)))) == []
        assert errors and errors[0][0] == str(locked)
    finally:
        locked.chmod(0o755)


def test_format_of() -> None:
    assert format_of("a/B.TXT") == "text"
    assert format_of("x.Markdown") == "markdown"
    assert format_of("x.htm") == "html"
    assert format_of("x.pdf") is None and format_of("README") is None


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: NULs on every other byte
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16be-bom", "utf16le-nobom", "cp1252", "crlf", "cr-cp1252"],
)
def test_decode_variants(data: bytes) -> None:
    assert decode(data) == TEXT


def test_decode_latin1_and_cp1252_undefined_bytes() -> None:
    assert decode("Señor Müller".encode("latin-1")) == "Señor Müller"
    # 0x81 and 0x9d are undefined in cp1252: read as their latin-1 code points, never an error
    assert decode(b"caf\xe9 \x81\x9d") == "café \x81\x9d"


def test_decode_mostly_utf8_with_stray_bytes_keeps_utf8() -> None:
    data = "Zürich, Genève and Kraków. ".encode() * 5 + b"\x96 stray dash"
    out = decode(data)
    assert out.startswith("Zürich, Genève and Kraków.") and out.endswith("– stray dash")


def test_decode_binary_refused() -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "p.txt")
    with pytest.raises(ArticleError, match="binary"):
        decode(b"ab\x00\x00\x00cd" * 100)
    # a stray NUL in a long text is kept (spans must match the file); the renderer shows it inert
    assert decode(b"long text " * 50 + b"\x00" + b"more").count("\x00") == 1
    assert decode(b"") == ""


def test_cut_never_splits_a_character() -> None:
    data = "a€é😀".encode() * 10
    for n in range(1, len(data)):
        part = cut(data, n)
        assert len(part) <= n and n - len(part) <= 3
        part.decode("utf-8")  # strict: no half character left
    # bytes that only look like continuation bytes (cp1252 ©©©): at most 3 are dropped
    assert len(cut(b"\xa9" * 1000, 500)) >= 497
    assert len(cut(TEXT.encode("utf-16"), 11)) == 10


def test_truncated_file_has_notice_and_stays_utf8(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes("Zürich €\n".encode() * 2000)
    doc = load(str(f), max_bytes=1001)
    assert doc.notices == ("truncated: only the first 1001 bytes are shown",)
    assert doc.source.startswith("Zürich €") and "Ã" not in doc.source
    assert load_bytes("x.txt", b"x" * (DEFAULT_MAX_BYTES + 1), "text").notices == (
        "truncated: only the first 5 MB are shown",
    )
    assert load(str(f)).notices == ()


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat):
        load(str(tmp_path / "x.pdf"))
    with pytest.raises(ArticleError, match="no such file"):
        load(str(tmp_path / "gone.txt"))
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    with pytest.raises(ArticleError, match="broken symbolic link"):
        load(str(tmp_path / "dangling.txt"))
    d = tmp_path / "folder.txt"
    d.mkdir()
    with pytest.raises(ArticleError, match="folder"):
        load(str(d))


def test_load_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        load(str(fifo))


def test_odd_file_names(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(b"Title\n\nBody.\n")
    (tmp_path / "two\nlines.md").write_text("Title\n\nBody.\n")
    found = list(discover(tmp_path))
    assert len(found) == 2
    for path in found:
        assert load(path).source == "Title\n\nBody.\n"


FRONT = """---
title: "Rates: the long pause"
author: Ana Ruiz
date: 2024-03-01T09:30:00Z
url: https://example.org/a?b=1
tags:
  - economy
  - "central banks"
source: [web, clipper]
---
# Rates: the long pause

Body.
"""


def test_front_matter_fields() -> None:
    meta, offset = parse_front_matter(FRONT)
    assert meta == {"title": "Rates: the long pause", "author": "Ana Ruiz", "date": "2024-03-01T09:30:00Z",
                    "url": "https://example.org/a?b=1", "tags": "economy, central banks",
                    "source": "web, clipper"}
    assert FRONT[offset:].startswith("# Rates")
    doc = load_bytes("a.md", FRONT.replace("\n", "\r\n").encode("utf-8-sig"), "markdown")
    assert doc.meta == meta and doc.source[doc.body_start:].startswith("# Rates")


@pytest.mark.parametrize("text", ["---\nJust a rule\n---\ntext", "no front matter", "---\ntitle: x\n",
                                  "", "---", "---\n---\n"])
def test_not_front_matter(text: str) -> None:
    assert parse_front_matter(text) == ({}, 0)


def test_front_matter_with_dots_end() -> None:
    meta, offset = parse_front_matter("---\ntags: [a, 'b c']\n...\nBody")
    assert meta == {"tags": "a, b c"} and offset == 25


def test_size_cap_comes_from_the_environment() -> None:
    import subprocess
    import sys

    code = "import reader.config as c; print(c.max_bytes())"
    env = {"READER_MAX_BYTES": "20000", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "20000"
    env["READER_MAX_BYTES"] = "nonsense"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "5000000"
