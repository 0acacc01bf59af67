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
    sites = [found.get(k, "").lstrip("@") for k in ("og:site_name", "application-name", "twitter:site")]
    title = strip_site(" ".join(title.split()), *sites, host(url))
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


_SITE_SEP = re.compile(r"(?<!\s)\s+[|\-–—:·•»~]+\s+")  # (?<!\s): linear in a run of spaces
_SQUASH = re.compile(r"[\W_]+")
# A title part that is an address ("example.com", "www.example.co.uk"): a site's name.
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
# Most words of a title part taken for a site's name when the site's name or address holds it.
SITE_PART_WORDS = 6


def host(url: str) -> str:
    """The host of an address without its "www." ("https://www.example.com/a" -> "example.com")."""
    m = re.match(r"^(?:[a-z]+:)?//([^/:?#]+)", url.strip(), re.I)
    h = m.group(1).casefold() if m else ""
    return h[4:] if h.startswith("www.") else h


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.casefold())


def is_site_part(part: str, sites: tuple[str, ...]) -> bool:
    """A title part that names the site: an address, or words the site's name or its address
    hold whole ("Courier" for "The Harbour Courier", "Harbour Courier" for harbourcourier.com)."""
    p = part.strip()
    if _DOMAIN.match(p):
        return True
    key = _squash(p)
    if len(key) < 3 or len(p.split()) > SITE_PART_WORDS:
        return False
    for site in sites:
        low = site.casefold().strip()
        if not low:
            continue
        if "." in low and " " not in low:  # an address: its name without the dots
            name = _squash(low.rsplit(".", 1)[0]) if low.count(".") else _squash(low)
            if key == name or (len(key) >= 5 and key in name):
                return True
        elif key == _squash(low) or (len(key) >= 5 and (key in _squash(low) or _squash(low) in key)):
            return True
    return False


def strip_site(title: str, *sites: str) -> str:
    """'Headline - Site' or 'Site | Headline' without the site's name: parts at either end that
    name the site (its og:site_name, its address, see :func:`is_site_part`), else a short last
    part after a separator when the headline before it is longer."""
    names = tuple(s for s in sites if s and s.strip())
    cuts = [(m.start(), m.end()) for m in _SITE_SEP.finditer(title)]
    if not cuts:
        return title
    spans = [(0, cuts[0][0])] + [(c[1], cuts[k + 1][0] if k + 1 < len(cuts) else len(title))
                                 for k, c in enumerate(cuts)]
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        if is_site_part(title[spans[hi][0]:spans[hi][1]], names):
            hi -= 1
        elif is_site_part(title[spans[lo][0]:spans[lo][1]], names):
            lo += 1
        else:
            break
    if (lo, hi) != (0, len(spans) - 1):
        return title[spans[lo][0]:spans[hi][1]]
    last = title[spans[-1][0]:spans[-1][1]]
    if len(last.split()) <= 4 and sum(len(title[s:e].split()) for s, e in spans[:-1]) >= 4:
        return title[:spans[-1][0]].rstrip(" |-–—:·•»~")
    return title


# Share of an <h1>'s longer words (four letters or more) that the page's own titles (og:title and
# <title>, each without the site's name) must hold for the <h1> to be the headline they name: a
# site's logo or a section name in an <h1> shares too few.  By hand (0.6), not tuned.
H1_AGREE = 0.6
_LONG_WORD = re.compile(r"\w{4,}")


def headline(title: str, page_title: str, heads: list[tuple[str, str]], url: str = "") -> str:
    """The headline the page shows: its one <h1> that the meta title or <title> agrees with (the
    two often carry a social-media variant, a section or the site's name), else the meta title.

    ``heads`` are the page's <h1> texts with their furniture cues: an <h1> in no marked part of
    the page is looked for first, then one in a part that is no furniture (a page header holds
    the article's headline on many sites); one that names the site of ``url`` is its logo.
    What a reader sees is the headline, and a text dump of the page holds the <h1>, not the
    og:title: the two formats of one page name it alike.
    """
    from reader.ingest.html_blocks import FURNITURE_CUES

    page_title = strip_site(" ".join(page_title.split()))
    told = {w.casefold() for w in _LONG_WORD.findall(f"{title} {page_title}")}
    site = (host(url),) if url else ()
    for marked in (False, True):
        texts = list(dict.fromkeys(t for t, cue in heads if (cue not in FURNITURE_CUES if marked else not cue)
                                   and t.strip() and not is_site_part(t, site)))  # not the site's logo
        agree = [h for h in texts if (words := {w.casefold() for w in _LONG_WORD.findall(h)})
                 and len(words & told) >= H1_AGREE * len(words)]
        if not told:  # no title to agree with: the page's first <h1> of a few words is its headline
            agree = [h for h in texts if 2 <= len(h.split()) <= 30][:1]
        if len(agree) == 1 and len(agree[0]) <= 300:
            return " ".join(agree[0].split())
        if agree:
            break
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
