"""The extract stage: ``Page -> Article | Skipped``.

HTML goes through :mod:`newsint.extract.html` (trafilatura and page metadata), flattened
page text through :mod:`newsint.extract.text` (a learned line classifier).
"""

from __future__ import annotations

from dataclasses import replace

from newsint.errors import SkipReason
from newsint.extract.html import clean_html
from newsint.extract.language import detect_language
from newsint.extract.provenance import byte_offsets
from newsint.extract.text import clean_text
from newsint.models import Article, Page, ParagraphSource, Removed, Segment, Skipped, Span

__all__ = ["extract_body", "extract_page"]

#: Fewer words than this is a menu or a caption, not an article (the shortest article body of
#: the AEB benchmark has 18 words).
MIN_ARTICLE_WORDS = 5


def extract_body(content: str, kind: str) -> tuple[str | None, str]:
    """(title, body) of one page; ``kind`` is "html" or "text". Used by the benchmark."""
    if kind == "html":
        h = clean_html(content, metadata=False, details=False)
        return h.title, h.text
    t = clean_text(content, details=False)
    return t.title, t.text


def extract_page(page: Page) -> Article | Skipped:
    """The article of ``page``, or ``Skipped`` when there is none. Never raises for bad pages."""
    content = page.content or ""
    if not content.strip():
        return Skipped(page.id, page.name, SkipReason.EMPTY.value)
    try:
        if page.kind == "html":
            h = clean_html(content, url=page.url)
            text, title, removed, segments, extractor = (
                h.text,
                h.title,
                h.removed,
                h.segments,
                h.extractor,
            )
            url, site, author, published = h.url or page.url, h.site, h.author, h.published
            authors, origins, spans = h.authors, h.origins, h.paragraph_spans
        else:
            t = clean_text(content)
            text, title, removed, segments, extractor = (
                t.text,
                t.title,
                t.removed,
                t.segments,
                t.extractor,
            )
            url, site, author, published = page.url, None, None, t.published
            authors = ()
            origins = tuple(
                (f, o)
                for f, o in (
                    ("title", t.title_origin if title else None),
                    ("published", t.published_origin if published else None),
                    ("url", "input" if url else None),
                )
                if o
            )
            spans = text_spans(text, segments)
        paragraphs, removed = with_bytes(page, text, spans, removed)
    except Exception as exc:  # a parser bug on one odd page must not stop a batch
        return Skipped(page.id, page.name, f"extraction failed: {type(exc).__name__}: {exc}")
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return Skipped(page.id, page.name, SkipReason.NO_ARTICLE.value)
    return Article(
        id=page.id,
        name=page.name,
        text=text,
        input_format=page.input_format,
        title=title,
        url=url,
        site=site,
        author=author,
        published=published,
        language=detect_language(text),
        removed=removed,
        segments=segments,
        extractor=extractor,
        authors=authors,
        origins=origins,
        paragraphs=paragraphs,
        content_kind=page.kind,
        encoding=page.encoding,
        sha256=page.sha256,
    )


def text_spans(text: str, segments: tuple[Segment, ...]) -> tuple[Span | None, ...]:
    """The input span of each paragraph of ``text`` from verbatim segments (the flattened-text
    path copies each kept line whole: one segment per paragraph)."""
    by_start = {s.clean_start: s for s in segments}
    spans: list[Span | None] = []
    pos = 0
    for para in text.split("\n"):
        seg = by_start.get(pos)
        ok = seg is not None and seg.length == len(para)
        spans.append((seg.raw_start, seg.raw_start + seg.length) if ok and seg else None)
        pos += len(para) + 1
    return tuple(spans)


def with_bytes(
    page: Page, text: str, spans: tuple[Span | None, ...], removed: tuple[Removed, ...]
) -> tuple[tuple[ParagraphSource, ...], tuple[Removed, ...]]:
    """Each paragraph's provenance, and the removed blocks, with their byte spans in the raw
    input (from the encoding it was decoded with)."""
    offsets = [x for s in spans if s for x in s] + [x for r in removed if r.span for x in r.span]
    raw = byte_offsets(page.content, page.encoding, offsets) or []
    it = iter(raw)

    def next_span() -> Span | None:
        if not raw:
            return None
        return (next(it), next(it))

    paragraphs: list[ParagraphSource] = []
    pos = 0
    for para, span in zip(text.split("\n"), spans, strict=False):
        paragraphs.append(
            ParagraphSource((pos, pos + len(para)), span, next_span() if span else None)
        )
        pos += len(para) + 1
    removed = tuple(replace(r, byte_span=next_span()) if r.span else r for r in removed)
    return tuple(paragraphs), removed
