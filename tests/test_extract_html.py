"""HTML pages: trafilatura's main text plus page metadata."""

from __future__ import annotations

from newsint.extract import extract_body, extract_page
from newsint.extract.html import choose_paragraphs, readability_paragraphs
from newsint.models import Article, Page, Skipped

PARAS = [
    "The city council voted on Monday to close the old bridge to cars from next spring, after "
    "engineers warned that its steel frame had corroded faster than expected.",
    "“We cannot wait for it to fail,” said the council’s head of transport, Maria Kovač, who "
    "added that buses and bicycles would still be allowed to cross until repairs begin.",
    "Shop owners on both banks said the closure would cost them customers, and a petition "
    "against it had gathered more than 4,000 signatures by Monday evening.",
]

HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council closes old bridge to cars | Riverside Gazette</title>
<meta property="og:title" content="Council closes old bridge to cars">
<meta property="og:site_name" content="Riverside Gazette">
<meta name="author" content="Sam Reporter">
<meta property="article:published_time" content="2019-11-19T08:00:00Z">
<link rel="canonical" href="https://gazette.example.com/2019/11/19/bridge-closed">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council closes old bridge to cars</h1>
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
</article>
<footer>Copyright © 2019 Riverside Gazette. All rights reserved.</footer>
</body></html>"""


def page(content: str) -> Page:
    return Page("h1", "bridge.html", content, "html", "html", "0" * 64)


def test_html_article_text_and_metadata() -> None:
    article = extract_page(page(HTML))
    assert isinstance(article, Article)
    assert article.text.split("\n") == PARAS
    assert article.title == "Council closes old bridge to cars"
    assert article.site == "Riverside Gazette"
    assert article.author == "Sam Reporter"
    assert article.published == "2019-11-19"
    assert article.url == "https://gazette.example.com/2019/11/19/bridge-closed"
    assert article.language == "en"
    assert article.extractor == "newsint.html.v2"
    for seg in article.segments:
        clean = article.text[seg.clean_start : seg.clean_start + seg.length]
        assert clean == HTML[seg.raw_start : seg.raw_start + seg.length]
    assert len(article.segments) == 3


def test_html_body_only() -> None:
    title, body = extract_body(HTML, "html")
    assert body.split("\n") == PARAS
    assert title == "Council closes old bridge to cars"  # the page's og:title


def test_html_without_article_is_skipped() -> None:
    result = extract_page(page("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert isinstance(result, Skipped)


def test_unicode_survives_in_html() -> None:
    article = extract_page(page(HTML.replace("Maria Kovač", "Ольга Ñúñez 🙂")))
    assert isinstance(article, Article)
    assert "Ольга Ñúñez 🙂" in article.text


def test_readability_paragraphs_keep_block_breaks() -> None:
    paras = readability_paragraphs(HTML)
    assert paras == ["Council closes old bridge to cars", *PARAS]


def test_fallback_when_trafilatura_keeps_a_small_part_of_the_prose() -> None:
    # trafilatura kept one paragraph of three; the page's <p> elements hold three times as
    # many words, and readability finds them all: its text replaces trafilatura's.
    ours = [PARAS[2]]
    p_words = sum(len(p.split()) for p in PARAS)
    assert p_words > 2 * len(PARAS[2].split())
    assert choose_paragraphs(HTML, ours, p_words)[-3:] == PARAS


def test_no_fallback_when_trafilatura_kept_most_of_the_prose() -> None:
    ours = PARAS[:2]
    p_words = sum(len(p.split()) for p in PARAS)
    assert choose_paragraphs(HTML, ours, p_words) == ours
