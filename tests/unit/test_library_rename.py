"""Read and star marks follow a file renamed or moved inside the collection (matched by content)."""

from __future__ import annotations

from pathlib import Path

import reader

TEXT = ("Harbour pickers return\n\nThe harbour pickers went back to the sheds on Monday after a week "
        "of talks with the cooperative about late pay and the length of the night shift.\n")


def test_state_follows_a_renamed_and_a_moved_file(tmp_path: Path) -> None:
    coll = tmp_path / "c"
    coll.mkdir()
    (coll / "a.txt").write_text(TEXT, encoding="utf-8")
    (coll / "b.txt").write_text(TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    (coll / "other.txt").write_text(TEXT.replace("harbour", "river"), encoding="utf-8")
    with reader.open_library(coll, data_dir=tmp_path / "d", cache_dir=tmp_path / "k") as lib:
        lib.refresh()
        lib.state.set_read("a.txt", True)
        lib.state.set_starred("b.txt", True)
        (coll / "a.txt").rename(coll / "renamed.txt")
        (coll / "sub").mkdir()
        (coll / "b.txt").rename(coll / "sub" / "b.txt")
        counts = lib.refresh()
        assert sorted(counts.moved) == [("a.txt", "renamed.txt"), ("b.txt", "sub/b.txt")]
        assert lib.state.get("renamed.txt").read
        assert lib.state.get("sub/b.txt").starred
        assert not lib.state.get("other.txt").read
        assert not lib.state.get("a.txt").read  # the old path keeps nothing behind


def test_a_changed_file_under_a_new_name_is_no_move(tmp_path: Path) -> None:
    coll = tmp_path / "c"
    coll.mkdir()
    (coll / "a.txt").write_text(TEXT, encoding="utf-8")
    with reader.open_library(coll, data_dir=tmp_path / "d", cache_dir=tmp_path / "k") as lib:
        lib.refresh()
        lib.state.set_read("a.txt", True)
        (coll / "a.txt").unlink()
        (coll / "new.txt").write_text(TEXT.replace("Monday", "Sunday"), encoding="utf-8")
        assert lib.refresh().moved == ()
        assert not lib.state.get("new.txt").read
