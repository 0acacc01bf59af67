"""Open an article's address in a browser: http(s) only, never blocking the app.

An address comes from the page, so it is checked before anything runs:
``javascript:``, ``file:``, an option such as ``--version``, or text with spaces,
newlines or escape characters is refused with the reason.  A graphical browser
is started from a worker thread; a console browser (lynx, w3m, ``$BROWSER``
without ``&``) needs the terminal, so the app is suspended while it runs.
"""

from __future__ import annotations

import webbrowser
from urllib.parse import urlsplit

from reader.sanitize import has_unsafe

#: longer addresses are refused: no real article address needs more
MAX_URL = 4096


def url_problem(url: str) -> str | None:
    """Why ``url`` must not be opened, or None when it is a plain http(s) address."""
    if not url:
        return "the article has no address"
    if len(url) > MAX_URL:
        return "the address is too long"
    if has_unsafe(url) or any(c.isspace() for c in url):
        return "the address holds spaces or control characters"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the address is not well formed"
    if parts.scheme.lower() not in ("http", "https"):
        return "only http and https addresses are opened"
    if not parts.hostname:
        return "the address names no host"
    return None


def needs_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """True for a console browser, which takes over the terminal until it ends."""
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.GenericBrowser):
        return True
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return False


def find_browser() -> webbrowser.BaseBrowser | None:
    """The user's browser as :mod:`webbrowser` finds it ($BROWSER first), or None."""
    try:
        return webbrowser.get()
    except webbrowser.Error:
        return None


def opened(browser: webbrowser.BaseBrowser, url: str) -> bool:
    """Ask ``browser`` to open ``url``; False when it could not be started."""
    try:
        return bool(browser.open(url))
    except (OSError, webbrowser.Error):
        return False
