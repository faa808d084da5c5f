"""The web page in a real headless Chromium: paste an article, see the report on it.

Chromium comes from Debian's package (`.ci/run` installs it); Playwright drives it. Without a
Chromium the test is skipped locally and fails under CI (``CI`` set), so it cannot silently
stop running there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import live_server

from newsint.settings import Settings
from newsint.web.app import create_app

CHROMIUM = os.environ.get("NEWSINT_CHROMIUM") or next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no Chromium installed (apt-get install chromium)", allow_module_level=True)

STORY = (
    "The city council voted on Monday to close the old bridge to cars, officials said.\n"
    "“We cannot wait for it to fail,” said Maria Kovac, the council's head of transport."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    with live_server(create_app(Settings(db_url=f"sqlite:///{db}"))) as url:
        yield url


def test_pasted_article_shows_sources_marked_on_the_text(server: str) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have a Chromium: apt-get install chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.fill("#content", STORY)
            page.select_option("#kind", "text")
            page.check("#keep")
            page.click("#analyze")
            page.wait_for_selector("#status:text('added to the store')", timeout=60_000)
            report = page.frame_locator("#report")
            marked = report.locator("span.src").all_inner_texts()
            assert "Maria Kovac" in " ".join(marked)
            assert report.locator("span.content").count() >= 1
            assert "Maria Kovac" in report.locator("aside table").first.inner_text()

            page.fill("#about", "bridge")  # the stored article is now in the corpus
            page.click("#claims-form button")
            page.wait_for_selector("#claims td", timeout=30_000)
            assert "bridge" in page.inner_text("#claims")

            page.fill("#content", "   ")
            page.click("#analyze")  # the browser refuses an empty required field
            page.fill("#content", "\u0000\u0001binary\u0002" * 50)
            page.click("#analyze")
            page.wait_for_selector("#error:not(:empty)", timeout=30_000)
            assert "pasted" in page.inner_text("#error")
        finally:
            browser.close()


def test_page_source_has_no_external_resources() -> None:
    """The page works offline: no scripts, styles or fonts from elsewhere."""
    html = (Path(__file__).parents[1] / "src/newsint/web/static/index.html").read_text()
    assert "http://" not in html and "https://" not in html


def test_api_docs_page_renders_without_the_internet(server: str) -> None:
    from playwright.sync_api import Route, sync_playwright

    assert CHROMIUM, "CI must have a Chromium: apt-get install chromium"
    outside: list[str] = []

    def local_only(route: Route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.route("**/*", local_only)
            page.goto(server + "/docs")
            page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
            assert "newsint" in page.inner_text(".swagger-ui .info .title")
            assert page.locator(".opblock-summary-path", has_text="/api/analyze").count() >= 1
        finally:
            browser.close()
    assert outside == []
