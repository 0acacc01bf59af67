"""Page metadata of a saved HTML page: title (without the site's name), author, date, url."""

from __future__ import annotations

import re
from typing import Any

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_DATE_KEYS = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
              "og:published_time", "parsely-pub-date", "sailthru.date", "datepublished")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/")


def page_meta(tree: Any) -> dict[str, str]:
    """title, author, date, url and description of a page, where it gives them.

    One pass over its <meta> and <link> tags, then JSON-LD, <title>, <time> and a date in the
    address.  Cheap: trafilatura's own metadata search cost a third of a page's analysis, and
    bylines the page shows are found from its structure (:mod:`reader.ingest.html_blocks`).
    """
    found: dict[str, str] = {}
    canonical = ""
    for el in tree.iter("meta", "link"):
        if el.tag == "link":
            if not canonical and "canonical" in (el.get("rel") or "").lower().split():
                canonical = (el.get("href") or "").strip()
            continue
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = el.get("content")
        if key and value and value.strip():
            found.setdefault(key, value.strip())
    out: dict[str, str] = {}
    url = canonical or found.get("og:url", "")
    description = found.get("description") or found.get("og:description")
    if url:
        out["url"] = url
    if description:
        out["description"] = " ".join(description.split())
    title = next((found[k] for k in _TITLE_KEYS if k in found), "")
    if not title:
        el = tree.find(".//title")
        title = el.text_content() if el is not None else ""
    title = strip_site(" ".join(title.split()), found.get("og:site_name", ""))
    author = next((found[k] for k in _AUTHOR_KEYS if k in found and not found[k].startswith("http")), "")
    date = next((found[k] for k in _DATE_KEYS if k in found), "")
    if not (author and date):  # schema.org blocks are parsed only when the tags fall short
        ld = _json_ld(tree)
        author, date = author or ld.get("author", ""), date or ld.get("date", "")
    author = " ".join(author.split())
    if not date:
        el = tree.find(".//time[@datetime]")
        date = el.get("datetime", "") if el is not None else ""
    m = _DATE.search(date)
    u = None if m else _URL_DATE.search(url)
    date = m.group() if m else f"{u.group(1)}-{u.group(2)}-{u.group(3)}" if u else ""
    for key, value in (("title", title), ("author", author), ("date", date)):
        if value:
            out[key] = value
    return out


_SITE_SEP = re.compile(r"\s+[|\-–—:·•]+\s+")


def strip_site(title: str, site: str) -> str:
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
