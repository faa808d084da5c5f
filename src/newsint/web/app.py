"""The HTTP API and the web page: the same library calls as the CLI, over HTTP.

``create_app(settings)`` builds a FastAPI app; ``newsint serve`` runs it with uvicorn.

- ``GET /`` — the web page: paste a page (HTML or flattened text), see the report on the
  article itself (sources, cues and quotes marked; claims with their grades and reasons), and
  search the corpus store.
- ``POST /api/analyze`` — the raw body is one document or a container of them (HTML, text,
  JSON Lines, WARC, gzip of those; ``?kind=html|text`` skips sniffing). ``format=json``
  (default) answers ``{"reports": [...], "skipped": [...]}`` with the reports of the JSON
  contract; ``format=html`` answers the HTML report of the first document. ``store=true``
  also adds the new documents to the corpus store (as ``newsint ingest`` does) and rebuilds
  its corpus tables; ``stored`` says how many were new. 422 when no document could be
  analysed (each skip names the document and the reason), 413 above the size limit.
- ``GET /api/claims``, ``/api/sources``, ``/api/sources/{name}``, ``/api/actors/{name}``,
  ``/api/duplicates`` —
  the questions of ``newsint query`` over the store (``NEWSINT_DB`` or ``--db``).
- ``GET /api/health``.

Every error, whatever raised it (a bad parameter, a missing store, a bug), is answered in one
JSON shape, ``{"ok": false, "error": "what went wrong and what to do", "status": 422}``
(:class:`ErrorAnswer`, in the OpenAPI document), never a plain-text 500. Every answer carries
the hardening headers of :mod:`newsint.web.security`.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, BeforeValidator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsint import __version__
from newsint.batch import store_outcomes
from newsint.errors import InputError, NewsintError, SkipReason
from newsint.ingest import read_upload
from newsint.models import Analysis, Page, Skipped
from newsint.pipeline import analyze_page
from newsint.settings import Settings
from newsint.web.analysts import Analysts
from newsint.web.security import Hardening, error_response

Kind = Literal["html", "text"]


class ErrorAnswer(BaseModel):
    """The one shape of every error the API answers."""

    ok: Literal[False] = False
    error: str  # what went wrong, naming the document or parameter, and what to do
    status: int  # the HTTP status, repeated for clients that only see the body
    skipped: list[dict[str, Any]] | None = None  # POST /api/analyze: each document not analysed
    stored: int | None = None  # POST /api/analyze?store=true: how many were new


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    what = {
        400: "A malformed request",
        404: "Not found: an unknown source or actor, or no store at the configured URL",
        413: "The body is above the size limit (NEWSINT_MAX_BYTES)",
        422: "A parameter is invalid, or no document of the body could be analysed",
        500: "An unforeseen error (a bug): the answer still has this shape",
        503: "The store cannot be opened",
    }
    return {code: {"model": ErrorAnswer, "description": what[code]} for code in codes}


#: What POST /api/analyze reads: the raw body, one document or a container of them.
_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "description": "One page (HTML or flattened text) or a container of them: JSON Lines "
        '(`{"id", "html"}` or `{"id", "text"}` per line), WARC, or gzip of any of those.',
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
            "application/jsonl": {"schema": {"type": "string"}},
            "application/warc": {"schema": {"type": "string", "format": "binary"}},
            "application/gzip": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


def _iso_day(value: object) -> object:
    """A day as YYYY-MM-DD only: pydantic alone would also take ``0`` (a Unix time)."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError(f"a day is written YYYY-MM-DD, not {value!r}")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: ``since``: published on or after this day (YYYY-MM-DD).
Since = Annotated[
    dt.date | None,
    BeforeValidator(_iso_day),
    Query(description="Published on or after (YYYY-MM-DD)."),
]


def _page_html() -> str:
    return _static("index.html")


def analyse_upload(
    data: bytes, name: str, settings: Settings, kind: Kind | None = None
) -> list[tuple[Page | Skipped, Analysis | Skipped]]:
    """Every document of one uploaded body with its outcome, analysed or skipped (never raises
    for a bad one). The request's time budget is ``settings.max_seconds`` for all its documents
    together: each gets what is left, and those after it is spent are skipped, named."""
    deadline = time.monotonic() + settings.max_seconds if settings.max_seconds else None
    pairs: list[tuple[Page | Skipped, Analysis | Skipped]] = []
    for item in read_upload(data, name, settings, kind=kind):
        if isinstance(item, Skipped):
            pairs.append((item, item))
            continue
        left = deadline - time.monotonic() if deadline is not None else 0.0
        if deadline is not None and left <= 0:
            spent = Skipped(item.id, item.name, f"{SkipReason.TOO_SLOW}: {_SPENT}")
            pairs.append((item, spent))
            continue
        budget = replace(settings, max_seconds=left) if deadline is not None else settings
        pairs.append((item, analyze_page(item, budget)))
    return pairs


_SPENT = (
    "the request's time budget (NEWSINT_MAX_SECONDS) was spent on the documents before this "
    "one; send it on its own"
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    analysts = Analysts(settings.api_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        analysts.start()
        try:
            yield
        finally:
            await run_in_threadpool(analysts.close)

    app = FastAPIOffline(  # /docs and /redoc from files in the package, not from a CDN
        title="newsint",
        version=__version__,
        summary="Sources, attributions, claims, disputes and sourcing grades of news articles.",
        responses=_errors(500),
        lifespan=lifespan,
    )
    app.state.analysts = analysts
    app.add_middleware(Hardening)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(422, _validation_message(exc))

    writing = threading.Lock()  # one writer at a time in this process (the store numbers)

    # each document of a request within the API's character budget; the time budget holds in
    # the analysis processes (newsint.web.analysts)
    budget = replace(settings, max_chars=min(settings.max_chars, settings.api_max_chars))

    def keep(pairs: list[tuple[Page | Skipped, Analysis | Skipped]]) -> int:
        with writing, store(create=True) as opened:
            return store_outcomes(pairs, opened)

    @contextmanager
    def store(*, create: bool = False) -> Iterator[Any]:
        """The store, for reading unless ``create`` (a read never creates one: 404)."""
        from newsint.store import Store

        try:
            with Store(settings.db_url, create=create) as opened:
                yield opened
        except InputError as exc:
            raise HTTPException(404, str(exc)) from exc
        except NewsintError as exc:
            raise HTTPException(503, str(exc)) from exc

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return _page_html()

    @app.get("/static/page.js", include_in_schema=False)
    def page_script() -> Response:
        return Response(_static("page.js"), media_type="text/javascript; charset=utf-8")

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/api/analyze",
        response_model=None,
        openapi_extra=_ANALYZE_BODY,
        responses={
            200: {
                "description": '`{"reports": [...], "skipped": [...], "stored": n}` '
                "(format=json) or the HTML report of the first document (format=html)",
                "content": {"text/html": {"schema": {"type": "string"}}},
            },
            **_errors(413, 422, 503),
        },
    )
    async def analyze(
        request: Request,
        name: str = "upload",
        kind: Kind | None = None,
        format: Literal["json", "html"] = "json",  # noqa: A002 - the CLI option's name
        store: bool = False,
    ) -> JSONResponse | HTMLResponse:
        data = await _body(request, name, settings.max_bytes)
        pairs = await analysts.run(analyse_upload, data, name, budget, kind)
        stored = await run_in_threadpool(keep, pairs) if store else 0
        done = [o for _, o in pairs if isinstance(o, Analysis)]
        skipped = [o for _, o in pairs if isinstance(o, Skipped)]
        return _answer(done, skipped, format, stored)

    @app.get("/api/claims", responses=_errors(404, 422, 503))
    def claims(
        about: Annotated[str | None, Query(max_length=1000)] = None,
        since: Since = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.claims(s, about=about, since=_iso(since), limit=limit)

    @app.get("/api/duplicates", responses=_errors(404, 422, 503))
    def duplicates(limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.duplicates(s, limit=limit)

    @app.get("/api/sources", responses=_errors(404, 422, 503))
    def sources(
        anonymous: bool = False, limit: Annotated[int, Query(ge=1, le=1000)] = 20
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.top_sources(s, limit=limit, anonymous=anonymous)

    @app.get("/api/sources/{name}", responses=_errors(404, 422, 503))
    def source(name: Annotated[str, Path(max_length=1000)]) -> dict[str, Any]:
        from newsint.store import queries

        with store() as s:
            return queries.source(s, name)

    @app.get("/api/actors/{name}", responses=_errors(404, 422, 503))
    def actor(
        name: Annotated[str, Path(max_length=1000)],
        since: Since = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.actor(s, name, since=_iso(since), limit=limit)

    from newsint.web.corpus_page import register_corpus_page  # the corpus section: /corpus

    register_corpus_page(app, store)
    return app


def _static(name: str) -> str:
    return resources.files("newsint.web").joinpath("static", name).read_text("utf-8")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _validation_message(exc: RequestValidationError) -> str:
    """``query since: Input should be a valid date ... (got '2020-13-45')``, one per problem."""
    parts = []
    for problem in exc.errors():
        where = " ".join(str(p) for p in problem.get("loc", ()))
        got = f" (got {problem['input']!r})" if "input" in problem else ""
        parts.append(f"{where}: {problem.get('msg', 'invalid')}{got}")
    return "; ".join(parts) or "invalid request"


async def _body(request: Request, name: str, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit``: never held whole."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"{name}: {int(declared):,} bytes is above the limit of {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"{name}: more than {limit:,} bytes, the limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _answer(
    done: list[Analysis], skipped: list[Skipped], format: str, stored: int
) -> JSONResponse | HTMLResponse:
    from newsint.report import html, json

    errors = [json.skipped_to_dict(s) for s in skipped]
    if not done:
        message = "; ".join(f"{s.name}: {s.reason}" for s in skipped) or "no document found"
        return error_response(422, message, skipped=errors, stored=stored)
    if format == "html":
        return HTMLResponse(html.render(done[0]), headers={"X-Newsint-Stored": str(stored)})
    reports = [json.to_dict(a) for a in done]
    return JSONResponse({"reports": reports, "skipped": errors, "stored": stored})
