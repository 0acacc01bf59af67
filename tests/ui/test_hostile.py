"""Hostile articles and file names: nothing from a page may act on the terminal or the app.

A collection of titles, names, URLs, speakers and people made of escape sequences,
Rich/Textual markup and bidi overrides is opened, and every screen a person can reach
is walked.  Every rendered segment is checked: no control, C1 or bidi character, no
``@click`` action and no OSC 8 link made from article text; nothing the app wrote to
the terminal sets the title or the clipboard with article text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import UNSAFE, Recorder, check_screen, check_terminal, ready

ESC_TITLE = "Hi \x1b]52;c;UFdORUQ=\x1b\\ \x1b]2;PWNED\x1b\\ there \x1bc\x1b[2J \u202eevil"
CLICK_TITLE = "News [@click=app.screenshot('x.txt','/tmp')]Read more[/] [@click=app.quit]q[/] [/]"
LINK_TITLE = "Link \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ [link=https://evil.example]l[/link]"

BODY = """\
Mayor [bold]Tomas[/bold] Berg\x1b[31m said on Tuesday that the council would act.

"We cannot wait \x1b]0;PWNED\x07 another [@click=app.quit]year[/]," Berg said at the meeting.

Engineer Maria \u202eHolm agreed with the plan, and Holm added: "The steel [/] is tired."
"""

MD = """\
---
title: "[/] Front \x1b]2;PWNED\x1b\\\\ matter [@click=app.quit]x[/]"
url: "https://example.org/[/]\x1b]2;PWNED\x07"
source: "[@click=app.quit]site[/]"
---

# Heading [/] \x1b[2J

"Markup [/] in a quote," said Ana [@click=app.quit]Ruiz[/].
"""

RENDERED = """\
# Rendered \x1b]2;PWNED\x07 [/]

See [the \x1b[31mstudy[/]](https://example.org/\x1b]2;PWNED\x07) and **[@click=app.quit]x[/]**.

- item \x1b]52;c;UFdORUQ=\x07 [bold]one[/]

| a\x1b[2J | [@click=app.quit]b[/] |
| --- | --- |
| \u202ec | d\x1bc |

```
code \x1b]2;PWNED\x07 [/] \x1b[2J
```

![alt \x1b]2;PWNED\x07 [/]](pic\x1b[2J.png)
"""


def _own(n: int) -> str:
    """A paragraph only file ``n`` has, longer than BODY: files that share BODY are not copies of
    one article (reader.library.copies), so each is listed with its own title."""
    return BODY + "\n" + " ".join(f"word{n}x{i}" for i in range(80)) + ".\n"


def hostile_collection(root: Path) -> Path:
    root.mkdir()
    (root / "escapes.txt").write_text(f"{ESC_TITLE}\n\n{_own(1)}", encoding="utf-8")
    (root / "click.txt").write_text(f"{CLICK_TITLE}\n\n{_own(2)}", encoding="utf-8")
    (root / "link.txt").write_text(f"{LINK_TITLE}\n\n{_own(3)}", encoding="utf-8")
    (root / "front.md").write_text(MD, encoding="utf-8")
    (root / "rendered.md").write_text(RENDERED, encoding="utf-8")
    (root / "name \x1b]2;PWNED\x07 [@click=app.quit]x[b].txt").write_text(_own(4), encoding="utf-8")
    (root / "a[b]c[@click=app.quit]d.txt").symlink_to(root / "gone.txt")  # dangling, named as markup
    (root / "sub[").mkdir()
    (root / "sub[" / "]x.txt").symlink_to(root / "gone-2.txt")  # its relative path holds "[/]"
    (root / "esc \x1b]2;T\x07.txt").symlink_to(root / "gone-too.txt")
    return root


#: one collection per defect: (relative path, text); a text of None makes a dangling symbolic link
CASES: dict[str, list[tuple[str, str | None]]] = {
    "escapes in a title": [("escapes.txt", f"{ESC_TITLE}\n\n{BODY}")],
    "markup actions in a title": [("click.txt", f"{CLICK_TITLE}\n\n{BODY}")],
    "hyperlinks in a title": [("link.txt", f"{LINK_TITLE}\n\n{BODY}")],
    "markup and escapes in front matter": [("front.md", MD)],
    "escapes in rendered links, lists, tables, code and images": [("rendered.md", RENDERED)],
    "escapes in a file name": [("name \x1b]2;PWNED\x07 x.txt", BODY)],
    "markup in a file name": [("n [@click=app.quit]x[b.txt", BODY), ("sub[/]x.txt", BODY)],
    "escapes in a failed file's name": [("gone \x1b]2;PWNED\x07.txt", None)],
    "markup in a failed file's name": [("a[b]c[@click=app.quit]d.txt", None), ("fail[/]y.txt", None)],
}


async def test_a_file_name_that_is_not_utf8_opens(tmp_path: Path, make_app: Any) -> None:
    import os

    root = tmp_path / "c"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), b"bad \xff\x1b]2;PWNED\x07 name.txt"), "wb") as f:
        f.write(f"Title \xff\n\n{BODY}".encode("utf-8", "surrogateescape"))
    (root / "dangling").mkdir()
    os.symlink(b"nowhere", os.path.join(os.fsencode(root / "dangling"), b"gone \xfe.txt"))
    app = make_app(root)
    recorder = Recorder()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        recorder.attach(app)
        await ready(pilot)
        check_screen(app, "start")
        lst = app.query_one(ArticleList)
        assert lst.count >= 1
        lst.focus()
        await pilot.press("enter")
        await pilot.pause()
        check_screen(app, "the article")
        assert app.main.pane.article is not None
        for key in ("p", "escape", "Q", "escape", "escape", "F"):
            await pilot.press(key)
            await pilot.pause()
            check_screen(app, f"after {key}")
        await pilot.press("escape")
        assert app.is_running and app.return_code in (None, 0)
    check_terminal(recorder)


@pytest.mark.parametrize("case", sorted(CASES))
async def test_each_hostile_case_is_inert(tmp_path: Path, make_app: Any, case: str) -> None:
    root = tmp_path / "c"
    root.mkdir()
    for name, text in CASES[case]:
        (root / name).parent.mkdir(exist_ok=True)  # "sub[/]x.txt": the relative path holds "[/]"
        if text is None:
            (root / name).symlink_to(root / "nowhere.txt")
        else:
            (root / name).write_text(text, encoding="utf-8")
    (root / "plain.txt").write_text("A Plain Title\n\nNothing odd here at all.\n", encoding="utf-8")
    app = make_app(root)
    recorder = Recorder()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        recorder.attach(app)
        await ready(pilot)
        check_screen(app, "start")
        lst = app.query_one(ArticleList)
        for i in range(lst.count):
            lst.focus()
            lst.cursor = i
            await pilot.press("enter")
            await pilot.pause()
            check_screen(app, f"{case}: article {i}")
            await pilot.click("#reading", offset=(4, 0))  # on the border title
            await pilot.pause()
            check_screen(app, f"{case}: article {i} after a click on its title")
            await pilot.press("escape")
        await pilot.press("F")
        await pilot.pause()
        check_screen(app, f"{case}: failed files")
        await pilot.press("escape")
        assert app.return_code in (None, 0)
        assert app.is_running
    check_terminal(recorder)


async def test_copied_quote_is_printable(tmp_path: Path, make_app: Any) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "q.txt").write_text(f"Title\n\n{BODY}", encoding="utf-8")
    app = make_app(root)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        lst = app.query_one(ArticleList)
        lst.focus()
        await pilot.press("enter", "Q", "enter", "y")
        await pilot.pause()
        assert "another" in app.clipboard
        assert UNSAFE.search(app.clipboard) is None


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return hostile_collection(tmp_path / "hostile")


async def test_hostile_collection_stays_inert(hostile: Path, make_app: Any) -> None:
    app = make_app(hostile)
    recorder = Recorder()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        recorder.attach(app)
        await ready(pilot)
        check_screen(app, "start")
        lst = app.query_one(ArticleList)
        assert lst.count >= 5
        for i in range(lst.count):
            lst.focus()
            lst.cursor = i
            await pilot.press("enter")
            await pilot.pause()
            check_screen(app, f"article {i}")
            for key in ("p", "Q", "L"):
                await pilot.press(key)
                await pilot.pause()
                check_screen(app, f"article {i} panel {key}")
                await pilot.press("enter")
                await pilot.pause()
                check_screen(app, f"article {i} after {key}")
            await pilot.press("y")
            await pilot.pause()
            assert UNSAFE.search(app.clipboard) is None
            await pilot.press("o")
            await pilot.pause()
            check_screen(app, f"article {i} after o")
            await pilot.press("escape")
        for key in ("F", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            check_screen(app, f"panel {key}")
            await pilot.press("escape")
        app.action_command_palette()
        await pilot.pause()
        check_screen(app, "palette")
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code in (None, 0)
        await pilot.press("q")
    check_terminal(recorder)
