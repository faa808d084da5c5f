"""The spine: Page -> Article -> Analysis, for one document or a stream of them."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from newsint.errors import SkipReason
from newsint.extract import extract_page
from newsint.grading import grade
from newsint.ingest import read_inputs
from newsint.models import Analysis, Article, Page, Skipped
from newsint.settings import MAX_CHARS, Settings
from newsint.summary import summarise

Outcome = Analysis | Skipped


def analyze(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Outcome]:
    """Analyse every document under ``paths``; a document that fails is a Skipped, never a crash."""
    settings = settings or Settings()
    for item in read_inputs(paths, settings):
        yield analyze_page(item, settings) if isinstance(item, Page) else item


def analyze_page(page: Page, settings: Settings | None = None) -> Outcome:
    """The analysis of one page, or Skipped with the reason (never raises); one that takes
    longer than ``settings.max_seconds`` is Skipped (:func:`time_budget`)."""
    settings = settings or Settings()
    return _budgeted(page, settings, lambda: _analyze_page(page, settings))


class OverBudget(BaseException):
    """Raised inside an analysis that ran out of time; a BaseException, so that the
    ``except Exception`` that keeps a batch alive around each stage lets it through."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block after ``seconds`` (a SIGALRM timer): only on the
    main thread of a process with signals (elsewhere, and for 0, the block runs unbounded)."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if not usable or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_pages(pages: Sequence[Page], settings: Settings | None = None) -> list[Outcome]:
    """What :func:`analyze_page` gives for each page, in order, with the articles parsed together
    in batches of at most :data:`PARSE_CHARS` characters (spaCy's ``nlp.pipe``; the same parses,
    a few per cent cheaper; memory bounded by the batch). Each page's stages after the parse run
    under its own time budget; a page that fails is Skipped, the others go on."""
    settings = settings or Settings()
    prepared = [_prepare_guarded(page, settings) for page in pages]
    analysed: dict[int, Outcome] = {}
    articles = [(i, a) for i, a in enumerate(prepared) if isinstance(a, Article)]
    for batch in _by_size(articles):
        docs = _parse_all([article.text for _, article in batch])
        for k, (i, article) in enumerate(batch):
            work = partial(analyze_article, article, doc=docs[k] if docs else None)
            analysed[i] = _budgeted(pages[i], settings, work)
    return [item if isinstance(item, Skipped) else analysed[i] for i, item in enumerate(prepared)]


#: Characters of text parsed together: a batch's parse holds every text's activations at once
#: (16 long articles of some 12,000 characters each peaked near 1 GB), while the gain of
#: batching comes from the many short ones.
PARSE_CHARS = 20_000


def _by_size(articles: list[tuple[int, Article]]) -> Iterator[list[tuple[int, Article]]]:
    """``articles`` in order, in runs of at most :data:`PARSE_CHARS` characters (one at least)."""
    batch: list[tuple[int, Article]] = []
    size = 0
    for item in articles:
        if batch and size + len(item[1].text) > PARSE_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[1].text)
    if batch:
        yield batch


def _parse_all(texts: list[str]) -> list[Any]:
    """The parses of ``texts``, or [] when the batch fails (each is then parsed on its own)."""
    from newsint.nlp.analyse import parse_many

    try:
        return list(parse_many(texts))
    except Exception:  # noqa: BLE001 - one bad text must not cost the others their analysis
        return []


def _budgeted(page: Page, settings: Settings, work: Callable[[], Outcome]) -> Outcome:
    try:
        with time_budget(settings.max_seconds):
            return work()
    except OverBudget:
        return _too_slow(page, settings)
    except Exception as exc:  # noqa: BLE001 - a batch never dies on one document
        return Skipped(page.id, page.name, f"internal error while analysing: {exc!r}")


def _too_slow(page: Page, settings: Settings) -> Skipped:
    return Skipped(
        page.id,
        page.name,
        f"{SkipReason.TOO_SLOW} of {settings.max_seconds:g} s; raise NEWSINT_MAX_SECONDS "
        "to let it finish, or give it as smaller documents",
    )


def _analyze_page(page: Page, settings: Settings) -> Outcome:
    item = _prepare_guarded(page, settings)
    return item if isinstance(item, Skipped) else analyze_article(item)


def _prepare_guarded(page: Page, settings: Settings) -> Article | Skipped:
    try:
        return _prepare(page, settings)
    except Exception as exc:  # noqa: BLE001 - a batch never dies on one document
        return Skipped(page.id, page.name, f"internal error while analysing: {exc!r}")


def _prepare(page: Page, settings: Settings) -> Article | Skipped:
    """The clean article of ``page``, or Skipped when it cannot or should not be analysed."""
    article = extract_page(page)
    if isinstance(article, Skipped):
        return article
    if settings.require_english and article.language not in (None, "en"):
        return Skipped(
            page.id,
            page.name,
            f"{SkipReason.NOT_ENGLISH} (detected language: {article.language}); "
            "newsint analyses English news only",
        )
    limit = min(MAX_CHARS, settings.max_chars)
    if len(article.text) > limit:
        return Skipped(
            page.id,
            page.name,
            f"{SkipReason.TOO_LONG}: {len(article.text):,} characters after cleaning, the "
            f"limit is {limit:,}; if it holds many articles, give them as separate "
            "documents (one JSON Lines record each)",
        )
    return article


def analyze_article(article: Article, *, doc: Any = None) -> Analysis:
    """Attributions, sources, cues, claims, events and grades of one clean article (``doc``:
    its spaCy parse, when already made)."""
    from newsint.nlp.analyse import analyse_doc, analyse_text  # spaCy is loaded on first use

    if doc is None:
        parts = analyse_text(article.text, title=article.title)
    else:
        parts = analyse_doc(doc, title=article.title)
    analysis = Analysis(
        article=article,
        sources=tuple(parts.sources),
        attributions=tuple(parts.attributions),
        claims=tuple(parts.claims),
        events=tuple(parts.events),
        cues=tuple(parts.cues),
        versions=parts.versions,
    )
    analysis = grade(analysis)
    return summarise(analysis)


def analyze_text(text: str, *, title: str | None = None, doc_id: str = "text") -> Analysis:
    """Analyse an already clean article text (no extraction): handy in tests and notebooks."""
    article = Article(id=doc_id, name=doc_id, text=text, input_format="text", title=title)
    return analyze_article(article)
