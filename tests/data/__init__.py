"""Builders of bad inputs: each writes one hostile file into a folder and returns its path.

The files are made at test time (nothing large is stored in the repository).
``HOSTILE`` maps a case name to its builder; every builder takes the target
folder and returns the path it wrote (or the path it left dangling).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Builder = Callable[[Path], Path]

ESCAPES = (
    "Before \x1b[2J cleared \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 and a clipboard "
    "\x1b]52;c;ZWNobyBoaQ==\x07 write; bell \x07 backspace \x08 and C1 \x9b2J.\n"
)
MARKUP = (
    "Rich Markup Test\n\n"
    "The minister said [bold red]nothing[/] at all, [link=https://example.com]click[/link] "
    "and [@click=app.quit]quit[/] or [/] or [b]unclosed and \\[escaped] [.]\n"
)
BIDI = (
    "Bidi and Invisible Characters\n\n"
    "Invoice \u202efdp.exe\u202c is safe, said Dr. Ana Ruiz.\n"
    "Zero\u200bwidth\u200c joiners\u200d and \u2066isolates\u2069 and \ufeffBOM inside.\n"
)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def empty(folder: Path) -> Path:
    return _write(folder, "empty.txt", b"")


def png(folder: Path) -> Path:
    return _write(folder, "picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


def nul_bytes(folder: Path) -> Path:
    return _write(folder, "nuls.md", b"Title\n\n" + b"ab\x00cd\x00" * 2000)


def invalid_utf8(folder: Path) -> Path:
    return _write(folder, "invalid-utf8.txt", b"Caf\xc3 au lait \xff\xfe\xfd broken \xe2\x82 end.\n")


def utf16(folder: Path) -> Path:
    text = "Zürich Talks\n\n“We agree,” said Finance Minister Lena Vogt.\n"
    return _write(folder, "utf16.txt", text.encode("utf-16"))


def cp1252(folder: Path) -> Path:
    text = "Café Society\n\n\u201cIt’s fine\u201d \u2013 said Jos\u00e9 Pe\u00f1a, costing \u20ac5.\n"
    return _write(folder, "cp1252.txt", text.encode("cp1252"))


def huge_line(folder: Path, size: int = 50_000_000) -> Path:
    path = folder / "huge-line.txt"
    chunk = b"word " * 200_000  # 1 MB, no newline anywhere
    with open(path, "wb") as f:
        for _ in range(size // len(chunk)):
            f.write(chunk)
    return path


def million_lines(folder: Path) -> Path:
    return _write(folder, "million-lines.txt", b"a\n" * 1_000_000)


def many_quotes(folder: Path) -> Path:
    return _write(folder, "quotes.txt", ('Quote Storm\n\n' + '"' * 20_000 + "\u201c" * 5000
                                         + "\u2018" * 5000 + "\n" + '" "' * 5000).encode())


def unterminated_quote(folder: Path) -> Path:
    body = "Open Quote\n\n\u201cThis quote never ends, said Mr. Kim Lee " + "and goes on " * 5000 + "\n"
    return _write(folder, "unterminated.txt", body.encode())


def deep_markdown(folder: Path, depth: int = 10_000) -> Path:
    text = "# Deep\n\n" + "> " * depth + "- " * depth + "text\n" + "[" * depth + "x" + "]" * depth
    return _write(folder, "deep.md", text.encode())


def deep_html(folder: Path, depth: int = 100_000) -> Path:
    text = "<html><body>" + "<div>" * depth + "<p>Deep text said Ann Lee.</p>" + "</div>" * depth
    return _write(folder, "deep.html", (text + "</body></html>").encode())


def rich_markup(folder: Path) -> Path:
    return _write(folder, "markup.txt", MARKUP.encode())


def terminal_escapes(folder: Path) -> Path:
    return _write(folder, "escapes.txt", ("Escapes\n\n" + ESCAPES).encode())


def bidi(folder: Path) -> Path:
    return _write(folder, "bidi.txt", BIDI.encode())


def long_words(folder: Path) -> Path:
    text = "Long\n\n" + "x" * 200_000 + " " + "Ab" * 50_000 + " Ana" + "Ruiz" * 20_000 + "\n"
    return _write(folder, "long-words.txt", text.encode())


def many_names(folder: Path, n: int = 700) -> Path:
    """``n`` lines, each with two different invented two-word names and a quote (~70 bytes a line)."""
    import random
    import string

    rnd = random.Random(n)

    def name() -> str:
        return rnd.choice(string.ascii_uppercase) + "".join(rnd.choices(string.ascii_lowercase, k=6))

    lines = ["Names"] + [f'{name()} {name()} said "quote number {i}" and {name()} {name()} agreed.'
                         for i in range(n)]
    return _write(folder, "many-names.txt", "\n\n".join(lines).encode())


def repeated_name(folder: Path, n: int = 4000) -> Path:
    """One person named ``2 * n`` times in one paragraph (about 19 bytes per repetition)."""
    return _write(folder, "repeated-name.txt", ("Title\n\n" + "Ana Ruiz met Ruiz. " * n).encode())


def unreadable(folder: Path) -> Path:
    path = _write(folder, "unreadable.txt", b"Secret\n\nYou cannot read this.\n")
    path.chmod(0)
    return path


def symlink_cycle(folder: Path) -> Path:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "inside.txt").write_text("Inside\n\nA file inside a looping folder.\n")
    os.symlink("..", loop / "up")
    os.symlink(".", loop / "self")
    return loop


def vanished(folder: Path) -> Path:
    """A path that discovery may have listed but which no longer exists."""
    return folder / "vanished.txt"


HOSTILE: dict[str, Builder] = {
    "empty": empty,
    "png": png,
    "nul_bytes": nul_bytes,
    "invalid_utf8": invalid_utf8,
    "utf16": utf16,
    "cp1252": cp1252,
    "million_lines": million_lines,
    "many_quotes": many_quotes,
    "unterminated_quote": unterminated_quote,
    "deep_markdown": deep_markdown,
    "deep_html": deep_html,
    "rich_markup": rich_markup,
    "terminal_escapes": terminal_escapes,
    "bidi": bidi,
    "long_words": long_words,
}
