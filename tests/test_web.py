"""The HTTP API: the same reports as the CLI, clear errors, the corpus questions over a store."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

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
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'web.db'}", max_bytes=50_000)
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
    assert "huge" in answer.json()["detail"] and "limit" in answer.json()["detail"]
    streamed = client.post("/api/analyze?name=stream", content=iter([b"word " * 8_000] * 3))
    assert streamed.status_code == 413 and "stream" in streamed.json()["detail"]


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
    yield TestClient(create_app(Settings(db_url=url)))


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
