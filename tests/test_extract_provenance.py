"""Provenance (issue 17): every paragraph of the report's text maps back to the decoded input
and to its raw bytes, and every removed block of an HTML page to its place in the page, for
text, HTML, JSON Lines and WARC input alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ingest import warc

from newsint.extract import extract_page
from newsint.extract.provenance import byte_offsets, visible_text
from newsint.ingest import read_inputs
from newsint.models import Article, Page
from newsint.report.json import validate

BODY = [
    "The council voted on Monday to close the old bridge to lorries from next spring.",
    "“It is the only safe choice,” said the council leader, Ann Marsh, after the vote.",
    "Engineers found cracks in two of its piers in a survey last year, the council said.",
]
HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Bridge to close – Valley News"
    "</title><meta property='og:title' content='Bridge to close'>"
    "<meta property='article:published_time' content='2024-03-05T10:00:00Z'>"
    "<script>var x = '<p>not text</p>';</script></head><body>"
    "<nav class='menu'><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul></nav>"
    "<div class='share-bar'>Share on Facebook</div><article><h1>Bridge to close</h1>"
    f"<p>{BODY[0].replace('Monday', '<b>Monday</b>')}</p>"
    f"<p>{BODY[1].replace('“', '&ldquo;').replace('”', '&rdquo;')}</p>"
    f"<p>{BODY[2]}</p></article>"
    "<aside class='related'><h3>Related stories</h3><ul><li><a href='/x'>Flood defences"
    " finished early</a></li></ul></aside><footer>© 2024 Valley News. All rights reserved."
    "</footer></body></html>"
)
TEXT = "Bridge to close | Valley News\n\nHome\nNews\n\nBridge to close\n\n5 March 2024\n\n" + (
    "\n\n".join(BODY) + "\n\nShare on Facebook\n\n© 2024 Valley News. All rights reserved.\n"
)


def squash(text: str) -> str:
    return "".join(text.split())


def check_round_trip(article: Article, content: str, raw: bytes) -> None:
    assert article.paragraphs, "no provenance"
    paragraphs = article.text.split("\n")
    assert len(article.paragraphs) == len(paragraphs)
    for para, source in zip(paragraphs, article.paragraphs, strict=True):
        s, e = source.span
        assert article.text[s:e] == para
        assert source.input_span is not None and source.byte_span is not None
        i, j = source.input_span
        b0, b1 = source.byte_span
        assert raw[b0:b1].decode(article.encoding or "utf-8") == content[i:j]
        if article.content_kind == "text":
            assert content[i:j] == para
        else:
            assert squash(visible_text(content[i:j]).text) == squash(para)
    for removed in article.removed:
        assert removed.span is not None and removed.byte_span is not None
        i, j = removed.span
        b0, b1 = removed.byte_span
        assert raw[b0:b1].decode(article.encoding or "utf-8") == content[i:j]
        if article.content_kind == "text":
            assert content[i:j] == removed.text
        else:
            assert squash(visible_text(content[i:j]).text) == squash(removed.text)


def only_article(path: Path) -> tuple[Page, Article]:
    (page,) = list(read_inputs([path]))
    assert isinstance(page, Page)
    article = extract_page(page)
    assert isinstance(article, Article)
    return page, article


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_html_file_round_trips(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.html"
    html = HTML.replace("utf-8", encoding) if encoding == "cp1252" else HTML
    path.write_bytes(html.encode(encoding, "replace"))
    page, article = only_article(path)
    check_round_trip(article, page.content, path.read_bytes())
    assert article.text.split("\n") == BODY


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_text_file_round_trips(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(TEXT.encode(encoding))
    page, article = only_article(path)
    check_round_trip(article, page.content, path.read_bytes())
    assert BODY[0] in article.text.split("\n")


@pytest.mark.parametrize("kind", ["html", "text"])
def test_json_lines_round_trip(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "pages.jsonl"
    body = HTML if kind == "html" else TEXT
    path.write_text(json.dumps({"id": "p1", kind: body}) + "\n")
    page, article = only_article(path)
    # the raw bytes of a JSON Lines record are its field's string in UTF-8
    check_round_trip(article, page.content, body.encode("utf-8"))


def test_warc_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    payload = HTML.encode("utf-8")
    path.write_bytes(warc([("https://valley.test/2024/03/05/bridge", payload)]))
    page, article = only_article(path)
    check_round_trip(article, page.content, payload)


def test_html_removed_blocks_have_reasons(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML)
    _, article = only_article(path)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Home"] == "nav"
    assert reasons["Share on Facebook"] == "share"
    assert reasons["Flood defences finished early"] == "related"
    assert reasons["Bridge to close"] == "title"
    assert reasons["© 2024 Valley News. All rights reserved."] == "footer"
    assert not any("not text" in r.text for r in article.removed)  # scripts are not text


def test_metadata_says_where_it_came_from(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML)
    _, article = only_article(path)
    origins = dict(article.origins)
    assert article.title == "Bridge to close" and origins["title"] == "meta og:title"
    assert article.published == "2024-03-05"
    assert origins["published"] == "meta article:published_time"


def test_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(TEXT)
    _, article = only_article(path)
    assert (article.title, dict(article.origins)["title"]) == ("Bridge to close", "headline line")
    assert (article.published, dict(article.origins)["published"]) == ("2024-03-05", "date line")


def test_the_report_carries_provenance(tmp_path: Path) -> None:
    from newsint.pipeline import analyze_article
    from newsint.report.json import to_dict

    path = tmp_path / "page.html"
    path.write_text(HTML)
    _, article = only_article(path)
    report = to_dict(analyze_article(article))
    validate(report)
    paras = report["provenance"]["paragraphs"]
    assert [report["text"][p["span"][0] : p["span"][1]] for p in paras] == BODY
    assert all(r["input_span"] for r in report["removed"])
    assert report["document"]["origins"]["title"] == "meta og:title"


@pytest.mark.parametrize(
    ("content", "encoding", "offsets", "expected"),
    [
        ("aé€b", "utf-8", [0, 1, 2, 3, 4], [0, 1, 3, 6, 7]),
        ("aé€b", "utf-8-sig", [0, 2], [3, 6]),
        ("aé€b", "cp1252", [3, 1], [3, 1]),
        ("ab", "utf-16", [1], [4]),
        ("ab", None, [1], None),
    ],
)
def test_byte_offsets(
    content: str, encoding: str | None, offsets: list[int], expected: list[int] | None
) -> None:
    assert byte_offsets(content, encoding, offsets) == expected


@pytest.mark.parametrize(
    ("tag", "attrs", "reason"),
    [
        ("div", "navbar top", "nav"),
        ("div", "thread-heads", None),  # "heads" is no "ads", "thread" no "read-more"
        ("div", "ad-slot", "promo"),
        ("div", "read-more-box", "related"),
        ("ul", "post-tags", "tag"),
        ("nav", "", "nav"),
        ("p", "article-body", None),
    ],
)
def test_element_reasons(tag: str, attrs: str, reason: str | None) -> None:
    from newsint.extract.provenance import element_reason

    assert element_reason(tag, attrs) == reason
