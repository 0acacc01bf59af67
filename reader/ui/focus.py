"""Move the focus at once, so keys typed in the same burst go where the user meant.

``Widget.focus()`` moves the focus later (``call_later``): keys already waiting
in the queue (a fast typist, a paste, a key pressed during a slow load) still
reach the widget that had it, so ``/`` followed at once by words typed them into
the list.  ``focus_now`` sets it before the next event is handled.  It helps only
when the key that moves the focus is handled by the app itself (a priority
binding): a key forwarded to a widget is handled after the app has forwarded the
keys behind it.
"""

from __future__ import annotations

import contextlib

from textual.dom import NoScreen
from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Give ``widget`` the focus before the next key is handled (and again after the next frame,
    for a widget that is being shown now and cannot take it yet)."""
    with contextlib.suppress(NoScreen):
        widget.screen.set_focus(widget)
    widget.call_after_refresh(widget.focus)
