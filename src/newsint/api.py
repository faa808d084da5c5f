"""The rest of the public Python API: an HTML page held in memory, and the JSON report.

``analyze`` (paths), ``analyze_text`` (a clean article) and ``analyze_article`` live in
:mod:`newsint.pipeline`; this module adds what a notebook or a service needs besides.
"""

from __future__ import annotations

import json
from typing import Any

from newsint.ingest import sha256
from newsint.models import Analysis, Page, Skipped
from newsint.pipeline import analyze_page
from newsint.settings import Settings
from newsint.textsafe import repair


def analyze_html(
    html: str,
    *,
    doc_id: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Analysis | Skipped:
    """Analyse one HTML page held in a string (no URL needed): the article is extracted first,
    as for an ``.html`` file. ``doc_id`` defaults to the sha256 of the page's UTF-8 bytes.
    A page that cannot be analysed is a :class:`Skipped` with the reason, never an exception."""
    digest = sha256(html.encode("utf-8", "surrogatepass"))
    page = Page(
        id=doc_id or digest,
        name=doc_id or "<html>",
        content=repair(html),
        kind="html",
        input_format="html",
        sha256=digest,
        url=url,
    )
    return analyze_page(page, settings)


def to_report(outcome: Analysis | Skipped) -> dict[str, Any]:
    """The JSON report of an analysis (``docs/report.schema.json``: the report contract), or
    for a Skipped document ``{"document": {"id", "name"}, "error": reason}`` as the HTTP API
    answers it."""
    from newsint.report import json as report_json

    if isinstance(outcome, Skipped):
        return report_json.skipped_to_dict(outcome)
    return report_json.to_dict(outcome)


def to_json(outcome: Analysis | Skipped, *, indent: int | None = None) -> str:
    """:func:`to_report` as a JSON string (UTF-8 characters kept), as ``analyze --format json``
    writes each line."""
    return json.dumps(to_report(outcome), ensure_ascii=False, indent=indent)
