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
- ``GET /api/claims``, ``/api/sources``, ``/api/sources/{name}``, ``/api/actors/{name}`` —
  the questions of ``newsint query`` over the store (``NEWSINT_DB`` or ``--db``).
- ``GET /api/health``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from newsint import __version__
from newsint.batch import store_outcomes
from newsint.errors import InputError, NewsintError
from newsint.ingest import read_upload
from newsint.models import Analysis, Page, Skipped
from newsint.pipeline import analyze_page
from newsint.settings import Settings

Kind = Literal["html", "text"]


def _page_html() -> str:
    return resources.files("newsint.web").joinpath("static/index.html").read_text("utf-8")


def analyse_upload(
    data: bytes, name: str, settings: Settings, kind: Kind | None = None
) -> list[tuple[Page | Skipped, Analysis | Skipped]]:
    """Every document of one uploaded body with its outcome, analysed or skipped (never raises
    for a bad one)."""
    return [
        (item, item if isinstance(item, Skipped) else analyze_page(item, settings))
        for item in read_upload(data, name, settings, kind=kind)
    ]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPIOffline(  # /docs and /redoc from files in the package, not from a CDN
        title="newsint",
        version=__version__,
        summary="Sources, attributions, claims, disputes and sourcing grades of news articles.",
    )

    writing = threading.Lock()  # one writer at a time (SQLite allows no more)
    # one analysis at a time per process: spaCy makes no thread-safety promise, and analysis
    # holds the GIL anyway; `newsint serve --workers N` runs N processes for throughput
    analysing = threading.Lock()

    def analyse(data: bytes, name: str, kind: Kind | None) -> list[tuple[Page | Skipped, Any]]:
        with analysing:
            return analyse_upload(data, name, settings, kind)

    def keep(pairs: list[tuple[Page | Skipped, Analysis | Skipped]]) -> int:
        with writing, store() as opened:
            return store_outcomes(pairs, opened)

    @contextmanager
    def store() -> Iterator[Any]:
        from newsint.store import Store

        try:
            with Store(settings.db_url) as opened:
                yield opened
        except InputError as exc:
            raise HTTPException(404, str(exc)) from exc
        except NewsintError as exc:
            raise HTTPException(503, str(exc)) from exc

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return _page_html()

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/api/analyze", response_model=None)
    async def analyze(
        request: Request,
        name: str = "upload",
        kind: Kind | None = None,
        format: Literal["json", "html"] = "json",  # noqa: A002 - the CLI option's name
        store: bool = False,
    ) -> JSONResponse | HTMLResponse:
        data = await _body(request, name, settings.max_bytes)
        pairs = await run_in_threadpool(analyse, data, name, kind)
        stored = await run_in_threadpool(keep, pairs) if store else 0
        done = [o for _, o in pairs if isinstance(o, Analysis)]
        skipped = [o for _, o in pairs if isinstance(o, Skipped)]
        return _answer(done, skipped, format, stored)

    @app.get("/api/claims")
    def claims(
        about: str | None = None,
        since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.claims(s, about=about, since=since, limit=limit)

    @app.get("/api/sources")
    def sources(
        anonymous: bool = False, limit: Annotated[int, Query(ge=1, le=1000)] = 20
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.top_sources(s, limit=limit, anonymous=anonymous)

    @app.get("/api/sources/{name}")
    def source(name: str) -> dict[str, Any]:
        from newsint.store import queries

        with store() as s:
            return queries.source(s, name)

    @app.get("/api/actors/{name}")
    def actor(
        name: str,
        since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> list[dict[str, Any]]:
        from newsint.store import queries

        with store() as s:
            return queries.actor(s, name, since=since, limit=limit)

    return app


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
        return JSONResponse(
            {"error": message, "skipped": errors, "stored": stored}, status_code=422
        )
    if format == "html":
        return HTMLResponse(html.render(done[0]), headers={"X-Newsint-Stored": str(stored)})
    reports = [json.to_dict(a) for a in done]
    return JSONResponse({"reports": reports, "skipped": errors, "stored": stored})
