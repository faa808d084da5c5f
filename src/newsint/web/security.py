"""The web surface's hardening: security headers on every answer, and one JSON error shape.

:class:`Hardening` is a plain ASGI middleware, the outermost of the app's own, so that it sees
every answer, errors included:

- ``Content-Security-Policy``: the page runs only its own script (``/static/page.js``, no inline
  script, no outside resource, no plugins) and frames nothing but the report, which it shows in a
  sandboxed ``srcdoc`` iframe; a report (``format=html``) runs no script at all; the API's JSON
  loads nothing. ``frame-ancestors 'none'`` everywhere (and ``X-Frame-Options: DENY`` for old
  browsers): no other site can frame newsint. The API documentation (``/docs``, ``/redoc``)
  needs the inline script its pages are built with, and gets it, from this origin only.
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``.
- An exception no handler caught is logged and answered as a JSON 500 in the shape of every
  other error, never Starlette's plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

#: The page: its own script and styles (inline styles: the report's, inside the iframe, inherit
#: the page's policy), the report in a srcdoc frame, fetches to this origin only.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
)
#: A report: styles and inline SVG only; scripts never run (``sandbox`` without allow-scripts).
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'; sandbox"
)
#: Swagger UI and ReDoc, served from this origin (fastapi-offline), built by inline scripts.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)
#: Everything else (JSON answers): nothing to load, nothing to frame.
API_POLICY = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"

COMMON_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def policy_for(path: str, content_type: str) -> str:
    if path in ("/docs", "/redoc", "/docs/oauth2-redirect") or path.startswith("/static-offline"):
        return DOCS_POLICY
    if path == "/":
        return PAGE_POLICY
    if content_type.startswith("text/html"):
        return REPORT_POLICY
    return API_POLICY


def error_response(
    status: int, message: str, *, headers: Mapping[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """The one error shape of the API: ``{"ok": false, "error": message, "status": status}``,
    plus any ``extra`` fields (``skipped``, ``stored`` for an analysis that found nothing)."""
    body: dict[str, Any] = {"ok": False, "error": message, "status": status}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers)


class Hardening:
    """Adds the security headers to every HTTP answer and turns an uncaught exception into the
    JSON 500 of :func:`error_response`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        started = False

        async def send_hardened(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                content_type = next(
                    (v.decode("latin-1") for k, v in raw if k.lower() == b"content-type"), ""
                )
                added = {
                    **COMMON_HEADERS,
                    "content-security-policy": policy_for(path, content_type),
                }
                raw += [
                    (k.encode(), v.encode()) for k, v in added.items() if k.encode() not in present
                ]
                message = {**message, "headers": raw}
            await send(message)

        try:
            await self.app(scope, receive, send_hardened)
        except Exception as exc:  # noqa: BLE001 - the client gets JSON, the log gets the traceback
            log.exception("unhandled error on %s %s", scope.get("method"), path)
            if started:
                return  # the answer is already on its way: nothing more can be said
            answer = error_response(
                500,
                f"internal error ({type(exc).__name__}); the server log has the details, "
                "please report it with the request that caused it",
            )
            await answer(scope, receive, send_hardened)
