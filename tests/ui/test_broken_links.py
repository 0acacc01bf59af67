"""A broken symbolic link is counted with the failed files and listed in F, saying it is broken."""

from __future__ import annotations

import os
from pathlib import Path

from reader.ui.screens.failures import FailuresScreen
from tests.ui.helpers import ready, screen_text


async def test_a_broken_link_is_counted_and_listed(collection: Path, make_app, tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", collection / "dead-link.txt")
    app = make_app(collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "2 failed" in screen_text(app).splitlines()[0]  # broken.txt and the link
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, FailuresScreen)
        shown = "\n".join(p.plain for p in app.screen.prompts)
        assert "dead-link.txt" in shown and "broken symbolic link" in shown
        assert "leads outside" not in shown
