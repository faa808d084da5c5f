"""The corpus section of the web page (``GET /corpus``): search the store's claims; for a
claim, the documents and outlets carrying it over time, its independent sources, amplifiers and
disputers, and a small network of who is credited where; for a source, what they said across
the corpus, how each document names them, and who disputes them.

The network is drawn by Cytoscape.js (MIT), vendored in ``static/vendor/`` from the npm
registry by ``scripts/vendor_cytoscape.sh`` and served from this origin: no CDN.

The page is ``static/corpus.html`` with its one script ``static/corpus.js`` (no inline script,
nothing from another origin); it reads ``/api/claims``, ``/api/sources/{name}`` and the route
added here, ``/api/corpus/claims/{cluster}`` (:func:`newsint.store.claim_view.claim_detail`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, Path
from fastapi.responses import HTMLResponse, Response

from newsint.web.security import PAGE_POLICY

JAVASCRIPT = "text/javascript; charset=utf-8"


def register_corpus_page(app: FastAPI, store: Callable[[], AbstractContextManager[Any]]) -> None:
    """Add ``/corpus``, its script and its claim route to ``app``; ``store()`` opens the store
    for reading as the app's other routes do (404 when there is none, 503 when it fails)."""

    @app.get("/corpus", response_class=HTMLResponse, include_in_schema=False)
    def corpus_page() -> HTMLResponse:
        # the page's own policy (its script from this origin), as for "/"
        return HTMLResponse(
            _static("corpus.html"), headers={"content-security-policy": PAGE_POLICY}
        )

    @app.get("/static/corpus.js", include_in_schema=False)
    def corpus_script() -> Response:
        return Response(_static("corpus.js"), media_type=JAVASCRIPT)

    @app.get("/static/vendor/cytoscape.min.js", include_in_schema=False)
    def network_library() -> Response:
        return Response(_static("vendor/cytoscape.min.js"), media_type=JAVASCRIPT)

    from newsint.web.app import _errors  # the one error shape, in the OpenAPI document

    @app.get("/api/corpus/claims/{cluster}", responses=_errors(404, 422, 503))
    def corpus_claim(cluster: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        """One claim across the corpus: its independent sources, amplifiers and disputers, and
        every document that carries it, earliest first, with its words and grade there."""
        from newsint.store.claim_view import claim_detail

        with store() as opened:
            return claim_detail(opened, cluster)


def _static(name: str) -> str:
    return resources.files("newsint.web").joinpath("static", *name.split("/")).read_text("utf-8")
