"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.

Line ends are normalised to ``\\n`` so spans mean the same on every platform.
Control characters are kept in the source (spans must match the file); the
renderer shows them inert.
"""

from __future__ import annotations

import codecs

from reader.errors import ArticleError

#: Share of NUL bytes above which a file is treated as binary, not text.
_BINARY_NUL_SHARE = 0.01


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04")):
        return True
    return head.count(b"\x00") > max(1, len(head) * _BINARY_NUL_SHARE)


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode a file's bytes to text with ``\\n`` line ends; raise ArticleError for binary data."""
    if looks_binary(data):
        raise ArticleError(path, "binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_legacy(data: bytes) -> str:
    """Bytes that are not UTF-8: cp1252 (a superset of latin-1's printable range) else latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
