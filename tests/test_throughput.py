"""Batched analysis gives what one-at-a-time analysis gives; the throughput bench's arithmetic."""

from __future__ import annotations

from newsint.batch import _chunks
from newsint.bench.throughput import Rate, projection_hours
from newsint.models import Page, Skipped
from newsint.pipeline import analyze_page, analyze_pages
from newsint.report.json import to_dict

STORIES = [
    "The mayor said on Monday that the bridge would reopen in May.\n"
    "Officials denied the report, according to a city spokesman.",
    "",  # empty after cleaning: Skipped, and the others still analysed
    "Police said two men were arrested after the protest, a witness told reporters.",
]


def _page(i: int, text: str) -> Page:
    return Page(
        id=f"p{i}", name=f"p{i}.txt", content=text, kind="text", input_format="text", sha256=str(i)
    )


def _same(a: object, b: object) -> bool:
    if isinstance(a, Skipped) or isinstance(b, Skipped):
        return a == b
    return to_dict(a) == to_dict(b)


def test_pages_parsed_together_give_the_reports_of_pages_parsed_alone() -> None:
    pages = [_page(i, t) for i, t in enumerate(STORIES)]
    together = analyze_pages(pages)
    assert isinstance(together[1], Skipped)
    assert all(_same(a, analyze_page(p)) for a, p in zip(together, pages, strict=True))


def test_chunks_start_small_so_a_few_documents_reach_every_worker() -> None:
    items = iter([(str(i), _page(i, "x")) for i in range(40)])
    sizes = [len(c) for c in _chunks(items, None)]
    assert sizes == [1, 2, 4, 8, 16, 9]


def test_chunks_stop_at_the_limit() -> None:
    items = iter([(str(i), _page(i, "x")) for i in range(40)])
    assert sum(len(c) for c in _chunks(items, 5)) == 5


def test_rates_and_the_projection() -> None:
    rate = Rate(docs=10, words=5000, seconds=2.0)
    assert (rate.docs_per_s, rate.words_per_s) == (5.0, 2500.0)
    # 1 doc/s per core on 16 cores at full efficiency: 300,000 articles in 18,750 s
    assert round(projection_hours(1.0, 1.0, 300_000), 3) == round(18_750 / 3600, 3)
    assert projection_hours(0.0, 1.0, 10) == float("inf")


def test_articles_are_parsed_together_in_runs_of_bounded_size() -> None:
    from newsint.models import Article
    from newsint.pipeline import PARSE_CHARS, _by_size

    def article(n: int) -> Article:
        return Article(id="a", name="a", text="x" * n, input_format="text")

    sizes = [PARSE_CHARS // 2, PARSE_CHARS // 2, 10, PARSE_CHARS * 2, 5]
    runs = [[i for i, _ in run] for run in _by_size([(i, article(n)) for i, n in enumerate(sizes)])]
    assert runs == [[0, 1], [2], [3], [4]]
