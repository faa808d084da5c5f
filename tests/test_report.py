"""The JSON report is a public contract: schema, spans, and the human renderings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsint.models import Analysis
from newsint.pipeline import analyze_text
from newsint.report import html, markdown
from newsint.report.json import schema, to_dict, validate

ROOT = Path(__file__).resolve().parents[1]


def test_the_docs_schema_is_the_shipped_schema() -> None:
    assert json.loads((ROOT / "docs" / "report.schema.json").read_text()) == schema()


def test_the_example_report_validates(example_report: dict) -> None:
    validate(example_report)


def test_every_span_points_into_the_text(example_report: dict) -> None:
    n = len(example_report["text"])

    def spans(report: dict):  # type: ignore[no-untyped-def]
        for s in report["sources"]:
            yield from s["mentions"]
        for a in report["attributions"]:
            yield from a["source"] + a["cue"] + a["content"]
        for c in report["claims"]:
            yield from c["spans"] + c["hedges"]
            for r in c["grade"]["reasons"]:
                yield from r["spans"]
        for e in report["events"]:
            yield from e["spans"]

    for start, end in spans(example_report):
        assert 0 <= start < end <= n


def test_a_report_missing_a_contract_field_is_rejected(example_report: dict) -> None:
    broken = {k: v for k, v in example_report.items() if k != "claims"}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_claim_text_is_the_text_of_its_spans(example_report: dict) -> None:
    text = example_report["text"]
    for claim in example_report["claims"]:
        for start, end in claim["spans"]:
            assert text[start:end].strip() in claim["text"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No one said anything here.",
        "“It runs to the end of the document,” the minister said. “And it never closes",
    ],
)
def test_odd_texts_still_give_valid_reports(text: str) -> None:
    validate(to_dict(analyze_text(text)))


def test_markdown_report_is_readable(example_analysis: Analysis) -> None:
    page = markdown.render(example_analysis)
    for needle in ("## Sourcing", "## Sources", "Bob Kent", "anonymous", "## Claims and grades",
                   "## Who said what", "Brookings Institution"):  # fmt: skip
        assert needle in page


def test_html_report_marks_the_article(example_analysis: Analysis) -> None:
    page = html.render(example_analysis)
    assert page.startswith("<!doctype html>")
    assert '<table class="events">' in page and "ASSAULT" in page  # militias target the U.S.
    assert "Removed from the page: 18 blocks" in page and "<b>quiz</b>" in page
    assert 'class="src"' in page and 'class="content"' in page and "dispute" in page
    assert "<script" not in page.lower()


def test_a_direct_quotation_keeps_its_own_marks_not_two_pairs() -> None:
    analysis = analyze_text("“We will rebuild the bridge by June,” the mayor said on Monday.")
    for rendered in (markdown.render(analysis), html.render(analysis)):
        assert "“We will rebuild the bridge by June,”" in rendered
        assert "““" not in rendered and "“&ldquo;" not in rendered


def test_markdown_escapes_the_articles_html() -> None:
    from newsint.pipeline import analyze_text
    from newsint.report import markdown

    text = "Bob Kent said the plan <script>alert(1)</script> would fail & cost AT&T dearly."
    out = markdown.render(analyze_text(text, title="<b>Title</b>"))
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out and "&lt;b&gt;Title&lt;/b&gt;" in out and "AT&amp;T" in out
