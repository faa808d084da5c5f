"""The public Python API of the README's "Use from Python": HTML in memory, the JSON report."""

from __future__ import annotations

import json

import newsint
from newsint.report.json import validate

PAGE = (
    "<html><head><title>Bridge to reopen</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>Bridge to reopen</h1>"
    "<p>The mayor of Springfield said on Monday that the river bridge would reopen next week "
    "after repairs that took most of the summer.</p>"
    "<p>“We have done the repairs and the inspectors are satisfied,” she said.</p>"
    "</article></body></html>"
)


def test_an_html_string_is_extracted_then_analysed_into_a_valid_report() -> None:
    outcome = newsint.analyze_html(PAGE, url="https://example.org/bridge")
    assert isinstance(outcome, newsint.Analysis)
    report = newsint.to_report(outcome)
    validate(report)
    assert report["document"]["input_format"] == "html"
    assert report["document"]["url"] == "https://example.org/bridge"
    assert "Home | News" not in report["text"] and report["text"].startswith("The mayor")
    assert json.loads(newsint.to_json(outcome)) == report


def test_an_unusable_page_is_a_skipped_with_its_reason_not_an_exception() -> None:
    outcome = newsint.analyze_html("   ", doc_id="blank")
    assert isinstance(outcome, newsint.Skipped)
    report = newsint.to_report(outcome)
    assert report["document"] == {"id": "blank", "name": "blank"}
    assert report["error"].startswith("empty")


def test_the_id_defaults_to_the_pages_sha256() -> None:
    import hashlib

    outcome = newsint.analyze_html(PAGE)
    assert outcome.article.id == hashlib.sha256(PAGE.encode()).hexdigest()  # type: ignore[union-attr]


def test_the_readmes_python_example_uses_only_the_public_api() -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    (block,) = re.findall(r"## Use from Python\n.*?```python\n(.*?)```", readme, re.S)
    compile(block, "README.md", "exec")  # it parses
    used = set(re.findall(r"newsint\.(\w+)", block))
    assert used and used <= set(newsint.__all__), used - set(newsint.__all__)
