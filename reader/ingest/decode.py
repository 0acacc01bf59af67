"""Turn bytes into text: UTF-8 (with or without BOM), UTF-16 with or without BOM, else cp1252.

Line ends are normalised to ``\\n`` so spans mean the same on every platform.
Control characters are kept in the source (spans must match the file); the
renderer shows them inert.
"""

from __future__ import annotations

import codecs

from reader.errors import ArticleError

#: Share of NUL bytes above which a file is treated as binary, not text.
_BINARY_NUL_SHARE = 0.01
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")

#: cp1252 with its five undefined bytes read as latin-1 (their C1 code points), so it never fails.
_CP1252 = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)


def _utf8_else_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read one by one as cp1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(_CP1252[b] for b in bad), exc.end


codecs.register_error("reader-cp1252", _utf8_else_cp1252)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte (ASCII-heavy UTF-16), else None."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other files with many NUL bytes (UTF-16 text is not binary)."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    if head.startswith(_MAGIC):
        return True
    return head.count(b"\x00") > max(1, len(head) * _BINARY_NUL_SHARE)


def cut(data: bytes, max_bytes: int) -> bytes:
    """``data`` cut to at most ``max_bytes`` without splitting a UTF-8 sequence or a UTF-16 unit."""
    if len(data) <= max_bytes:
        return data
    data = data[:max_bytes]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data[:8192]):
        return data[: len(data) - len(data) % 2]
    # look back at most 3 bytes for the lead byte of a multi-byte sequence
    i = len(data) - 1
    while i >= 0 and len(data) - i <= 3 and (data[i] & 0xC0) == 0x80:
        i -= 1
    if i >= 0 and data[i] >= 0xC0:
        need = 2 if data[i] < 0xE0 else 3 if data[i] < 0xF0 else 4
        if len(data) - i < need:
            return data[:i]
    return data


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode a file's bytes to text with ``\\n`` line ends; raise ArticleError for binary data."""
    if looks_binary(data):
        raise ArticleError(path, "binary file, not text")
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif enc := _utf16_without_bom(data[:8192]):
        text = data.decode(enc, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_legacy(data: bytes) -> str:
    """Bytes that are not all UTF-8.

    Mostly UTF-8 with a few stray bytes: keep the UTF-8 and read the strays as
    cp1252.  Otherwise (a cp1252 or latin-1 file) read every byte as cp1252.
    """
    rough = data.decode("utf-8", errors="replace")
    bad = rough.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(rough) - len(rough.encode("ascii", errors="ignore")) - rough.count("\ufffd")
    if multibyte > bad:
        return data.decode("utf-8", errors="reader-cp1252")
    return codecs.charmap_decode(data, "strict", _CP1252)[0]
