"""The folder watch (inotify): it says when an article file or a folder changes, and nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.watch import FolderWatch, open_watch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("A first note.\n", encoding="utf-8")
    return root


@pytest.fixture
def watch(folder: Path) -> Iterator[FolderWatch]:
    w = open_watch(str(folder))
    assert w is not None
    yield w
    w.close()


def test_watches_the_tree_but_not_hidden_folders(watch: FolderWatch) -> None:
    assert watch.folders == 2  # the root and sub/, not .hidden/
    assert watch.changed() is False


def test_article_files_added_written_renamed_removed(folder: Path, watch: FolderWatch) -> None:
    (folder / "b.md").write_text("# B\n", encoding="utf-8")
    assert watch.changed() is True
    assert watch.changed() is False  # the queue was read
    with open(folder / "a.txt", "a", encoding="utf-8") as f:
        f.write("More.\n")
    assert watch.changed() is True
    os.rename(folder / "a.txt", folder / "sub" / "a.txt")
    assert watch.changed() is True
    (folder / "sub" / "a.txt").unlink()
    assert watch.changed() is True


def test_other_files_and_hidden_ones_are_not_changes(folder: Path, watch: FolderWatch) -> None:
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    (folder / ".a.txt.swp").write_bytes(b"swap")
    (folder / ".hidden" / "x.txt").write_text("hidden\n", encoding="utf-8")
    assert watch.changed() is False


def test_a_new_folder_is_watched_from_its_event_on(folder: Path, watch: FolderWatch) -> None:
    (folder / "new").mkdir()
    assert watch.changed() is True
    assert watch.folders == 3
    (folder / "new" / "c.html").write_text("<p>c</p>", encoding="utf-8")
    assert watch.changed() is True


def test_a_one_file_collection_hears_only_its_file(folder: Path) -> None:
    w = open_watch(str(folder / "a.txt"))
    assert w is not None
    try:
        (folder / "other.txt").write_text("x\n", encoding="utf-8")
        assert w.changed() is False
        (folder / "a.txt").write_text("changed\n", encoding="utf-8")
        assert w.changed() is True
    finally:
        w.close()
        w.close()  # twice is harmless


def test_the_root_removed_is_a_change(tmp_path: Path) -> None:
    root = tmp_path / "gone"
    root.mkdir()
    w = open_watch(str(root))
    assert w is not None
    root.rmdir()
    assert w.changed() is True
    w.close()


def test_a_link_to_a_folder_outside_is_not_watched(tmp_path: Path, folder: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    w = open_watch(str(folder))
    assert w is not None
    try:
        assert w.folders == 2
        (outside / "x.txt").write_text("x\n", encoding="utf-8")
        assert w.changed() is False
    finally:
        w.close()
    followed = open_watch(str(folder), follow_symlinks=True)
    assert followed is not None
    assert followed.folders == 3
    followed.close()
