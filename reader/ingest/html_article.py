"""The main content of a page, found with trafilatura, as a list of typed parts.

trafilatura is imported here only, so only loading an HTML page pays for it.
Its XML-like body keeps the structure: ``head`` becomes a heading, ``p``,
list ``item`` and table ``row`` become body paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_SPACE = re.compile(r"[^\S\n]+")


@dataclass(slots=True)
class Extracted:
    """What trafilatura found: typed parts in reading order, and the page metadata."""

    parts: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    description: str = ""


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text(el: etree._Element) -> str:
    """Text of an element (``lb`` line breaks already carry a newline in their tail)."""
    return _clean("".join(el.itertext()))


def _walk(body: etree._Element, out: list[tuple[str, str]]) -> None:
    """Append the parts of trafilatura's body (iterative, so any depth is safe)."""
    todo: list[etree._Element | str] = [body]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            text = _clean(node)
            if text:
                out.append(("body", text))
            continue
        tag = node.tag
        if node.tail and node is not body:
            todo.append(node.tail)
        if tag in ("body", "list", "quote", "table", "div") and len(node):
            todo.extend(reversed(list(node)))
            if node.text:
                todo.append(node.text)
        elif tag == "row":
            cells = (_text(c).replace("\n", " ") for c in node)
            todo.append(" | ".join(c for c in cells if c))
        elif tag != "graphic":
            text = _text(node)
            if text:
                out.append(("heading" if tag == "head" else "body", text))


_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_DATE_KEYS = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
              "og:published_time", "parsely-pub-date", "sailthru.date", "datepublished")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/")


def _head_metadata(tree: Any, out: Extracted) -> None:
    """Title, author and date from the page's <meta> tags, <title>, <time> and address.

    Cheap: trafilatura's own metadata search cost a third of a page's analysis.  Bylines the
    page shows are found from its structure (:mod:`reader.ingest.html_blocks`) either way.
    """
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = el.get("content")
        if key and value and value.strip():
            found.setdefault(key, value.strip())
    title = next((found[k] for k in _TITLE_KEYS if k in found), "")
    if not title:
        el = tree.find(".//title")
        title = el.text_content() if el is not None else ""
    out.title = _strip_site(_clean(title).replace("\n", " "), found.get("og:site_name", ""))
    ld = _json_ld(tree)
    author = next((found[k] for k in _AUTHOR_KEYS if k in found and not found[k].startswith("http")), "")
    author = author or ld.get("author", "")
    out.author = _clean(author).replace("\n", " ")
    date = next((found[k] for k in _DATE_KEYS if k in found), "") or ld.get("date", "")
    if not date:
        el = tree.find(".//time[@datetime]")
        date = el.get("datetime", "") if el is not None else ""
    m = _DATE.search(date)
    if not m:
        link = tree.find(".//link[@rel='canonical']")
        url = found.get("og:url", "") or (link.get("href", "") if link is not None else "")
        u = _URL_DATE.search(url)
        out.date = f"{u.group(1)}-{u.group(2)}-{u.group(3)}" if u else ""
    else:
        out.date = m.group()


_SITE_SEP = re.compile(r"\s+[|\-–—:·•]+\s+")


def _strip_site(title: str, site: str) -> str:
    """'Headline - Site' or 'Site | Headline' without the site's name (og:site_name, else a short
    last part after a separator when the headline before it is longer)."""
    parts = _SITE_SEP.split(title)
    if len(parts) < 2:
        return title
    low = site.casefold().strip()
    if low:
        kept = [p for p in parts if p.casefold().strip() != low]
        if kept and len(kept) < len(parts):
            return title[title.find(kept[0]):title.rfind(kept[-1]) + len(kept[-1])]
    last = parts[-1]
    if len(last.split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 4:
        return title[:title.rfind(last)].rstrip(" |-–—:·•")
    return title


def _json_ld(tree: Any) -> dict[str, str]:
    """Author and publication date from the page's JSON-LD (schema.org) blocks, if any."""
    import json

    out: dict[str, str] = {}
    for el in tree.iter("script"):
        if "ld+json" not in (el.get("type") or ""):
            continue
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        todo = [data]
        while todo and len(out) < 2:
            item = todo.pop()
            if isinstance(item, list):
                todo.extend(item[:50])
            elif isinstance(item, dict):
                author = item.get("author")
                if "author" not in out and author:
                    name = author.get("name") if isinstance(author, dict) else author
                    if isinstance(name, list):
                        name = name[0] if name else ""
                    if isinstance(name, dict):
                        name = name.get("name", "")
                    if isinstance(name, str) and 1 < len(name) <= 80:
                        out["author"] = name
                date = item.get("datePublished") or item.get("dateCreated")
                if "date" not in out and isinstance(date, str):
                    out["date"] = date
                todo.extend(v for v in item.values() if isinstance(v, list | dict))
    return out


def extract(tree: Any, fast: bool = True) -> Extracted:
    """Run trafilatura on a parsed page (the tree is not modified).

    ``fast`` skips trafilatura's comparison with its readability and jusText
    fallbacks: it is faster, and better when the caller checks the result.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, include_images=False,
        with_metadata=False, favor_precision=False, favor_recall=False, fast=fast,
    )
    out = Extracted()
    if doc is None:
        return out
    _head_metadata(tree, out)
    for name in ("title", "author", "date", "url", "description"):
        value = getattr(doc, name, None)
        if isinstance(value, str) and value.strip() and not getattr(out, name):
            setattr(out, name, _clean(value).replace("\n", " "))
    body = getattr(doc, "body", None)
    if body is not None:
        for lb in body.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        _walk(body, out.parts)
    return out
