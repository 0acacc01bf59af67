"""Markdown files: front matter (title, author, date, url, tags) is read; spans point into the file."""

from __future__ import annotations

import re

from reader.ingest import Document
from reader.model import Format

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return (metadata, offset after the front matter); a small YAML subset, never executed."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    lines = m.group(1).split("\n")
    if not any(_KEY.match(line) for line in lines):
        return {}, 0  # a leading thematic break (---), not front matter
    meta: dict[str, str] = {}
    current: str | None = None
    items: list[str] = []
    for line in lines:
        km = _KEY.match(line)
        if km:
            if current and items:
                meta[current] = ", ".join(items)
            current, items = km.group(1).lower(), []
            value = _unquote(km.group(2).strip())
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v.strip()) for v in value[1:-1].split(",") if v.strip())
            if value:
                meta[current] = value
        elif current and line.strip().startswith("- "):
            items.append(_unquote(line.strip()[2:].strip()))
    if current and items:
        meta[current] = ", ".join(items)
    return meta, m.end()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def load_markdown(path: str, text: str) -> Document:
    meta, offset = parse_front_matter(text)
    return Document(path=path, format=Format.MARKDOWN, source=text, meta=meta, body_start=offset)
