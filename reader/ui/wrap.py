"""Word wrap on plain strings, by terminal cells: where each display line starts and ends.

No styling happens here, so a 5 MB paragraph wraps in tens of milliseconds and a caller can style
only the lines it shows.  Lines break at newlines, else after the last space that fits, else
(a word longer than the line) at the width; the spaces at a break are dropped, as Rich does.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """``[start, end)`` indices into ``text`` of each line when wrapped to ``width`` cells."""
    width = max(width, 1)
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if end - start <= width and line.isascii():
            out.append((start, end))
        else:
            _wrap_line(text, start, end, width, out)
        start = end + 1
    return out


def wrap_height(text: str, width: int) -> int:
    """``len(wrap_spans(text, width))``, without building the lines when no line is too long."""
    width = max(width, 1)
    if len(text) <= width and text.isascii():
        return text.count("\n") + 1
    if "\n" in text and text.isascii() and max(map(len, text.split("\n"))) <= width:
        return text.count("\n") + 1
    return len(wrap_spans(text, width))


def _wrap_line(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Append the wrapped pieces of ``text[start:end]`` (which holds no newline) to ``out``."""
    pos = start
    while True:
        fit = _fit(text, pos, end, width)  # text[pos:fit] fills at most ``width`` cells
        if fit >= end:
            out.append((pos, end))
            return
        cut = text.rfind(" ", pos + 1, fit + 1)  # a space right after a full line is a break too
        if cut > pos:
            stop = cut
            while stop > pos and text[stop - 1] == " ":
                stop -= 1
            out.append((pos, stop if stop > pos else cut))
            pos = cut + 1
            while pos < end and text[pos] == " ":
                pos += 1
            if pos >= end:
                return
        else:
            out.append((pos, max(fit, pos + 1)))
            pos = max(fit, pos + 1)


def _fit(text: str, pos: int, end: int, width: int) -> int:
    """The largest ``limit <= end`` with ``text[pos:limit]`` at most ``width`` cells wide."""
    stop = min(pos + width, end)
    if text[pos:stop].isascii():
        return stop
    cells = 0
    i = pos
    while i < end:
        cells += get_character_cell_size(text[i])
        if cells > width:
            return i
        i += 1
    return end
