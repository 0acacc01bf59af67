"""The one way a string from an article, a file name, a URL or the cache reaches Textual.

Textual parses a plain ``str`` given to a border title, a toast, a label or the
command palette as markup: ``[@click=app.quit]`` would become an action and
``[/]`` a crash.  Rich passes ESC and other controls straight to the terminal.
So such strings are turned into :class:`textual.content.Content` here, after
:mod:`reader.sanitize` has made every control, bidi and surrogate character
visible.  The reading pane's body goes through :mod:`reader.ui.render` instead
(same sanitiser, spans kept).
"""

from __future__ import annotations

from textual.content import Content

from reader.sanitize import one_line


def line(text: str) -> Content:
    """Article text (a title, a name, a notice) as inert content on one line."""
    return Content(one_line(text))
