"""HTML pages: trafilatura's main-content extraction plus the page metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import lxml.html
import trafilatura
from lxml import etree
from readability import Document

from newsint.extract import metadata as meta
from newsint.extract.provenance import find_paragraphs, removed_blocks, visible_text
from newsint.models import Removed, Segment, Span

EXTRACTOR = "newsint.html.v3"

# readability replaces trafilatura's text when the page holds more than this many times
# trafilatura's characters in <p> elements (the only pages where readability is run) and
# readability's text is more than this many times as long (trafilatura's own rule, with the
# full readability-lxml instead of trafilatura's trimmed port, which it runs on every page
# unless ``fast``: on the AEB dev split this fallback alone does better, at a fraction of
# the cost). Sizes are non-space characters, not words, so that a Chinese or Japanese page
# (no spaces between words) is measured like any other (v3; on the dev split the same pages
# fall back as with words).
FALLBACK_RATIO = 2.0

#: The floor under every page (issue 17; ``floor_paragraphs``). trafilatura's precise fast mode
#: can keep nothing or only the headline of a page whose body is not in <p> elements (text
#: in <div>s, <span>s or <font> with <br> breaks, common on Korean, Chinese and Arabic news
#: sites): its default mode, with its own fallbacks, recovers them. When what newsint keeps
#: is under FLOOR_GATE of the page's text outside links, scripts and styles (a cheap test:
#: 4 of the 121 dev pages), trafilatura's default extraction is run, and it replaces
#: newsint's text when newsint's is under FLOOR_RATIO of its length. Both are sizes in
#: non-space characters, the same for every language. Measured on the AEB dev split
#: (docs/extraction.md): any ratio up to .25 changes no dev page (the lowest dev ratio of
#: newsint's text to trafilatura's default is .29, on pages where trafilatura keeps the
#: comments or a teaser list and newsint is right); .3 already swaps two pages and costs
#: .005 F1. A page that keeps only its headline has a ratio near 0.
FLOOR_GATE = 0.3
FLOOR_RATIO = 0.25


@dataclass(frozen=True, slots=True)
class CleanHtml:
    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    segments: tuple[Segment, ...] = ()
    removed: tuple[Removed, ...] = ()
    extractor: str = EXTRACTOR
    authors: tuple[str, ...] = ()
    origins: tuple[tuple[str, str], ...] = ()  # (field, where its value came from)
    # each paragraph's span in ``content`` (the markup inside it included), None if not found
    paragraph_spans: tuple[Span | None, ...] = ()


def _paragraphs(text: str | None) -> list[str]:
    """trafilatura's lines without its markdown-like markup: a list item loses its "- ", a
    table row becomes its cells separated by spaces, a table's ``|---|`` rule goes. The
    markup is not page text (a scorer or a reader sees "-" and "|" as stray words)."""
    out: list[str] = []
    for raw in (text or "").split("\n"):
        line = raw.strip()
        if line.startswith("- "):
            line = line[2:].strip()
        elif len(line) > 1 and line[0] == "|" and line[-1] == "|":
            cells = [c.strip() for c in line[1:-1].split("|")]
            line = " ".join(c for c in cells if c.strip("-: "))
        if line:
            out.append(line)
    return out


def map_segments(content: str, paragraphs: list[str]) -> tuple[Segment, ...]:
    """Segments for paragraphs found verbatim, in order, in the raw HTML (others stay unmapped)."""
    segments: list[Segment] = []
    cursor = 0
    clean = 0
    for para in paragraphs:
        at = content.find(para, cursor)
        if at >= 0:
            segments.append(Segment(clean, at, len(para)))
            cursor = at + len(para)
        clean += len(para) + 1
    return tuple(segments)


_HEADLINE_RES = (
    re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<meta[^>]+(?:og|twitter):title[^>]+content=\"([^\"]*)\"", re.IGNORECASE),
)
_TAG_RE = re.compile(r"<[^>]+>")


def _norm(text: str) -> str:
    return " ".join(unescape(_TAG_RE.sub(" ", text)).lower().split())


def headlines(content: str) -> set[str]:
    """Normalised headline texts of a page: <title> (whole and without a site suffix), <h1>s,
    og:title / twitter:title."""
    found: set[str] = set()
    for rx in _HEADLINE_RES:
        for m in rx.finditer(content[:300_000]):
            text = _norm(m.group(1))
            if text:
                found.add(text)
                for sep in (" | ", " - ", " – ", " — "):
                    if sep in text:
                        found.add(text.rsplit(sep, 1)[0])
    return found


def split_headline(paragraphs: list[str], content: str) -> tuple[list[str], list[Removed]]:
    """Drop the headline that trafilatura keeps as the first line(s) of the body."""
    heads = headlines(content)
    removed: list[Removed] = []
    while paragraphs and len(removed) < 2 and _norm(paragraphs[0]) in heads:
        removed.append(Removed(paragraphs[0], "title"))
        paragraphs = paragraphs[1:]
    return paragraphs, removed


_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table br section article"
    " figcaption dd dt".split()
)


def _block_text(root: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of an HTML fragment: a block element starts and ends a line."""
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if el.text and el.tag not in ("script", "style"):
                parts.append(el.text)
        else:
            if block:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def readability_paragraphs(content: str) -> list[str]:
    """readability-lxml's main content as paragraphs (empty when it finds none or fails)."""
    try:
        summary = Document(content).summary(html_partial=True)
        return _block_text(lxml.html.fromstring(summary)) if summary.strip() else []
    except Exception:  # readability raises bare Exceptions on unparseable pages
        return []


def chars(text: str) -> int:
    """Non-space characters: a length that means the same in every script."""
    return len("".join(text.split()))


def page_sizes(tree: lxml.html.HtmlElement | None) -> tuple[int, int]:
    """(characters inside the page's <p> elements, characters of its text outside links,
    scripts and styles): cheap bounds on how much prose the page has, taken before
    trafilatura prunes the tree."""
    if tree is None:
        return 0, 0
    p_chars = sum(chars(p.text_content()) for p in tree.iter("p"))
    body = tree.find("body")
    root = body if body is not None else tree
    text = chars(etree.tostring(root, method="text", encoding="unicode") or "")
    for el in root.iter("script", "style", "noscript", "template", "a"):
        text -= chars(el.text_content())
    return p_chars, max(text, 0)


_TITLE_XPATHS = (
    '//meta[@property="og:title"]/@content',
    '//meta[@name="twitter:title"]/@content',
)


def page_title(tree: lxml.html.HtmlElement | None) -> str | None:
    """The headline the page declares (og:title, twitter:title), else its first <h1>, else its
    <title> without a " | Site" suffix: a cheap title when the metadata look-ups are skipped."""
    if tree is None:
        return None
    for xpath in _TITLE_XPATHS:
        for value in tree.xpath(xpath):
            if text := " ".join(str(value).split()):
                return text
    for tag in ("h1", "title"):
        el = tree.find(f".//{tag}")
        if el is not None and (text := " ".join(el.text_content().split())):
            if tag == "title":
                for sep in (" | ", " - ", " – ", " — "):
                    head = text.rsplit(sep, 1)[0]
                    if len(head.split()) >= 3:
                        text = head
                        break
            return text
    return None


def _size(paragraphs: list[str]) -> int:
    return sum(chars(p) for p in paragraphs)


def choose_paragraphs(content: str, ours: list[str], p_chars: int) -> list[str]:
    """trafilatura's paragraphs, unless the page has far more prose than they hold and
    readability finds it: trafilatura sometimes keeps one block of a split article body."""
    n_ours = _size(ours)
    if p_chars <= FALLBACK_RATIO * n_ours:
        return ours
    theirs = readability_paragraphs(content)
    return theirs if _size(theirs) > FALLBACK_RATIO * n_ours else ours


def trafilatura_default(content: str) -> list[str]:
    """trafilatura's default extraction (its own fallbacks on, comments left out)."""
    try:
        return _paragraphs(trafilatura.extract(content, include_comments=False))
    except Exception:  # a second parse of a page the first one read: never fatal
        return []


def floor_paragraphs(
    content: str,
    ours: list[str],
    page_chars: int,
    *,
    gate: float = FLOOR_GATE,
    ratio: float = FLOOR_RATIO,
) -> list[str]:
    """``ours``, unless it is a small part of the page (under ``gate`` of ``page_chars``) and
    of what trafilatura's default extraction keeps (under ``ratio``): then trafilatura's."""
    n_ours = _size(ours)
    if n_ours >= gate * page_chars:
        return ours
    theirs = trafilatura_default(content)
    return theirs if n_ours < ratio * _size(theirs) else ours


def clean_html(
    content: str,
    *,
    url: str | None = None,
    metadata: bool = True,
    details: bool = True,
    floor: bool = True,
) -> CleanHtml:
    """Main text of an HTML page (comments left out, trafilatura's ``favor_precision``: on
    the AEB dev split it trades .010 recall for .014 precision, and is no slower), with
    readability-lxml as the fallback when trafilatura keeps a small part of the page's prose
    (``choose_paragraphs``) and trafilatura's default mode as the floor when the result is
    a small part of the page and of what that mode keeps (``floor_paragraphs``);
    ``metadata=False`` skips the title, author, date and site
    look-ups (htmldate is the slow part) when only the body is wanted; ``details=False``
    skips the provenance segments; ``floor=False`` leaves the floor out (the benchmark's
    cross-validation of its thresholds)."""
    tree = trafilatura.load_html(content)
    p_chars, page_chars = page_sizes(tree)  # before trafilatura prunes the tree in place
    found = meta.declared(tree) if metadata else []
    cheap_title = None if metadata else page_title(tree)
    doc = None
    if tree is not None:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            favor_precision=True,
            fast=True,
            with_metadata=metadata,
        )
    ours = _paragraphs(getattr(doc, "text", None))
    chosen = choose_paragraphs(content, ours, p_chars)
    if floor:
        chosen = floor_paragraphs(content, chosen, page_chars)
    paragraphs, removed = split_headline(chosen, content)
    text = "\n".join(paragraphs)
    spans: tuple[Span | None, ...] = ()
    if details:
        spans, removed = _provenance(content, paragraphs)
    title = getattr(doc, "title", None) or cheap_title
    site = getattr(doc, "sitename", None) or None
    author = getattr(doc, "author", None) or None
    published = getattr(doc, "date", None) or None
    page_url = getattr(doc, "url", None) or url
    authors = meta.split_authors(author)
    return CleanHtml(
        text=text,
        title=title,
        url=page_url,
        site=site,
        author=author,
        published=published,
        segments=map_segments(content, paragraphs) if details else (),
        removed=tuple(removed),
        authors=tuple(authors),
        origins=meta.origins(
            title=title,
            published=published,
            site=site,
            authors=authors,
            url=page_url,
            input_url=url,
            found=found,
        )
        if metadata
        else (),
        paragraph_spans=spans,
    )


def _provenance(
    content: str, paragraphs: list[str]
) -> tuple[tuple[Span | None, ...], list[Removed]]:
    """Each paragraph's span in the page, and every block of visible text outside them with
    its reason and span (``provenance``)."""
    visible = visible_text(content)
    found = find_paragraphs(visible, paragraphs)
    spans = tuple(
        None if f is None else (visible.raw(f[0]), visible.raw(f[1], end=True)) for f in found
    )
    kept = [f for f in found if f is not None]
    return spans, removed_blocks(visible, kept, headlines(content))
