"""File names as the databases store them: losslessly, even when they are not UTF-8.

On POSIX a name is bytes; Python shows a byte that is not UTF-8 as a lone
surrogate (os.fsdecode, "surrogateescape"), which SQLite text cannot hold.
Such a name is stored as a BLOB of its bytes.  A BLOB never equals a text
value, so the two forms cannot collide, and a valid name stays plain text
(caches and reading state from before keep working).
"""

from __future__ import annotations


def to_db(name: str) -> str | bytes:
    """``name`` as a database value: itself when it is valid UTF-8, else its bytes."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name decodes to: kept as such
        return name.encode("utf-8", "surrogatepass")


def from_db(value: object) -> str:
    """The name stored by :func:`to_db`, as os.fsdecode would give it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "surrogateescape")
    return str(value)
