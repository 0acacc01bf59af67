"""Snapshot tests at fixed sizes, on a fixed collection written into tmp_path, in a fixed theme."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import open_article, ready


async def settle(pilot) -> None:
    """Let layout, scrolling and after-refresh callbacks finish before the screenshot."""
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):
        await pilot.pause()


def _opening(name: str, *keys: str):
    async def run_before(pilot) -> None:
        await ready(pilot)
        if name:
            await open_article(pilot, name)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)

    return run_before


def test_main_screen(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection), terminal_size=(120, 40),
                        run_before=_opening("harbour-bridge.txt"))


def test_narrow(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection), terminal_size=(80, 24),
                        run_before=_opening("harbour-bridge.txt"))


def test_folds_expanded(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection), terminal_size=(120, 40),
                        run_before=_opening("harbour-bridge.txt", "z", "G"))


def test_search_results(snap_compare, collection: Path, make_app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot)
        for key in ("slash", *"harbour"):
            await pilot.press(key)
        await settle(pilot)

    assert snap_compare(make_app(collection), terminal_size=(120, 40), run_before=run_before)


def test_people_panel(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection), terminal_size=(120, 40),
                        run_before=_opening("harbour-bridge.txt", "p"))


def test_help(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection), terminal_size=(120, 40),
                        run_before=_opening("", "question_mark"))


def test_light_theme(snap_compare, collection: Path, make_app) -> None:
    assert snap_compare(make_app(collection, theme="textual-light"), terminal_size=(120, 40),
                        run_before=_opening("harbour-bridge.txt", "slash", "B", "e", "r", "g"))


def _clip_collection(tmp_path: Path) -> Path:
    root = tmp_path / "clip"
    root.mkdir()
    text = (Path(__file__).parent / "every_block_clip.md").read_text(encoding="utf-8")
    (root / "every-block.md").write_text(text, encoding="utf-8")
    return root


def test_rendered_clip_narrow(snap_compare, tmp_path: Path, make_app) -> None:
    """A web clip with every block type, rendered (no Markdown syntax), at 80x24."""
    assert snap_compare(make_app(_clip_collection(tmp_path)), terminal_size=(80, 24),
                        run_before=_opening("every-block.md"))


def test_rendered_clip_wide(snap_compare, tmp_path: Path, make_app) -> None:
    """The same clip at 120x40, scrolled to its table, code block, image and rule."""
    assert snap_compare(make_app(_clip_collection(tmp_path)), terminal_size=(120, 40),
                        run_before=_opening("every-block.md", "space"))
