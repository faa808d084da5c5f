"""The corpus section of the web page (``/corpus``): the claim route over a real store, and the
page in a real headless Chromium (as tests/test_web_browser.py: skipped locally without one,
a failure under CI). The store holds the bundled example and the five fixture articles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.support import EXAMPLE, FIXTURES, cached_analyse
from fastapi.testclient import TestClient
from live_server import live_server

from newsint import batch
from newsint.settings import Settings
from newsint.store import Store
from newsint.web.app import create_app

CHROMIUM = os.environ.get("NEWSINT_CHROMIUM") or next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
SCREENSHOT = os.environ.get("NEWSINT_SCREENSHOT_DIR")  # docs/screenshots, to refresh them


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus-page') / 'news.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "_analyse", cached_analyse)
        with Store(url) as store:
            batch.ingest([EXAMPLE, *FIXTURES], store, workers=0)
    return url


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(Settings(db_url=db)))


def _central(client: TestClient) -> str:
    rows = client.get("/api/claims", params={"about": "ISIS fighters"}).json()
    return str(rows[0]["cluster"])


def test_a_claim_across_outlets_earliest_first(client: TestClient) -> None:
    answer = client.get(f"/api/corpus/claims/{_central(client)}")
    assert answer.status_code == 200
    claim = answer.json()
    assert claim["amplified_by"] == {"Bob Kent": 3}
    assert "Sarah Whitfield" in claim["independent_sources"]
    assert claim["disputed_by"] == ["Michael O'Hanlon"]
    documents = {a["document"] for a in claim["appearances"]}
    assert len(documents) == claim["documents"] == 5
    kent = [a for a in claim["appearances"] if "Kent" in a["named_there"]]
    assert kent and all(a["credited_to"] == ["Bob Kent"] for a in kent)  # one source, two names


def test_an_unknown_claim_is_a_404_in_the_error_shape(client: TestClient) -> None:
    answer = client.get("/api/corpus/claims/k:nothing")
    assert answer.status_code == 404
    assert answer.json()["ok"] is False and "no claim" in answer.json()["error"]


def test_the_page_runs_only_its_own_script(client: TestClient) -> None:
    answer = client.get("/corpus")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert '<script src="/static/corpus.js">' in answer.text
    assert "http://" not in answer.text.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in answer.text
    script = client.get("/static/corpus.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in script.text  # what the store says goes in as text, never as HTML
    library = client.get("/static/vendor/cytoscape.min.js")
    assert library.status_code == 200 and "Cytoscape Consortium" in library.text[:500]


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[str]:
    with live_server(create_app(Settings(db_url=db))) as url:
        yield url


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="no Chromium installed (apt-get install chromium)",
)
def test_search_a_claim_then_follow_a_source_in_chromium(server: str) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have a Chromium: apt-get install chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(server + "/corpus")
            page.fill("#about", "ISIS fighters")
            page.click("#search button")
            page.wait_for_selector("#claims button.link", timeout=30_000)
            page.locator("#claims button.link").first.click()
            page.wait_for_selector("#claim:not([hidden]) #appearances td", timeout=30_000)
            assert "Bob Kent ×3" in page.inner_text("#amplified")
            assert "Michael O'Hanlon" in page.inner_text("#disputed")
            assert "Sarah Whitfield" in page.inner_text("#independent")
            nodes = page.evaluate("corpusNetwork.nodes().map((n) => n.data('label'))")
            assert "Bob Kent" in nodes and "Michael O'Hanlon" in nodes
            assert page.evaluate("corpusNetwork.edges('[kind = \"disputes\"]').length") >= 1
            assert "undated" in page.inner_text("#appearances")
            assert "Bob Kent (as “Kent”)" in page.inner_text("#appearances")
            if SCREENSHOT:
                page.screenshot(path=str(Path(SCREENSHOT) / "corpus-claim.png"), full_page=True)
                page.locator("#network").screenshot(
                    path=str(Path(SCREENSHOT) / "corpus-network.png")
                )

            page.locator("#amplified button", has_text="Bob Kent").click()
            page.wait_for_selector("#source:not([hidden]) #said td", timeout=30_000)
            assert page.inner_text("#source-name") == "Bob Kent"
            named = page.inner_text("#named-as")
            assert "Kent" in named and "gulf-ledger-kent.txt" in named
            page.locator("#said button.link").first.click()  # back to a claim of his
            page.wait_for_selector("#claim:not([hidden])", timeout=30_000)
            if SCREENSHOT:
                page.locator("#amplified button", has_text="Bob Kent").click()
                page.wait_for_selector("#source:not([hidden]) #said td", timeout=30_000)
                page.locator("#source").screenshot(path=str(Path(SCREENSHOT) / "corpus-source.png"))
            assert errors == []
        finally:
            browser.close()
