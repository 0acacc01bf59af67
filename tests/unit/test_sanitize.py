from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import has_unsafe, inert


def test_escape_sequences_become_visible() -> None:
    s = "a\x1b[2Jb\x1b]52;c;aGk=\x07c\u202eevil"
    out = inert(s)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert len(out) == len(s)
    assert out.startswith("a\u241b[2Jb")


@given(st.text())
def test_inert_keeps_length_and_removes_unsafe(s: str) -> None:
    out = inert(s)
    assert len(out) == len(s)
    assert not has_unsafe(out)


def test_escaped_keeps_a_message_on_one_line() -> None:
    from reader.sanitize import escaped

    assert escaped("plain.txt") == "plain.txt"
    assert escaped("a\nb\x1b[2J.txt") == "a\\x0ab\\x1b[2J.txt"
    assert escaped("caf\udce9.txt") == "caf\\xe9.txt"  # a file-name byte that is not UTF-8


def test_search_prints_article_text_inert(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.cli import main

    (tmp_path / "a.txt").write_text("Harbour \x1b]0;pwned\x07 news\n\nThe harbour bridge \x1b[2J will close, "
                                    "Mayor Ann Lee said on Monday in the town hall.\n", encoding="utf-8")
    assert main(["search", "harbour", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "harbour" in out.lower() and "\x1b" not in out and "\x07" not in out
