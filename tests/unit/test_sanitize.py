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
