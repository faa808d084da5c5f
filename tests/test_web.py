"""The HTTP API: the same reports as the CLI, clear errors, the corpus questions over a store."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus.support import EXAMPLE, FIXTURES, cached_analyse
from fastapi.testclient import TestClient

from newsint import batch
from newsint.report.json import validate
from newsint.settings import Settings
from newsint.store import Store
from newsint.web.app import create_app

STORY = (
    "The city council voted on Monday to close the old bridge to cars, officials said.\n"
    "“We cannot wait for it to fail,” said Maria Kovac, the council's head of transport."
)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'web.db'}", max_bytes=50_000, api_workers=0)
    return TestClient(create_app(settings))


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"


def test_analyze_answers_reports_of_the_json_contract(client: TestClient) -> None:
    answer = client.post("/api/analyze?kind=text&name=bridge", content=STORY.encode())
    assert answer.status_code == 200
    (report,) = answer.json()["reports"]
    validate(report)
    assert report["document"]["name"] == "bridge"
    names = {s["name"] for s in report["sources"]}
    assert "Maria Kovac" in names


def test_analyze_sniffs_gzip_and_html(client: TestClient) -> None:
    html = (
        f"<html><body><article><p>{STORY.replace(chr(10), '</p><p>')}</p></article></body></html>"
    )
    answer = client.post("/api/analyze", content=gzip.compress(html.encode()))
    assert answer.status_code == 200
    assert answer.json()["reports"][0]["document"]["input_format"] == "html"


def test_analyze_html_format_marks_the_article(client: TestClient) -> None:
    answer = client.post("/api/analyze?format=html&kind=text", content=STORY.encode())
    assert answer.headers["content-type"].startswith("text/html")
    assert 'class="src"' in answer.text and "Maria Kovac" in answer.text


def test_a_bad_document_is_named_with_its_problem(client: TestClient) -> None:
    empty = client.post("/api/analyze?name=blank.txt", content=b"  \n")
    assert empty.status_code == 422
    assert empty.json()["error"] == "blank.txt: empty document: nothing to analyse"
    binary = client.post("/api/analyze?name=photo", content=bytes(range(256)) * 4)
    assert binary.status_code == 422 and "binary" in binary.json()["error"]


def test_a_body_above_the_size_limit_is_refused(client: TestClient) -> None:
    answer = client.post("/api/analyze?name=huge", content=b"word " * 20_000)
    assert answer.status_code == 413
    assert "huge" in answer.json()["error"] and "limit" in answer.json()["error"]
    streamed = client.post("/api/analyze?name=stream", content=iter([b"word " * 8_000] * 3))
    assert streamed.status_code == 413 and "stream" in streamed.json()["error"]


def test_one_bad_record_does_not_sink_the_others(client: TestClient) -> None:
    records = [{"id": "ok", "text": STORY}, {"id": "bad", "text": ""}]
    lines = "".join(json.dumps(r) + "\n" for r in records).encode()
    answer = client.post("/api/analyze?name=batch.jsonl", content=lines)
    body = answer.json()
    assert answer.status_code == 200
    assert len(body["reports"]) == 1 and len(body["skipped"]) == 1


def test_analysed_documents_can_join_the_corpus_store(client: TestClient) -> None:
    first = client.post("/api/analyze?kind=text&store=true", content=STORY.encode()).json()
    assert first["stored"] == 1
    again = client.post("/api/analyze?kind=text&store=true", content=STORY.encode()).json()
    assert again["stored"] == 0  # the same bytes are the same document
    sources = client.get("/api/sources").json()
    assert "Maria Kovac" in [s["source"] for s in sources]


def test_the_web_page_is_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'id="analyze-form"' in page.text


@pytest.fixture
def corpus_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(batch, "_analyse", cached_analyse)
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with Store(url) as store:
        batch.ingest([EXAMPLE, *FIXTURES], store, workers=0)
    yield TestClient(create_app(Settings(db_url=url, api_workers=0)))


def test_corpus_questions_over_the_store(corpus_client: TestClient) -> None:
    (central,) = corpus_client.get("/api/claims", params={"about": "ISIS", "limit": 1}).json()
    assert central["amplified_by"] == {"Bob Kent": 3}
    assert central["disputed_by"] == ["Michael O'Hanlon"]
    kent = corpus_client.get("/api/sources/Kent").json()
    assert kent["source"] == "Bob Kent" and kent["documents"] == 3
    top = corpus_client.get("/api/sources").json()
    assert "Bob Kent" in [s["source"] for s in top]
    assert corpus_client.get("/api/sources/Nobody").status_code == 404
    assert corpus_client.get("/api/claims", params={"since": "last week"}).status_code == 422


# -- the hardened surface: one error shape, validation, headers --------------------------------


def error_shape(answer: Any, status: int) -> str:
    """Every error answers ``{"ok": false, "error": str, "status": int}`` (and JSON)."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str)
    return str(body["error"])


def test_every_error_has_one_json_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "limit" in error_shape(client.post("/api/analyze", content=b"word " * 20_000), 413)
    assert "empty" in error_shape(client.post("/api/analyze", content=b" "), 422)
    assert "since" in error_shape(client.get("/api/claims?since=2020-13-45"), 422)
    assert "limit" in error_shape(client.get("/api/claims?limit=0"), 422)
    assert "kind" in error_shape(client.post("/api/analyze?kind=pdf", content=STORY.encode()), 422)
    error_shape(client.get("/api/nowhere"), 404)
    error_shape(client.delete("/api/claims"), 405)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("newsint.web.app.analyse_upload", broken)
    hardy = TestClient(client.app, raise_server_exceptions=False)
    message = error_shape(hardy.post("/api/analyze", content=STORY.encode()), 500)
    assert "RuntimeError" in message and "a bug" not in message  # no internals leak


def test_a_read_never_creates_the_store(tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    client = TestClient(create_app(Settings(db_url=f"sqlite:///{db}", api_workers=0)))
    for url in ("/api/claims", "/api/sources", "/api/sources/Kent", "/api/actors/Iran"):
        assert "no store" in error_shape(client.get(url), 404)
    assert not db.exists()


def test_the_openapi_document_declares_bodies_and_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    analyze = spec["paths"]["/api/analyze"]["post"]
    assert {"text/html", "text/plain", "application/gzip"} <= set(analyze["requestBody"]["content"])
    assert {"413", "422", "500"} <= set(analyze["responses"])
    claims = spec["paths"]["/api/claims"]["get"]
    assert {"404", "422", "500"} <= set(claims["responses"])
    error = claims["responses"]["422"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorAnswer"}
    since = next(p for p in claims["parameters"] if p["name"] == "since")
    assert "date" in json.dumps(since["schema"])


@pytest.mark.parametrize("url", ["/", "/api/health", "/api/claims?since=x", "/docs", "/nowhere"])
def test_every_answer_carries_the_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_the_page_and_the_report_run_no_inline_script(client: TestClient) -> None:
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "<script>" not in page.text and '<script src="/static/page.js">' in page.text
    assert re.search(r"<iframe[^>]*\bsandbox\b", page.text)  # the report frame runs no script
    assert client.get("/static/page.js").headers["content-type"].startswith("text/javascript")
    hostile = "<script>alert(1)</script>" + STORY
    report = client.post("/api/analyze?format=html&kind=text", content=hostile.encode())
    assert "sandbox" in report.headers["content-security-policy"]
    assert "script-src" not in report.headers["content-security-policy"]  # default-src 'none'
    assert "<script>alert" not in report.text
