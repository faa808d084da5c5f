"""The public API is explicit and pinned."""

import newsint


def test_public_api_is_pinned() -> None:
    assert sorted(newsint.__all__) == [
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
