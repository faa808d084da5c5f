"""The extract stage: ``Page -> Article | Skipped``.

HTML goes through :mod:`newsint.extract.html` (trafilatura and page metadata), flattened
page text through :mod:`newsint.extract.text` (a learned line classifier).
"""

from __future__ import annotations

from newsint.errors import SkipReason
from newsint.extract.html import clean_html
from newsint.extract.language import detect_language
from newsint.extract.text import clean_text
from newsint.models import Article, Page, Skipped

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
        else:
            t = clean_text(content)
            text, title, removed, segments, extractor = (
                t.text,
                t.title,
                t.removed,
                t.segments,
                t.extractor,
            )
            url, site, author, published = page.url, None, None, None
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
    )
