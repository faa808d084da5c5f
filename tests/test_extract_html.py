"""HTML pages: trafilatura's main text plus page metadata."""

from __future__ import annotations

from newsint.extract import extract_body, extract_page
from newsint.extract.html import (
    chars,
    choose_paragraphs,
    clean_html,
    floor_paragraphs,
    readability_paragraphs,
)
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
    assert article.extractor == "newsint.html.v3"
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
    p_chars = sum(chars(p) for p in PARAS)
    assert p_chars > 2 * chars(PARAS[2])
    assert choose_paragraphs(HTML, ours, p_chars)[-3:] == PARAS


def test_no_fallback_when_trafilatura_kept_most_of_the_prose() -> None:
    ours = PARAS[:2]
    p_chars = sum(chars(p) for p in PARAS)
    assert choose_paragraphs(HTML, ours, p_chars) == ours


# A Korean page laid out as many Korean, Chinese and Arabic news sites are: the body in <span>s
# with <br> breaks, no <p>. trafilatura's precise fast mode keeps nothing of it; the floor
# (trafilatura's default mode, run because newsint kept under FLOOR_GATE of the page's text)
# recovers every paragraph.
KO_PARAS = [
    "정부는 19일 국무회의에서 내년도 예산안을 의결했다고 밝혔다. 이번 예산안은 역대 최대 규모로 "
    "편성됐으며 복지와 일자리 분야에 중점을 뒀다.",
    "기획재정부 관계자는 경기 둔화에 대응하기 위해 확장 재정이 불가피하다고 설명했다. 야당은 재정 "
    "건전성이 악화될 수 있다며 우려를 표했다.",
    "전문가들은 세수 감소 상황에서 지출 구조조정이 함께 이뤄져야 한다고 지적했다. 예산안은 다음 달 "
    "국회에 제출될 예정이다.",
    "한편 정부는 지방자치단체에 대한 교부금도 늘리기로 했다. 지역 경제 활성화를 위한 사업에 우선 "
    "배정된다.",
]
_KO_NAV = "".join(f'<li><a href="/news/{i}">뉴스 메뉴 항목 {i}</a></li>' for i in range(40))
KO_HTML = (
    "<html><head><title>정부, 내년 예산안 의결 | 뉴스</title></head><body>"
    f'<ul class="gnb">{_KO_NAV}</ul><h1>정부, 내년 예산안 의결</h1><div id="dic_area">'
    + "".join(f'<span class="t">{p}</span><br><br>' for p in KO_PARAS)
    + f'</div><div class="copyright">저작권자 무단전재 및 재배포 금지</div><ul>{_KO_NAV}</ul>'
    "</body></html>"
)


def test_floor_recovers_a_body_without_p_elements() -> None:
    assert clean_html(KO_HTML, metadata=False, details=False, floor=False).text == ""
    body = extract_body(KO_HTML, "html")[1].split("\n")
    assert body[: len(KO_PARAS)] == KO_PARAS  # (trafilatura keeps the copyright line too)


def test_floor_keeps_ours_when_it_is_a_fair_share_of_the_page() -> None:
    # newsint kept more than FLOOR_GATE of the page's text: trafilatura is not even run
    ours = PARAS[:2]
    assert floor_paragraphs("<html></html>", ours, sum(chars(p) for p in PARAS)) == ours


def test_floor_keeps_ours_when_trafilatura_keeps_little_more() -> None:
    ours = KO_PARAS[:3]  # three of four paragraphs: over FLOOR_RATIO of trafilatura's text
    assert floor_paragraphs(KO_HTML, ours, 10**6) == ours


def test_bench_worst_pages_and_scores() -> None:
    from newsint.bench.extraction import macro_f1, page_scores, worst_pages

    truth = {"a": "one two three four", "b": "five six"}
    ours = page_scores(truth, {"a": "one two three four", "b": ""})
    theirs = page_scores(truth, {"a": "one two", "b": "five six"})
    assert ours["b"] == (-1.0, 0.0, 0.0)  # an empty answer has no precision
    assert macro_f1(list(ours.values())) == 2 * 1.0 * 0.5 / 1.5
    text, below = worst_pages(ours, theirs, {"a": "en", "b": "ko"})
    assert below == 1
    assert text.splitlines()[1].split()[:2] == ["b", "ko"]
