"""Make article text inert for display: control characters become visible placeholders.

The mapping is one character for one character, so spans into the source stay
valid on the sanitised text.  Markup (Rich/Textual ``[bold]``) is made inert
where text is turned into styled text (``rich.text.Text`` is never parsed as
markup); this module deals with characters a terminal would act on.
"""

from __future__ import annotations

import re

# C0 controls except \n and \t, DEL, C1 controls, bidi embeddings/overrides/isolates,
# zero-width and other invisible format characters, line/paragraph separators, and lone
# surrogates (bytes of a file name that are not UTF-8): a terminal cannot be sent those.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)


def _placeholder(ch: str) -> str:
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)  # ␀ .. ␟ control pictures
    if o == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= o <= 0x9F or 0xD800 <= o <= 0xDFFF:
        return "\ufffd"  # C1 controls and lone surrogates: �
    return "\u00b7"  # invisible format characters: ·


def inert(text: str) -> str:
    """``text`` with every character a terminal would interpret replaced by a visible one."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _placeholder(m.group()), text)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def printable(text: str) -> str:
    """``text`` with every character a terminal would interpret removed (for the clipboard)."""
    return _UNSAFE.sub("", text) if _UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """Article text for a title, a toast or a border: inert, on one line, spaces collapsed."""
    return " ".join(inert(text).split())


# What would break a one-line message or act on the terminal, including the lone surrogates that
# stand for file-name bytes that are not UTF-8.
_UNSAFE_IN_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ud800-\udfff]"
)


def escaped(text: str) -> str:
    """``text`` safe to print on one line (a file name, a reason): such characters as ``\\xNN``."""
    if not _UNSAFE_IN_LINE.search(text):
        return text
    return _UNSAFE_IN_LINE.sub(lambda m: _escape(m.group()), text)


def _escape(c: str) -> str:
    o = ord(c)
    if 0xDC80 <= o <= 0xDCFF:  # a byte of the file name that is not UTF-8 (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` that encodes as UTF-8 (for a title or a reason made from a file name): lone
    surrogates as ``\\xNN``, everything else unchanged."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: _escape(m.group()), text)
