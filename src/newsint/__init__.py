"""newsint: read news like a fact-checker — sources, attributions, claims, disputes and grades.

The public API::

    from newsint import analyze, analyze_text, Settings
    for outcome in analyze(["examples/circa-iran-isis.txt"]):
        ...  # an Analysis, or a Skipped record naming the document and the problem
"""

from __future__ import annotations

__version__ = "0.3.0"

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
    "analyze_text",
]
