"""Where an HTML page's title, date, site and authors came from (issue 17).

trafilatura finds the metadata; this module names the place in the page that holds the value
it found: the page's declared values are gathered before trafilatura prunes the tree
(:func:`declared`), and each found value is matched against them in trafilatura's own order
of preference (JSON-LD, Open Graph and other meta tags, then ``<title>`` and ``<h1>``).
A value no declaration holds came from the page's text (a byline, a date line).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import lxml.html

#: (origin, xpath) of declared values, per field, in the order they are preferred.
_META = {
    "title": (
        ("meta og:title", '//meta[@property="og:title"]/@content'),
        ("meta twitter:title", '//meta[@name="twitter:title"]/@content'),
        ("meta title", '//meta[@name="title"]/@content'),
        ("<title>", "//title//text()"),
        ("<h1>", "(//h1)[1]//text()"),
    ),
    "published": (
        ("meta article:published_time", '//meta[@property="article:published_time"]/@content'),
        ("meta og:published_time", '//meta[@property="og:published_time"]/@content'),
        ("meta date", '//meta[@name="date" or @name="pubdate" or @name="publishdate" or '
                      '@name="publish-date" or @name="dc.date" or @name="DC.date.issued" or '
                      '@itemprop="datePublished"]/@content'),
        ("<time datetime>", "//time/@datetime"),
    ),
    "site": (
        ("meta og:site_name", '//meta[@property="og:site_name"]/@content'),
        ("meta application-name", '//meta[@name="application-name"]/@content'),
    ),
    "authors": (
        ("meta author", '//meta[@name="author" or @property="article:author" or '
                        '@name="byl" or @name="dc.creator"]/@content'),
    ),
}  # fmt: skip

_JSONLD_FIELDS = {"headline": "title", "datePublished": "published"}
_URL_DATE_RE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[/-](\d\d?)[/-](\d\d?)(?!\d)")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Declared:
    field: str  # title, published, site, authors
    origin: str  # "json-ld", "meta og:title", "<title>" ...
    value: str


def _text(value: object) -> str:
    return _SPACE_RE.sub(" ", str(value)).strip()


def _jsonld(tree: lxml.html.HtmlElement) -> list[Declared]:
    out: list[Declared] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
                continue
            if not isinstance(node, dict):
                continue
            for key, field in _JSONLD_FIELDS.items():
                if isinstance(node.get(key), str):
                    out.append(Declared(field, "json-ld", _text(node[key])))
            author = node.get("author")
            for a in author if isinstance(author, list) else [author]:
                name = a.get("name") if isinstance(a, dict) else a
                if isinstance(name, str):
                    out.append(Declared("authors", "json-ld", _text(name)))
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                out.append(Declared("site", "json-ld", _text(publisher["name"])))
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return out


def declared(tree: lxml.html.HtmlElement | None) -> list[Declared]:
    """The metadata values the page declares, in order of preference per field."""
    if tree is None:
        return []
    out = _jsonld(tree)
    for field, rules in _META.items():
        for origin, xpath in rules:
            values = tree.xpath(xpath)
            if origin in ("<title>", "<h1>"):
                values = [" ".join(values)] if values else []
            out.extend(Declared(field, origin, _text(v)) for v in values[:3] if _text(v))
    return out


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())


def title_origin(title: str, found: list[Declared]) -> str:
    key = _key(title)
    for d in found:
        if d.field == "title" and key and (_key(d.value) == key or key in _key(d.value)):
            return d.origin
    return "page text"


def date_origin(date: str, found: list[Declared], url: str | None) -> str:
    for d in found:
        if d.field == "published" and d.value[:10] == date[:10]:
            return d.origin
    if url and (m := _URL_DATE_RE.search(url)):
        y, mo, da = m.groups()
        if f"{y}-{int(mo):02d}-{int(da):02d}" == date[:10]:
            return "url"
    return "page text"


def site_origin(site: str, found: list[Declared], url: str | None) -> str:
    key = _key(site)
    for d in found:
        if d.field == "site" and _key(d.value) == key:
            return d.origin
    if url and key.replace(" ", "") in url.lower().replace("-", ""):
        return "url"
    return "page text"


def authors_origin(authors: list[str], found: list[Declared]) -> str:
    keys = {_key(a) for a in authors}
    for d in found:
        if d.field == "authors" and any(k and k in _key(d.value) for k in keys):
            return d.origin
    return "byline"


def split_authors(author: str | None) -> list[str]:
    """trafilatura's author string ("A; B") as names."""
    return [a.strip() for a in (author or "").split(";") if a.strip()]


def origins(
    *,
    title: str | None,
    published: str | None,
    site: str | None,
    authors: list[str],
    url: str | None,
    input_url: str | None,
    found: list[Declared],
) -> tuple[tuple[str, str], ...]:
    """(field, origin) for each metadata field that has a value."""
    out: list[tuple[str, str]] = []
    if title:
        out.append(("title", title_origin(title, found)))
    if published:
        out.append(("published", date_origin(published, found, url or input_url)))
    if site:
        out.append(("site", site_origin(site, found, url or input_url)))
    if authors:
        out.append(("authors", authors_origin(authors, found)))
    if url:
        out.append(("url", "input" if url == input_url else "canonical link"))
    return tuple(out)
