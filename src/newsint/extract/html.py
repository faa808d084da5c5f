"""HTML pages: trafilatura's main-content extraction plus the page metadata."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsint.models import Removed, Segment

EXTRACTOR = "newsint.html.v1"


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


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


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


def clean_html(content: str, *, url: str | None = None) -> CleanHtml:
    doc = trafilatura.bare_extraction(
        content, url=url, include_comments=False, with_metadata=True
    )
    if doc is None:
        return CleanHtml("")
    paragraphs = _paragraphs(getattr(doc, "text", None))
    text = "\n".join(paragraphs)
    return CleanHtml(
        text=text,
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or url,
        site=getattr(doc, "sitename", None) or None,
        author=getattr(doc, "author", None) or None,
        published=getattr(doc, "date", None) or None,
        segments=map_segments(content, paragraphs),
    )
