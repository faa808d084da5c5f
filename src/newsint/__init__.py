"""newsint: read news like a fact-checker — sources, attributions, claims, disputes and grades.

The public API (the README's "Use from Python")::

    from newsint import analyze, analyze_html, analyze_text, to_report, Settings
    for outcome in analyze(["examples/circa-iran-isis.txt"]):
        report = to_report(outcome)  # the JSON report; for a Skipped document, its error
"""

from __future__ import annotations

__version__ = "0.3.0"

from newsint.api import analyze_html, to_json, to_report  # noqa: E402
from newsint.errors import NewsintError  # noqa: E402
from newsint.models import Analysis, Article, Page, Skipped  # noqa: E402
from newsint.pipeline import analyze, analyze_article, analyze_text  # noqa: E402
from newsint.settings import Settings  # noqa: E402

__all__ = [
    "Analysis",
    "Article",
    "NewsintError",
    "Page",
    "Settings",
    "Skipped",
    "__version__",
    "analyze",
    "analyze_article",
    "analyze_html",
    "analyze_text",
    "to_json",
    "to_report",
]
